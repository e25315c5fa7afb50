import { element, type X12Segment } from "../segment.ts";
import type { X12TransactionSet } from "../types.ts";
import { dateOf, decimal, emptyHeader, isoDate, optional, takeHeaderDetail, type X12HeaderDetails } from "./common.ts";
import { orderLine, takeLineDetail, type X12OrderLine } from "./order-line.ts";

/** An 850 purchase order as sent: maps to a sales order (a customer's PO) or a purchase order. */
export type X12PurchaseOrder = X12HeaderDetails & {
  transaction: "850";
  control_number: string;
  /** BEG01: 00 original, 01 cancellation, 05 replace, 07 duplicate. */
  purpose: string;
  /** BEG02: SA stand-alone, BK blanket, RL release, DS drop ship, … */
  order_type: string;
  po_number: string;
  release_number: string | null;
  order_date: string | null;
  /** DTM 002 (delivery requested), else 010 (requested ship). */
  requested_date: string | null;
  lines: (X12OrderLine & { requested_date: string | null })[];
  /** CTT01, the number of lines the sender counted. */
  line_count: number | null;
  /** AMT TT (or AMT 1), the order total. */
  total_amount: string | null;
};

export function readPurchaseOrder(set: X12TransactionSet): X12PurchaseOrder {
  const order: X12PurchaseOrder = {
    transaction: "850",
    control_number: set.controlNumber,
    purpose: "",
    order_type: "",
    po_number: "",
    release_number: null,
    order_date: null,
    requested_date: null,
    ...emptyHeader(),
    lines: [],
    line_count: null,
    total_amount: null,
  };
  const { segments } = set;
  let line: X12OrderLine | null = null;
  for (let at = 0; at < segments.length; ) {
    const segment = segments[at] as X12Segment;
    if (segment.id === "BEG") {
      order.purpose = element(segment, 1);
      order.order_type = element(segment, 2);
      order.po_number = element(segment, 3);
      order.release_number = optional(segment, 4);
      order.order_date = isoDate(element(segment, 5));
    } else if (segment.id === "PO1") {
      line = orderLine(segment);
      order.lines.push(line as X12PurchaseOrder["lines"][number]);
    } else if (segment.id === "CTT") {
      line = null;
      order.line_count = Number.parseInt(element(segment, 1), 10) || null;
    } else if (segment.id === "AMT" && (element(segment, 1) === "TT" || element(segment, 1) === "1")) {
      order.total_amount = decimal(element(segment, 2));
    } else if (!(line && takeLineDetail(line, segment)) && !line) {
      const next = takeHeaderDetail(order, segments, at);
      if (next !== -1) {
        at = next;
        continue;
      }
    }
    at += 1;
  }
  order.requested_date = dateOf(order.dates, "002", "010");
  for (const each of order.lines) each.requested_date = dateOf(each.dates, "002", "010") ?? order.requested_date;
  return order;
}
