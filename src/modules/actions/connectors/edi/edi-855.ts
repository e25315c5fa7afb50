import type { Edi855Document, Edi855Line } from "../../contract/index.ts";
import { decimalText } from "./decimal.ts";
import { element, type Segment, type Separators } from "./x12-writer.ts";

const date8 = (isoDate: string) => isoDate.replace(/-/g, "");

/** ACK01: accepted (IA), quantity changed (IQ), price changed (IP), accepted with other changes (IC), rejected (IR). */
function lineStatus(line: Edi855Line): string {
  if (line.status === "accepted") return "IA";
  if (line.status === "rejected") return "IR";
  const quantityChanged = line.ack_quantity !== undefined && line.ack_quantity !== line.quantity;
  const priceChanged =
    line.ack_unit_price !== undefined &&
    line.unit_price !== undefined &&
    decimalText(line.ack_unit_price) !== decimalText(line.unit_price);
  if (quantityChanged && !priceChanged) return "IQ";
  if (priceChanged && !quantityChanged) return "IP";
  return "IC";
}

/**
 * BAK02: AD when every line is accepted as ordered, RJ when every line is rejected, AC (with detail
 * and change) otherwise.
 */
function acknowledgmentType(lines: Edi855Line[]): string {
  if (lines.every((line) => line.status === "accepted")) return "AD";
  if (lines.every((line) => line.status === "rejected")) return "RJ";
  return "AC";
}

/** The body of an 855 purchase order acknowledgment, between ST and SE. */
export function purchaseOrderAcknowledgment855(document: Edi855Document, separators: Separators, today: string): Segment[] {
  const e = (value: string | number, max?: number) => element(value, separators, max);
  const segments: Segment[] = [
    [
      "BAK",
      "00",
      acknowledgmentType(document.lines),
      e(document.purchase_order_number, 22),
      date8(document.purchase_order_date),
      "",
      "",
      "",
      document.seller_order_number ? e(document.seller_order_number, 22) : "",
      date8(document.acknowledgment_date ?? today),
    ],
  ];
  for (const line of document.lines) {
    const ids = [
      ...(line.buyer_part_number ? ["BP", e(line.buyer_part_number, 48)] : []),
      ...(line.vendor_part_number ? ["VP", e(line.vendor_part_number, 48)] : []),
    ];
    segments.push([
      "PO1",
      e(line.line_number, 20),
      decimalText(line.quantity),
      e(line.uom, 2),
      line.unit_price !== undefined ? decimalText(line.unit_price) : "",
      line.unit_price !== undefined ? "PE" : "",
      ...ids,
    ]);
    const quantity = line.status === "rejected" ? 0 : (line.ack_quantity ?? line.quantity);
    segments.push([
      "ACK",
      lineStatus(line),
      decimalText(quantity),
      e(line.uom, 2),
      ...(line.ship_date ? ["068", date8(line.ship_date)] : []),
    ]);
    if (line.ack_unit_price !== undefined && lineStatus(line) !== "IA") {
      segments.push(["CTP", "", "", decimalText(line.ack_unit_price)]);
    }
  }
  segments.push(["CTT", String(document.lines.length)]);
  return segments;
}
