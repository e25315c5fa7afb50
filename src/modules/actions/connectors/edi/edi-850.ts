import type { Edi850Document } from "../../contract/index.ts";
import { decimalText, extendedTotal, fromMicros, toMicros } from "./decimal.ts";
import { element, type Segment, type Separators } from "./x12-writer.ts";

const date8 = (isoDate: string) => isoDate.replace(/-/g, "");

/** The body of an 850 purchase order, between ST and SE. */
export function purchaseOrder850(document: Edi850Document, separators: Separators): Segment[] {
  const e = (value: string | number, max?: number) => element(value, separators, max);
  const segments: Segment[] = [["BEG", "00", "SA", e(document.purchase_order_number, 22), "", date8(document.order_date)]];
  if (document.currency) segments.push(["CUR", "BY", document.currency]);
  if (document.requested_delivery_date) segments.push(["DTM", "002", date8(document.requested_delivery_date)]);
  const shipTo = document.ship_to;
  if (shipTo) {
    segments.push(["N1", "ST", e(shipTo.name, 60), ...(shipTo.code ? ["92", e(shipTo.code, 20)] : [])]);
    if (shipTo.address_line1) segments.push(["N3", e(shipTo.address_line1, 55)]);
    if (shipTo.city || shipTo.region || shipTo.postal_code || shipTo.country) {
      segments.push([
        "N4",
        e(shipTo.city ?? "", 30),
        e(shipTo.region ?? "", 2),
        e(shipTo.postal_code ?? "", 15),
        e(shipTo.country ?? "", 3),
      ]);
    }
  }
  for (const line of document.lines) {
    segments.push([
      "PO1",
      e(line.line_number, 20),
      decimalText(line.quantity),
      e(line.uom, 2),
      decimalText(line.unit_price),
      "PE",
      ...(line.vendor_part_number ? ["VP", e(line.vendor_part_number, 48)] : []),
      ...(line.buyer_part_number ? ["BP", e(line.buyer_part_number, 48)] : []),
    ]);
    if (line.description) segments.push(["PID", "F", "", "", "", e(line.description, 80)]);
  }
  const quantityHash = document.lines.reduce((sum, line) => sum + toMicros(line.quantity), 0n);
  segments.push(["CTT", String(document.lines.length), fromMicros(quantityHash)]);
  segments.push(["AMT", "TT", extendedTotal(document.lines)]);
  return segments;
}
