import type { RecordTypeName } from "../../../modules/records/index.ts";
import type { InvoiceErrorKind } from "../../world.ts";

export type DocumentKind = "purchase_order" | "invoice" | "ship_notice" | "bill_of_lading" | "proof_of_delivery" | "rebate_claim";
export type DocumentFormat = "pdf" | "scan_png" | "scan_pdf" | "edi_x12";

/** A value as a reader should extract it: ISO dates, canonical decimal strings, integers, flags. */
export type TruthValue = string | number | boolean;

/** What one line of a document says (`fields`, normalised; `printed`, as it appears) and what it refers to. */
export type TruthLine = {
  fields: Record<string, TruthValue>;
  printed: Record<string, string>;
  /** Records the line stands for (e.g. `item_external_id`), which the document itself does not name. */
  refs: Record<string, string>;
};

/** The ground truth written beside every generated document as `<document>.truth.json`. */
export type DocumentTruth = {
  kind: DocumentKind;
  format: DocumentFormat;
  layout: string;
  path: string;
  source: { record_type: RecordTypeName; external_id: string; source_system: string | null };
  pages: number;
  fields: Record<string, TruthValue>;
  printed: Record<string, string>;
  refs: Record<string, string>;
  lines: TruthLine[];
  /** For invoices the world marks as wrong: what an AP clerk should catch. */
  errors?: { kind: InvoiceErrorKind; detail: string }[];
  edi?: { transaction_set: "850" | "810" | "856"; sender_id: string; receiver_id: string; interchange_control_number: string };
  scan?: ScanTruth;
  /** The same document in its other scanned form (the PNG for a PDF, and back). */
  companion?: string;
};

export type ScanTruth = {
  dpi: number;
  width: number;
  height: number;
  mode: "scanner" | "fax";
  rotation_degrees: number;
  blur_radius: number;
  noise_sd: number;
};

/** One generated document and its truth, before they are written out as files. */
export type GeneratedDocument = { path: string; content: Buffer | string; truth: DocumentTruth };
