import { element, type X12Segment } from "../segment.ts";
import type { X12TransactionSet } from "../types.ts";
import { decimal, emptyHeader, impliedDecimal, isoDate, optional, takeHeaderDetail, type X12HeaderDetails } from "./common.ts";
import { orderLine, takeLineDetail, type X12OrderLine } from "./order-line.ts";

/** SAC: an allowance (A) or charge (C), its code (D240 freight, C310 discount, …) and amount. */
export type X12Charge = { kind: "allowance" | "charge" | "other"; code: string; amount: string | null; description: string };
export type X12Tax = { code: string; amount: string | null; percent: string | null };

/** An 810 invoice: maps to an invoice (AP when a supplier bills, AR when it is ours). */
export type X12Invoice = X12HeaderDetails & {
  transaction: "810";
  control_number: string;
  invoice_number: string;
  invoice_date: string | null;
  po_number: string | null;
  po_date: string | null;
  /** BIG07: DI debit invoice, CR credit memo, … */
  transaction_type: string | null;
  lines: (X12OrderLine & { taxes: X12Tax[]; charges: X12Charge[] })[];
  /** TDS01 (implied two decimals): the invoice total. */
  total_amount: string | null;
  /** TDS02: the amount the terms discount applies to. */
  discountable_amount: string | null;
  taxes: X12Tax[];
  charges: X12Charge[];
  line_count: number | null;
};

const tax = (segment: X12Segment): X12Tax => ({
  code: element(segment, 1),
  amount: decimal(element(segment, 2)),
  percent: decimal(element(segment, 3)),
});

const charge = (segment: X12Segment): X12Charge => {
  const indicator = element(segment, 1);
  return {
    kind: indicator === "A" ? "allowance" : indicator === "C" ? "charge" : "other",
    code: element(segment, 2),
    amount: impliedDecimal(element(segment, 5)),
    description: element(segment, 15),
  };
};

export function readInvoice(set: X12TransactionSet): X12Invoice {
  const invoice: X12Invoice = {
    transaction: "810",
    control_number: set.controlNumber,
    invoice_number: "",
    invoice_date: null,
    po_number: null,
    po_date: null,
    transaction_type: null,
    ...emptyHeader(),
    lines: [],
    total_amount: null,
    discountable_amount: null,
    taxes: [],
    charges: [],
    line_count: null,
  };
  const { segments } = set;
  let line: X12Invoice["lines"][number] | null = null;
  for (let at = 0; at < segments.length; ) {
    const segment = segments[at] as X12Segment;
    if (segment.id === "BIG") {
      invoice.invoice_date = isoDate(element(segment, 1));
      invoice.invoice_number = element(segment, 2);
      invoice.po_date = isoDate(element(segment, 3));
      invoice.po_number = optional(segment, 4);
      invoice.transaction_type = optional(segment, 7);
    } else if (segment.id === "IT1") {
      line = { ...orderLine(segment), taxes: [], charges: [] };
      invoice.lines.push(line);
    } else if (segment.id === "TDS") {
      line = null;
      invoice.total_amount = impliedDecimal(element(segment, 1));
      invoice.discountable_amount = impliedDecimal(element(segment, 2));
    } else if (segment.id === "TXI") {
      (line ? line.taxes : invoice.taxes).push(tax(segment));
    } else if (segment.id === "SAC") {
      (line ? line.charges : invoice.charges).push(charge(segment));
    } else if (segment.id === "CTT") {
      invoice.line_count = Number.parseInt(element(segment, 1), 10) || null;
    } else if (!(line && takeLineDetail(line, segment))) {
      const next = takeHeaderDetail(invoice, segments, at);
      if (next !== -1) {
        at = next;
        continue;
      }
    }
    at += 1;
  }
  return invoice;
}
