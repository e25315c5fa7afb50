import { z } from "zod";

/** One version of a record, from the event that recorded it: `GET …/{id}/history` lists them oldest first. */
export const RecordHistoryEntry = z.object({
  event_id: z.string(),
  version: z.number().int(),
  change: z.enum(["inserted", "updated"]),
  occurred_at: z.string(),
  /** `user:usr_…`, `api_key:key_…`, `operator:…`, `system:…` */
  actor: z.string().nullable(),
  request_id: z.string().nullable(),
  /** The record as that version left it. */
  record: z.record(z.string(), z.unknown()),
});
export type RecordHistoryEntry = z.infer<typeof RecordHistoryEntry>;
