import { element, type X12Segment } from "../segment.ts";
import {
  date,
  decimal,
  description,
  optional,
  partNumbers,
  productIds,
  reference,
  type X12Date,
  type X12PartNumbers,
  type X12ProductId,
  type X12Reference,
} from "./common.ts";

/** A PO1 line (850, 855) or IT1 line (810) with what follows it: PID, PO4, DTM, REF, CTP. */
export type X12OrderLine = X12PartNumbers & {
  /** PO101 / IT101, the line's assigned id as sent ("1", "0001", "A1"). */
  line_number: string;
  quantity: string | null;
  uom: string | null;
  unit_price: string | null;
  /** PO105: PE price per each, CP current price, … */
  price_basis: string | null;
  product_ids: X12ProductId[];
  description: string | null;
  dates: X12Date[];
  references: X12Reference[];
  /** PO4: pack (how many inner units a case holds) and its unit. */
  pack: { size: string | null; inner_uom: string | null } | null;
};

/** Reads a PO1 or IT1 segment (same layout: id, quantity, unit, price, basis, then id pairs). */
export function orderLine(segment: X12Segment): X12OrderLine {
  const ids = productIds(segment, 6);
  return {
    line_number: element(segment, 1),
    quantity: decimal(element(segment, 2)),
    uom: optional(segment, 3),
    unit_price: decimal(element(segment, 4)),
    price_basis: optional(segment, 5),
    product_ids: ids,
    ...partNumbers(ids),
    description: null,
    dates: [],
    references: [],
    pack: null,
  };
}

/** Takes a detail segment of the current line; false when it is not one. */
export function takeLineDetail(line: X12OrderLine, segment: X12Segment): boolean {
  switch (segment.id) {
    case "PID": {
      const text = description(segment);
      if (text) line.description = line.description ? `${line.description} ${text}` : text;
      return true;
    }
    case "PO4":
      line.pack = { size: decimal(element(segment, 1)), inner_uom: optional(segment, 3) };
      return true;
    case "DTM":
      line.dates.push(date(segment));
      return true;
    case "REF":
      line.references.push(reference(segment));
      return true;
    default:
      return false;
  }
}
