import { z } from "zod";
import { QuarantineStage } from "./receipts.ts";

/** A payload tried against a mapping, written nowhere: the mapping given, or a source's current one. */
export const MappingTrial = z
  .object({
    /** A mapping spec, or `{ "ready": name }`; left out, `source`'s mapping. */
    mapping: z.record(z.string(), z.unknown()).optional(),
    /** A source (id or name) whose mapping and source system are used. */
    source: z.string().optional(),
    /** The payload as the mapping reads it: a webhook's JSON, a file's row as an object. */
    payload: z.unknown(),
    /** The `source_system` the records carry; by default the source's, or `trial`. */
    source_system: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((trial) => (trial.mapping === undefined) !== (trial.source === undefined), {
    message: "name either a mapping or a source",
    path: ["mapping"],
  });
export type MappingTrial = z.infer<typeof MappingTrial>;

export const MappingTrialResult = z.object({
  /** The records the payload maps to, as they would be upserted; none when there are problems. */
  records: z.array(z.object({ type: z.string(), row: z.record(z.string(), z.unknown()), merge: z.boolean() })),
  /** What stops the payload from mapping, each at its payload path, as quarantine would say it. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type MappingTrialResult = z.infer<typeof MappingTrialResult>;

/** Quarantined receipts sent through again as they are, once a source's mapping was fixed. */
export const BulkReplayInput = z
  .object({
    /** The source (id or name) whose quarantined receipts are replayed. */
    source: z.string(),
    /** Only those quarantined at this stage. */
    stage: QuarantineStage.optional(),
  })
  .strict();
export type BulkReplayInput = z.infer<typeof BulkReplayInput>;

export const BulkReplayResult = z.object({
  replayed: z.number().int(),
  /** More are quarantined than one call replays (BULK_REPLAY_LIMIT): call again. */
  more: z.boolean(),
});
export type BulkReplayResult = z.infer<typeof BulkReplayResult>;
