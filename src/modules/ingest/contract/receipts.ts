import { z } from "zod";

export const ReceiptStatus = z.enum(["received", "processed", "quarantined"]);
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;

/** Where processing stopped: the payload did not parse, did not map, or its records did not validate. */
export const QuarantineStage = z.enum(["parse", "map", "validate", "process"]);
export type QuarantineStage = z.infer<typeof QuarantineStage>;

export const ReceiptProblem = z.object({ path: z.string(), message: z.string() });

export const QuarantineReason = z.object({
  stage: QuarantineStage,
  message: z.string(),
  problems: z.array(ReceiptProblem),
});
export type QuarantineReason = z.infer<typeof QuarantineReason>;

/** A record a receipt wrote: its lineage. */
export const ProducedRecord = z.object({ type: z.string(), id: z.string(), external_id: z.string() });
export type ProducedRecord = z.infer<typeof ProducedRecord>;

export const Receipt = z.object({
  id: z.string(),
  source_id: z.string(),
  delivery_id: z.string(),
  received_at: z.string(),
  content_type: z.string().nullable(),
  size: z.number().int(),
  status: ReceiptStatus,
  attempts: z.number().int(),
  processed_at: z.string().nullable(),
  reason: QuarantineReason.nullable(),
  produced: z.array(ProducedRecord),
  /** A person corrected the payload before a replay; `body` is still what the sender sent. */
  corrected: z.boolean(),
});
export type Receipt = z.infer<typeof Receipt>;

/** One receipt with its payload: as sent, and as corrected (text, or base64 when not UTF-8). */
export const ReceiptDetail = Receipt.extend({
  body: z.string(),
  body_encoding: z.enum(["utf8", "base64"]),
  corrected_body: z.string().nullable(),
});
export type ReceiptDetail = z.infer<typeof ReceiptDetail>;

export const ReceiptQuery = z.object({
  source: z.string().optional(),
  status: ReceiptStatus.optional(),
  /** Receipts that wrote this record (its id). */
  record: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
export type ReceiptQuery = z.infer<typeof ReceiptQuery>;

export const ReplayInput = z
  .object({
    /** The payload corrected, as text; left out, the receipt is processed again as it is (after a mapping fix). */
    body: z.string().max(1_048_576).optional(),
  })
  .strict();
export type ReplayInput = z.infer<typeof ReplayInput>;

/** What a webhook sender is answered once its payload is stored. */
export const WebhookAccepted = z.object({ receipt_id: z.string(), duplicate: z.boolean() });
