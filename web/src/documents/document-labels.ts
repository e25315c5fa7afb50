import { type DocumentStatus, DocumentSummary } from "../contract.ts";
import { fieldLabel } from "../records/labels.ts";
import type { BadgeTone } from "../ui/badge.tsx";

export type DocumentKind = DocumentSummary["kind"];

/** Every kind a document may be, in the contract's order. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = DocumentSummary.shape.kind.options;

export const isDocumentKind = (value: unknown): value is DocumentKind =>
  typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);

export const KIND_LABELS: Record<DocumentKind, string> = {
  purchase_order: "Purchase order",
  invoice: "Invoice",
  credit_note: "Credit note",
  ship_notice: "Ship notice",
  bill_of_lading: "Bill of lading",
  proof_of_delivery: "Proof of delivery",
  rebate_claim: "Rebate claim",
  other: "Other",
};

export const STATUS_LABELS: Record<DocumentStatus, { label: string; tone: BadgeTone }> = {
  straight_through: { label: "Straight through", tone: "good" },
  review: { label: "Waiting for review", tone: "warn" },
  approved: { label: "Approved", tone: "good" },
  rejected: { label: "Rejected", tone: "bad" },
};

/** Why a file is quarantined, as the API names it; an unknown reason is shown in its own words. */
const QUARANTINE_REASONS: Record<string, string> = {
  empty: "Empty file",
  unsupported_type: "Not a type that can be read",
  encrypted: "Protected by a password",
  corrupt: "Damaged",
  too_many_pages: "Too many pages",
  ocr_failed: "Its scan could not be read",
  too_many_attachments: "Too many attachments",
};

export const quarantineReason = (reason: string | null): string =>
  reason ? (QUARANTINE_REASONS[reason] ?? reason.replaceAll("_", " ")) : "No reason given";

/** Below this a value was read with too little confidence to go straight through (the shipped threshold). */
export const LOW_CONFIDENCE = 0.7;

export const formatConfidence = (confidence: number): string => `${Math.round(confidence * 100)}%`;

/** A share (0.333) as a percentage ("33%"); no share yet as a dash. */
export const formatRate = (rate: number | null): string => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

/** A length of time as a person says it: "45 s", "12 min", "3.5 h", "2.1 days". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3_600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 8_640) / 10} days`;
}

/** "invoice_number" → "Invoice number"; "supplier_address_line1" → "Supplier address line 1". */
export const documentFieldLabel = (field: string): string => fieldLabel(field.replace(/([a-z])(\d+)$/, "$1_$2"));

/** A reason as a person reads it: field names in words ("invoice_number was not found" → "Invoice number was not found"). */
export function reasonText(reason: string): string {
  const text = reason.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (name) =>
    name.replaceAll("_", " ").replace(/([a-z])(\d+)$/, "$1 $2"),
  );
  return text.charAt(0).toUpperCase() + text.slice(1);
}
