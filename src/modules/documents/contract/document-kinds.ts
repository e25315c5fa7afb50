/** What a document is, as the rest of Crossdock routes it. */
export const DOCUMENT_KINDS = [
  "purchase_order",
  "invoice",
  "credit_note",
  "ship_notice",
  "bill_of_lading",
  "proof_of_delivery",
  "rebate_claim",
  "other",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
