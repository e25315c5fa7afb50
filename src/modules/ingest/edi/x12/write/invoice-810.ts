import { decimalText, extended, fromMicros, impliedCents, toMicros } from "./decimal.ts";
import { date8, partySegments, type X12PartyInput } from "./party.ts";
import type { X12OutboundSegment } from "./writer.ts";

export type X12InvoiceLineInput = {
  line_number: string | number;
  quantity: string | number;
  uom: string;
  unit_price: string | number;
  vendor_part_number?: string;
  buyer_part_number?: string;
  upc?: string;
  description?: string;
};

/** An allowance (subtracted) or charge (added) on the whole invoice: SAC, with a code such as D240 freight. */
export type X12ChargeInput = { kind: "allowance" | "charge"; code: string; amount: string | number; description?: string };

/** An 810 to write: an invoice with its lines, charges and tax, totalled exactly. */
export type X12InvoiceInput = {
  invoice_number: string;
  /** YYYY-MM-DD. */
  invoice_date: string;
  po_number?: string;
  po_date?: string;
  currency?: string;
  parties?: X12PartyInput[];
  /** ITD: payment terms. */
  terms?: { description?: string; net_days?: number; discount_percent?: string | number; discount_days?: number };
  lines: X12InvoiceLineInput[];
  charges?: X12ChargeInput[];
  tax_amount?: string | number;
};

/** The invoice total: Σ quantity × price, plus charges, less allowances, plus tax, in millionths. */
export function invoiceTotal(input: X12InvoiceInput): bigint {
  let total = input.lines.reduce((sum, line) => sum + extended(line.quantity, line.unit_price), 0n);
  for (const charge of input.charges ?? []) total += (charge.kind === "allowance" ? -1n : 1n) * toMicros(charge.amount);
  if (input.tax_amount !== undefined) total += toMicros(input.tax_amount);
  return total;
}

/** The body of an 810 invoice: BIG, CUR, N1 loops, ITD, IT1 (+ PID) per line, TDS, TXI, SAC, CTT. */
export function invoice(input: X12InvoiceInput): X12OutboundSegment[] {
  const segments: X12OutboundSegment[] = [
    ["BIG", date8(input.invoice_date), input.invoice_number, input.po_date ? date8(input.po_date) : "", input.po_number ?? ""],
  ];
  if (input.currency) segments.push(["CUR", "SE", input.currency]);
  for (const party of input.parties ?? []) segments.push(...partySegments(party));
  const terms = input.terms;
  if (terms) {
    const percent = terms.discount_percent === undefined ? "" : decimalText(terms.discount_percent);
    segments.push([
      "ITD",
      percent ? "08" : "05",
      "3",
      percent,
      "",
      terms.discount_days === undefined ? "" : String(terms.discount_days),
      "",
      terms.net_days === undefined ? "" : String(terms.net_days),
      "",
      "",
      "",
      "",
      terms.description ?? "",
    ]);
  }
  for (const line of input.lines) {
    segments.push([
      "IT1",
      String(line.line_number),
      decimalText(line.quantity),
      line.uom,
      decimalText(line.unit_price),
      "PE",
      ...(line.vendor_part_number ? ["VP", line.vendor_part_number] : []),
      ...(line.buyer_part_number ? ["BP", line.buyer_part_number] : []),
      ...(line.upc ? ["UP", line.upc] : []),
    ]);
    if (line.description) segments.push(["PID", "F", "", "", "", line.description]);
  }
  segments.push(["TDS", impliedCents(invoiceTotal(input))]);
  if (input.tax_amount !== undefined) segments.push(["TXI", "TX", fromMicros(toMicros(input.tax_amount), 2)]);
  for (const charge of input.charges ?? []) {
    const amount = impliedCents(toMicros(charge.amount));
    segments.push([
      "SAC",
      charge.kind === "allowance" ? "A" : "C",
      charge.code,
      "",
      "",
      amount,
      ...(charge.description ? ["", "", "", "", "", "", "", "", "", charge.description] : []),
    ]);
  }
  segments.push(["CTT", String(input.lines.length)]);
  return segments;
}
