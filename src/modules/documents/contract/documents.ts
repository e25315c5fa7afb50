import { z } from "zod";
import { DOCUMENT_KINDS } from "./document-kinds.ts";

export { DOCUMENT_KINDS, type DocumentKind } from "./document-kinds.ts";

export const FileChannel = z.enum(["upload", "email", "folder", "edi", "api"]);
export type FileChannel = z.infer<typeof FileChannel>;

export const FileStatus = z.enum(["pending", "reading", "read", "quarantined"]);
export const DocumentStatus = z.enum(["straight_through", "review", "approved", "rejected"]);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

const Box = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });

/** Where a value was read: its page, its span of that page's text, and its box on the page. */
export const ValueLocation = z.object({ page: z.number().int(), start: z.number().int(), end: z.number().int(), box: Box });

/** A page's words with their boxes (in the page's unit, from its top left), to show where a value was read. */
export const PageWords = z.object({
  width: z.number(),
  height: z.number(),
  unit: z.string(),
  words: z.array(z.object({ text: z.string(), start: z.number(), end: z.number(), box: Box })),
});
export type PageWords = z.infer<typeof PageWords>;

export const FieldValue = z.object({
  /** Normalised: amounts and quantities as exact decimals, dates YYYY-MM-DD. */
  value: z.string(),
  /** As printed on the document. */
  printed: z.string(),
  confidence: z.number(),
  /** Null for a value a person typed in. */
  location: ValueLocation.nullable(),
});
export type FieldValue = z.infer<typeof FieldValue>;

export const DocumentLine = z.object({ fields: z.record(z.string(), FieldValue) });

export const Check = z.object({
  check: z.string(),
  passed: z.boolean(),
  expected: z.string(),
  found: z.string(),
  at_stake: z.string().nullable(),
});

/** A file as it came in, and what became of it. */
export const StoredFile = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  channel: FileChannel,
  sender: z.string().nullable(),
  parent_id: z.string().nullable(),
  status: FileStatus,
  /** Why it is quarantined: empty, unsupported_type, encrypted, corrupt, too_many_pages, ocr_failed, too_many_attachments, edi_not_accepted, failed */
  reason: z.string().nullable(),
  reason_detail: z.string().nullable(),
  attempts: z.number().int(),
  received_at: z.string(),
  read_at: z.string().nullable(),
  /** An EDI interchange handed to the EDI intake: the ingest receipt it became. */
  handed_over: z.string().nullable(),
  /** The documents found in it (an email's are under its attachments). */
  document_ids: z.array(z.string()),
  /** An email's attachments and body, each a file of its own. */
  children: z.array(z.string()),
});
export type StoredFile = z.infer<typeof StoredFile>;

export const Received = z.object({
  file: StoredFile,
  /** True when the same bytes came in before: `file` is the earlier one, nothing is read again. */
  duplicate: z.boolean(),
});
export type Received = z.infer<typeof Received>;

export const Route = z.object({
  /** sales_order_proposal (a customer PO), ap_invoice (ready to post), delivery_proof (attached to its shipment), none. */
  type: z.enum(["sales_order_proposal", "ap_invoice", "delivery_proof", "shipment_notice", "rebate_claim", "none"]),
  summary: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type Route = z.infer<typeof Route>;

export const ReviewRecord = z.object({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().nullable(),
  /** Fields a person changed: field → { from, to }. */
  corrected_fields: z.record(z.string(), z.object({ from: z.string().nullable(), to: z.string().nullable() })),
  lines_corrected: z.boolean(),
  kind_corrected: z.boolean(),
  /** Fields the document had or was given, and how many the person changed: field accuracy. */
  fields_reviewed: z.number().int(),
  fields_corrected: z.number().int(),
  seconds_in_queue: z.number(),
});

export const DocumentSummary = z.object({
  id: z.string(),
  file_id: z.string(),
  file_name: z.string(),
  channel: FileChannel,
  first_page: z.number().int(),
  last_page: z.number().int(),
  kind: z.enum(DOCUMENT_KINDS),
  kind_confidence: z.number(),
  status: DocumentStatus,
  reasons: z.array(z.string()),
  sender_name: z.string().nullable(),
  document_number: z.string().nullable(),
  duplicate_of: z.string().nullable(),
  total: z.string().nullable(),
  checks_failed: z.number().int(),
  created_at: z.string(),
  reviewed_at: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const PageOfDocument = z.object({
  page: z.number().int(),
  width: z.number(),
  height: z.number(),
  unit: z.string(),
  engine: z.string(),
  confidence: z.number().nullable(),
  text: z.string(),
});

/** Which engine read a document's fields and lines: the rules, or a model (which, and its logged call). */
export const Extraction = z.object({
  engine: z.enum(["rules", "model"]),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  call_id: z.string().nullable(),
  /** Why the rules read it where the tenant chose a model (no provider, the model failing). */
  note: z.string().nullable(),
});
export type Extraction = z.infer<typeof Extraction>;

export const DocumentDetail = DocumentSummary.extend({
  classification: z.object({
    kind: z.string(),
    confidence: z.number(),
    scores: z.record(z.string(), z.number()),
    reasons: z.array(z.string()),
  }),
  fields: z.record(z.string(), FieldValue),
  lines: z.array(DocumentLine),
  checks: z.array(Check),
  route: Route.nullable(),
  /** What it was matched to in the records: customer or supplier, PO, each line's item. */
  matches: z
    .object({
      source_system: z.string().nullable(),
      customer_external_id: z.string().optional(),
      supplier_external_id: z.string().optional(),
      purchase_order_external_id: z.string().optional(),
      shipment_external_id: z.string().optional(),
      line_items: z.array(z.string().nullable()),
      /** Each line's PO line number, where a supplier's document was matched line by line to its PO. */
      purchase_order_lines: z.array(z.number().int().nullable()).optional(),
    })
    .nullable(),
  /** The fields its kind must have to go straight through: a reviewer fills in those missing. */
  required_fields: z.array(z.string()),
  /** The workflow run its route started (a sales order, an AP invoice). */
  run_id: z.string().nullable(),
  review: ReviewRecord.nullable(),
  reviewed_by: z.string().nullable(),
  extraction: Extraction,
  pages: z.array(PageOfDocument),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const DocumentQuery = z.object({
  status: DocumentStatus.optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  sender: z.string().max(200).optional(),
  file_id: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last id of the previous page. */
  after: z.string().optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;

export const FileQuery = z.object({
  status: FileStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().optional(),
});
export type FileQuery = z.infer<typeof FileQuery>;

const CorrectedValue = z.string().max(2000).nullable();

/** A reviewer's decision: approve (with corrections) or reject (with a reason). */
export const ReviewInput = z
  .object({
    decision: z.enum(["approve", "reject"]),
    comment: z.string().max(2000).optional(),
    /** The kind, when the machine got it wrong. */
    kind: z.enum(DOCUMENT_KINDS).optional(),
    /** Fields as they should read: field → value (null removes a field). */
    fields: z.record(z.string().max(100), CorrectedValue).optional(),
    /** The lines as they should read, whole, when any is wrong. */
    lines: z
      .array(z.record(z.string().max(100), z.string().max(2000)))
      .max(1000)
      .optional(),
  })
  .strict()
  .refine((review) => review.decision === "approve" || (review.comment ?? "").trim() !== "", {
    message: "a rejection needs a comment saying why",
    path: ["comment"],
  });
export type ReviewInput = z.infer<typeof ReviewInput>;

/** How documents fared, for a kind and sender (or all of them): the touchless rate, accuracy from reviews, time in queue. */
export const DocumentStats = z.object({
  kind: z.string().nullable(),
  sender: z.string().nullable(),
  documents: z.number().int(),
  straight_through: z.number().int(),
  /** Documents that went straight through, of all read. */
  touchless_rate: z.number().nullable(),
  waiting: z.number().int(),
  reviewed: z.number().int(),
  fields_reviewed: z.number().int(),
  fields_corrected: z.number().int(),
  /** Fields a reviewer left as read, of all they saw. */
  field_accuracy: z.number().nullable(),
  mean_seconds_in_queue: z.number().nullable(),
  oldest_waiting_seconds: z.number().nullable(),
});
export type DocumentStats = z.infer<typeof DocumentStats>;

export const StatsQuery = z.object({ by: z.enum(["none", "kind", "sender", "kind_and_sender"]).default("kind") });

/** A tenant's tolerances for checks against the records, as fractions (0.01 is 1%). */
export const DocumentSettings = z
  .object({
    /** How far a billed price may stand over the PO's cost, or a customer's from their agreed price. */
    price_tolerance: z.number().min(0).max(1),
    /** How far a billed quantity may stand over what was received. */
    quantity_tolerance: z.number().min(0).max(1),
    /** Which engine reads documents: the layout rules, or a model through the AI layer (a provider must be configured). */
    extractor: z.enum(["rules", "model"]).optional(),
  })
  .strict();
export type DocumentSettings = z.infer<typeof DocumentSettings>;
