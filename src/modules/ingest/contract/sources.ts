import { z } from "zod";

/** What kind of system a source is: shown in the console, and chosen from when a source is added. */
export const SourceSystemKind = z.enum(["erp", "wms", "tms", "crm", "ecommerce", "carrier", "other"]);
export type SourceSystemKind = z.infer<typeof SourceSystemKind>;

export const SourceStatus = z.enum(["active", "paused"]);
export type SourceStatus = z.infer<typeof SourceStatus>;

const SourceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and dashes, up to 63, starting with a letter or digit");

/**
 * How a source's payloads become records: a ready mapping by name (`{ "ready": "shopify-order" }`,
 * see GET /api/v1/ingest/mappings), or a mapping of the tenant's own (the spec in
 * src/modules/ingest/mapping/README.md), checked when saved.
 */
export const SourceMapping = z.union([
  z.object({ ready: z.string().min(1).max(100) }).strict(),
  z.record(z.string(), z.unknown()),
]);

export const SourceInput = z
  .object({
    name: SourceName,
    system: SourceSystemKind,
    /** The `source_system` its records are kept under (external ids are unique within it); the name when left out. */
    source_system: z.string().min(1).max(100).optional(),
    mapping: SourceMapping,
    status: SourceStatus.optional(),
  })
  .strict();
export type SourceInput = z.infer<typeof SourceInput>;

export const SourceUpdate = SourceInput.omit({ name: true }).partial().strict();
export type SourceUpdate = z.infer<typeof SourceUpdate>;

/** How a source is doing, from its receipts. */
export const SourceHealth = z.object({
  last_received_at: z.string().nullable(),
  received_last_hour: z.number().int(),
  received_last_day: z.number().int(),
  /** Share of the last day's receipts that were quarantined. */
  error_rate_last_day: z.number(),
  /** Stored and not yet processed. */
  backlog: z.number().int(),
  /** Age of the oldest receipt not yet processed. */
  lag_seconds: z.number(),
  quarantined: z.number().int(),
});
export type SourceHealth = z.infer<typeof SourceHealth>;

export const Source = z.object({
  id: z.string(),
  name: z.string(),
  /** `webhook`: payloads are sent to `webhook_path`; `file_drop`: rows of files dropped in a folder (see /api/v1/ingest/file-drops); `edi`: a trading partner's interchanges (see /api/v1/edi/partners); `pull`: a resource of a pull connector, its quarantined rows (see /api/v1/ingest/pull-connectors). */
  kind: z.enum(["webhook", "file_drop", "edi", "pull"]),
  system: SourceSystemKind,
  source_system: z.string(),
  /** The mapping as saved: a ready mapping's name is kept as given. */
  mapping: z.record(z.string(), z.unknown()),
  status: SourceStatus,
  /** Where the system sends its webhooks (a path under the API's address); null for a file drop. */
  webhook_path: z.string().nullable(),
  health: SourceHealth,
  created_at: z.string(),
  updated_at: z.string(),
});
export type Source = z.infer<typeof Source>;

/** A source as created, or with a new secret: the signing secret is shown this once. */
export const SourceWithSecret = Source.extend({ secret: z.string() });
export type SourceWithSecret = z.infer<typeof SourceWithSecret>;
