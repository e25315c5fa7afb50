import { type Classification, classifyDocument } from "../classify/classify-document.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import type { Extraction } from "../contract/documents.ts";
import type { DocumentText } from "../text/page-text.ts";
import { extractDeliveryDetails } from "./delivery-details.ts";
import { extractLines } from "./extract-lines.ts";
import type { ExtractedLine, ExtractedValue } from "./extracted.ts";
import { extractHeader } from "./header-fields.ts";
import { expectedAmounts, lineAddsUp } from "./line-arithmetic.ts";
import { extractParties } from "./parties.ts";

/** A check of a document against itself: what was expected, what was found, and the money at stake. */
export type DocumentCheck = { check: string; passed: boolean; expected: string; found: string; at_stake: string | null };

export type ReadDocument = {
  /** The kind it was read as: the classifier's, or the one given (a person's correction). */
  kind: DocumentKind;
  classification: Classification;
  fields: Record<string, ExtractedValue>;
  lines: ExtractedLine[];
  checks: DocumentCheck[];
  /** Whether it may go straight through at the thresholds, and if not, why not. */
  straightThrough: boolean;
  reasons: string[];
  /** Which engine read it; the rules unless said. */
  extraction?: Extraction;
};

/** What a document of each kind must have to go straight through. */
const REQUIRED: Partial<Record<DocumentKind, string[]>> = {
  purchase_order: ["po_number", "total"],
  invoice: ["invoice_number", "invoice_date", "supplier_name", "total"],
  credit_note: ["credit_note_number", "credit_date", "supplier_name", "total"],
  ship_notice: ["packing_slip_number", "supplier_name", "po_number"],
  bill_of_lading: ["bol_number", "ship_date", "carrier"],
  proof_of_delivery: ["pro_number"],
  rebate_claim: ["claim_number", "total"],
};
/** The fields a document of `kind` must have read to go straight through. */
export const requiredFields = (kind: DocumentKind): string[] => [...(REQUIRED[kind] ?? [])];

/** Kinds whose lines carry money, so their lines must add up. */
const PRICED = new Set<DocumentKind>(["purchase_order", "invoice", "rebate_claim"]);

/** The shipped thresholds: below them a person looks. */
export const THRESHOLDS = { classification: 0.5, field: 0.7 };

const cents = (value: string | undefined) => (value === undefined ? null : Math.round(Number(value) * 100));
const money = (amount: number) => (amount / 100).toFixed(2);

/** The document's own arithmetic: its lines add up to its subtotal (or total), and subtotal + tax + freight is its total. */
function arithmetic(fields: Record<string, ExtractedValue>, lines: ExtractedLine[]): DocumentCheck[] {
  const checks: DocumentCheck[] = [];
  const subtotal = cents(fields.subtotal?.value);
  const total = cents(fields.total?.value);
  const lineAmounts = lines.map((line) => cents(line.fields.amount?.value));
  if (lines.length > 0 && lineAmounts.every((amount) => amount !== null)) {
    const sum = (lineAmounts as number[]).reduce((all, amount) => all + amount, 0);
    const against = subtotal ?? (fields.tax || fields.freight ? null : total);
    if (against !== null) {
      checks.push({
        check: subtotal !== null ? "lines add up to the subtotal" : "lines add up to the total",
        passed: Math.abs(sum - against) <= 1,
        expected: money(sum),
        found: money(against),
        at_stake: money(Math.abs(sum - against)),
      });
    }
  }
  if (subtotal !== null && total !== null) {
    const expected = subtotal + (cents(fields.tax?.value) ?? 0) + (cents(fields.freight?.value) ?? 0);
    checks.push({
      check: "subtotal, tax and freight add up to the total",
      passed: Math.abs(expected - total) <= 1,
      expected: money(expected),
      found: money(total),
      at_stake: money(Math.abs(expected - total)),
    });
  }
  for (const [index, line] of lines.entries()) {
    if (lineAddsUp(line.fields) !== false) continue;
    const expected = Math.round((expectedAmounts(line.fields)[0] as number) * 100);
    const found = cents(line.fields.amount?.value) as number;
    checks.push({
      check: `line ${index + 1}: quantity × price${line.fields.discount ? " less discount" : ""} is its amount`,
      passed: false,
      expected: money(expected),
      found: money(found),
      at_stake: money(Math.abs(expected - found)),
    });
  }
  return checks;
}

/**
 * Reads a document whole: its kind, header fields and parties, lines, and its own checks; and
 * whether it may go straight through (its kind clear, what its kind requires read with confidence,
 * every line read with confidence, every check passed) or must be looked at, with the reasons.
 * Given a kind (a person's correction of the classifier), it is read as that kind.
 */
export function readDocument(
  text: DocumentText,
  options: {
    kind?: DocumentKind;
    learned?: (kind: DocumentKind, pages: DocumentText["pages"]) => Record<string, ExtractedValue>;
  } = {},
): ReadDocument {
  const classification = classifyDocument(text);
  const kind = options.kind ?? classification.kind;
  // A sender's learned template reads its fields where reviewers showed them, over the general rules.
  const fields = {
    ...extractParties(kind, text.pages),
    ...extractHeader(kind, text.pages),
    ...(kind === "proof_of_delivery" ? extractDeliveryDetails(text.pages) : {}),
    ...(options.learned?.(kind, text.pages) ?? {}),
  };
  const lines = extractLines(kind, text.pages);
  return judgeReading(kind, classification, fields, lines, options.kind !== undefined);
}

/**
 * A reading's own checks and whether it may go straight through: its kind clear (or given by a
 * person), what its kind requires read with confidence, every line read with confidence, every
 * check passed. Used for the rules' reading and for a model's.
 */
export function judgeReading(
  kind: DocumentKind,
  classification: Classification,
  fields: Record<string, ExtractedValue>,
  lines: ExtractedLine[],
  kindGiven: boolean,
): ReadDocument {
  const checks = arithmetic(fields, lines);
  // A delivery with damage or a shortage noted is a claim in the making: a person looks.
  const noted = fields.exceptions?.value;
  if (kind === "proof_of_delivery" && noted !== undefined) {
    checks.push({
      check: "delivered without exceptions",
      passed: noted === "NONE",
      expected: "NONE",
      found: noted,
      at_stake: null,
    });
  }
  const reasons: string[] = [];
  if (kind === "other") reasons.push("its kind is not clear");
  else if (!kindGiven && classification.confidence < THRESHOLDS.classification)
    reasons.push(`its kind is ${kind} with confidence ${classification.confidence} only`);
  for (const field of REQUIRED[kind] ?? []) {
    const value = fields[field];
    if (!value) reasons.push(`${field} was not found`);
    else if (value.confidence < THRESHOLDS.field) reasons.push(`${field} was read with confidence ${value.confidence} only`);
  }
  if (PRICED.has(kind) && lines.length === 0) reasons.push("no lines were found");
  // A priced line without a readable amount would leave the sums unchecked.
  if (PRICED.has(kind)) {
    const unpriced = lines.flatMap((line, index) => (line.fields.amount ? [] : [`line ${index + 1}`]));
    if (unpriced.length > 0)
      reasons.push(`no amount read on ${unpriced.slice(0, 5).join(", ")}${unpriced.length > 5 ? ", …" : ""}`);
  }
  const unsure = lines.flatMap((line, index) =>
    Object.entries(line.fields)
      .filter(([, value]) => value.confidence < THRESHOLDS.field)
      .map(([field]) => `line ${index + 1} ${field}`),
  );
  if (unsure.length > 0) reasons.push(`unsure: ${unsure.slice(0, 5).join(", ")}${unsure.length > 5 ? ", …" : ""}`);
  for (const check of checks) if (!check.passed) reasons.push(`${check.check}: expected ${check.expected}, found ${check.found}`);
  return { kind, classification, fields, lines, checks, straightThrough: reasons.length === 0, reasons };
}
