import { z } from "zod";
import { ProducedRecord, ReceiptProblem, ReceiptStatus } from "../../contract/receipts.ts";
import { OutboundSet } from "./partners.ts";

/** What became of one transaction set received. */
export const ReceivedSet = z.object({
  /** GS01 and GS06 of its group. */
  functional_id: z.string(),
  group_control_number: z.string(),
  /** ST01 and ST02. */
  set: z.string(),
  control_number: z.string(),
  /**
   * accepted: its records were written (for a 997: its verdict noted on our documents); rejected: its
   * content is wrong, the 997 rejects it and the partner should resend it corrected; held: received
   * well (the 997 accepts it) but not taken yet, for a reason on our side (a partner setting, the
   * order it changes not here yet): replay the receipt once fixed. See problems.
   */
  status: z.enum(["accepted", "rejected", "held"]),
  records: z.array(ProducedRecord),
  problems: z.array(ReceiptProblem),
});
export type ReceivedSet = z.infer<typeof ReceivedSet>;

/** An interchange received from a partner: its receipt, envelope, each set's outcome and the 997s (and TA1) answering it. */
export const ReceivedInterchange = z.object({
  receipt_id: z.string(),
  partner_id: z.string(),
  /** ISA05:ISA06 and ISA07:ISA08, trimmed. */
  sender: z.string(),
  receiver: z.string(),
  /** ISA13. */
  control_number: z.string(),
  usage: z.string(),
  /** The receipt's status: processed, or quarantined when a set was rejected or the envelope is broken. */
  status: ReceiptStatus,
  sets: z.array(ReceivedSet),
  /** The 997s written for its groups, then the TA1 when its sender asked for one (`GET /api/v1/edi/documents/{id}`). */
  acknowledgments: z.array(z.string()),
  processed_at: z.string(),
});
export type ReceivedInterchange = z.infer<typeof ReceivedInterchange>;

/** What the sender of an interchange is answered once it is stored. */
export const InterchangeAccepted = z.object({
  receipt_id: z.string(),
  /** The same interchange (sender and ISA13) was stored before: this is that receipt, not stored again. */
  duplicate: z.boolean(),
  partner_id: z.string(),
  control_number: z.string().nullable(),
  /** With `?wait=true`: the outcome, once processed. */
  interchange: ReceivedInterchange.nullable(),
});
export type InterchangeAccepted = z.infer<typeof InterchangeAccepted>;

export const DocumentDelivery = z.object({
  /**
   * stored: kept for the API only (the partner has no outbox folder); pending: to be written to the
   * outbox (a moment after it is stored); delivered: written there; failed: see error (tried again
   * with the partner's next interchange, or at once with POST /api/v1/edi/documents/{id}/deliver).
   */
  status: z.enum(["stored", "pending", "delivered", "failed"]),
  to: z.string().nullable(),
  error: z.string().nullable(),
  at: z.string().nullable(),
});

/** A 997: the group it answers and its verdict (AK9: A, E, P, R). */
const GroupAnswered = z.object({
  receipt_id: z.string(),
  functional_id: z.string(),
  group_control_number: z.string(),
  status: z.enum(["A", "E", "P", "R"]),
  sets_received: z.number().int(),
  sets_accepted: z.number().int(),
});

/** A TA1: the interchange it answers and the verdict on its envelope (TA104: A, E, R; TA105: the note code, 000 when none). */
const InterchangeAnswered = z.object({
  receipt_id: z.string(),
  interchange_control_number: z.string(),
  status: z.enum(["A", "E", "R"]),
  note_code: z.string(),
});

/**
 * An X12 document Crossdock wrote for a partner: a 997 answering a group it sent, a TA1 answering
 * an interchange whose sender asked for one, or an 855, 856 or 810 made from a record.
 */
export const OutboundDocument = z.object({
  id: z.string(),
  partner_id: z.string(),
  transaction_set: z.enum(["997", "TA1", "855", "856", "810"]),
  /** ISA13 (nine digits); GS06 is the same number. */
  control_number: z.string(),
  file_name: z.string(),
  /** The record it was made from, at the version it was made from. */
  record: z.object({ type: z.string(), id: z.string(), version: z.number().int() }).nullable(),
  /** What a 997 or a TA1 answers, and its verdict. */
  answers: z.union([GroupAnswered, InterchangeAnswered]).nullable(),
  delivery: DocumentDelivery,
  /** The partner's own 997 about this document, once received. */
  acknowledgment: z
    .object({
      status: z.enum(["accepted", "accepted_with_errors", "partially_accepted", "rejected", "other"]),
      receipt_id: z.string(),
      at: z.string(),
    })
    .nullable(),
  /** What the record did not say and the document had to assume (a line without a unit, a total that differs). */
  warnings: z.array(z.string()),
  created_at: z.string(),
});
export type OutboundDocument = z.infer<typeof OutboundDocument>;

export const OutboundDocumentDetail = OutboundDocument.extend({ body: z.string() });
export type OutboundDocumentDetail = z.infer<typeof OutboundDocumentDetail>;

export const GenerateDocumentInput = z
  .object({
    set: OutboundSet,
    /** An 855 answers a sales order (so_…), an 856 announces an outbound shipment (shpm_…), an 810 bills an AR invoice (inv_…). */
    record_id: z.string().min(1).max(100),
  })
  .strict();
export type GenerateDocumentInput = z.infer<typeof GenerateDocumentInput>;

export const GeneratedDocument = OutboundDocumentDetail.extend({
  /** The same set for the same record at the same version was made before: this is that document. */
  duplicate: z.boolean(),
});
export type GeneratedDocument = z.infer<typeof GeneratedDocument>;

export const DocumentQuery = z.object({
  set: z.enum(["997", "TA1", "855", "856", "810"]).optional(),
  /** Documents made from this record (its id). */
  record: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;

export const InterchangeQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
export type InterchangeQuery = z.infer<typeof InterchangeQuery>;
