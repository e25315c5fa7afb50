import { element, type X12Segment } from "../segment.ts";
import type { X12TransactionSet } from "../types.ts";
import {
  decimal,
  emptyHeader,
  isoDate,
  optional,
  partNumbers,
  productIds,
  takeHeaderDetail,
  type X12HeaderDetails,
} from "./common.ts";
import { takeLineDetail, type X12OrderLine } from "./order-line.ts";

/** A POC line: what changes on one line of the PO. */
export type X12ChangeLine = X12OrderLine & {
  /** POC02: AI add item, CA change line, DI delete item, PC price change, QD quantity decrease, QI increase, … */
  change_type: string;
  /** POC03: the line's quantity as ordered; `quantity` is POC04, what is left to receive after the change. */
  ordered_quantity: string | null;
};

/** An 860 purchase order change (buyer initiated). */
export type X12PurchaseOrderChange = X12HeaderDetails & {
  transaction: "860";
  control_number: string;
  /** BCH01: 01 cancellation, 04 change, 05 replace, … */
  purpose: string;
  order_type: string;
  po_number: string;
  release_number: string | null;
  change_sequence: string | null;
  po_date: string | null;
  change_date: string | null;
  lines: X12ChangeLine[];
  line_count: number | null;
};

function changeLine(segment: X12Segment): X12ChangeLine {
  const ids = productIds(segment, 8);
  return {
    line_number: element(segment, 1),
    change_type: element(segment, 2),
    ordered_quantity: decimal(element(segment, 3)),
    quantity: decimal(element(segment, 4)),
    uom: optional(segment, 5),
    unit_price: decimal(element(segment, 6)),
    price_basis: optional(segment, 7),
    product_ids: ids,
    ...partNumbers(ids),
    description: null,
    dates: [],
    references: [],
    pack: null,
  };
}

export function readPurchaseOrderChange(set: X12TransactionSet): X12PurchaseOrderChange {
  const change: X12PurchaseOrderChange = {
    transaction: "860",
    control_number: set.controlNumber,
    purpose: "",
    order_type: "",
    po_number: "",
    release_number: null,
    change_sequence: null,
    po_date: null,
    change_date: null,
    ...emptyHeader(),
    lines: [],
    line_count: null,
  };
  const { segments } = set;
  let line: X12ChangeLine | null = null;
  for (let at = 0; at < segments.length; ) {
    const segment = segments[at] as X12Segment;
    if (segment.id === "BCH") {
      change.purpose = element(segment, 1);
      change.order_type = element(segment, 2);
      change.po_number = element(segment, 3);
      change.release_number = optional(segment, 4);
      change.change_sequence = optional(segment, 5);
      change.po_date = isoDate(element(segment, 6));
      change.change_date = isoDate(element(segment, 10)) ?? isoDate(element(segment, 11));
    } else if (segment.id === "POC") {
      line = changeLine(segment);
      change.lines.push(line);
    } else if (segment.id === "CTT") {
      line = null;
      change.line_count = Number.parseInt(element(segment, 1), 10) || null;
    } else if (!(line && takeLineDetail(line, segment))) {
      const next = takeHeaderDetail(change, segments, at);
      if (next !== -1) {
        at = next;
        continue;
      }
    }
    at += 1;
  }
  return change;
}
