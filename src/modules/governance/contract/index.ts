import { z } from "zod";

export const AuditEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  occurred_at: z.string(),
  actor: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }),
  action: z.string(),
  resource_type: z.string(),
  resource_id: z.string(),
  request_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  actor: z.string().optional().describe("actor id, or type:id"),
  action: z.string().optional().describe("exact action, or a prefix ending in *"),
  resource_type: z.string().optional(),
  resource_id: z.string().optional(),
  record: z.string().max(100).optional().describe("a record's id: the entries about it, alone or as part of a batch"),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  before_seq: z.coerce.number().int().positive().optional().describe("cursor: entries older than this sequence number"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const ChainReport = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head_hash: z.string().optional(),
  first_break: z.object({ seq: z.number().int(), id: z.string().nullable(), reason: z.string() }).optional(),
});
export type ChainReport = z.infer<typeof ChainReport>;

/** The values the trail's filters can take, for pickers in the console. */
export const AuditFacets = z.object({
  actions: z.array(z.string()),
  actors: z.array(z.object({ type: z.string(), id: z.string(), label: z.string().nullable() })),
  resource_types: z.array(z.string()),
});
export type AuditFacets = z.infer<typeof AuditFacets>;
