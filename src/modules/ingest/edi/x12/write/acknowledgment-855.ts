import { decimalText } from "./decimal.ts";
import { date8, partySegments, type X12PartyInput } from "./party.ts";
import type { X12OutboundSegment } from "./writer.ts";

export type X12AcknowledgmentLineInput = {
  line_number: string | number;
  quantity: string | number;
  uom: string;
  unit_price?: string | number;
  buyer_part_number?: string;
  vendor_part_number?: string;
  /** accepted as ordered, changed (quantity, price or date), backordered, or rejected. */
  status: "accepted" | "changed" | "backordered" | "rejected";
  /** What the seller will ship, when it differs from `quantity`. */
  ack_quantity?: string | number;
  ack_unit_price?: string | number;
  ship_date?: string;
};

/**
 * An 855 to write. The actions module's `Edi855Document` maps onto it field for field
 * (`purchase_order_number` → `po_number`, `purchase_order_date` → `po_date`).
 */
export type X12AcknowledgmentInput = {
  po_number: string;
  po_date: string;
  seller_order_number?: string;
  /** YYYY-MM-DD; BAK09. */
  acknowledgment_date: string;
  parties?: X12PartyInput[];
  lines: X12AcknowledgmentLineInput[];
};

const same = (a: string | number | undefined, b: string | number | undefined) =>
  a === undefined || b === undefined || decimalText(a) === decimalText(b);

/** ACK01 for a line: IA, IB, IR, or IQ / IP / IC by what changed. */
function lineStatus(line: X12AcknowledgmentLineInput): string {
  if (line.status === "accepted") return "IA";
  if (line.status === "rejected") return "IR";
  if (line.status === "backordered") return "IB";
  const quantityChanged = !same(line.ack_quantity, line.quantity);
  const priceChanged = !same(line.ack_unit_price, line.unit_price);
  if (quantityChanged && !priceChanged) return "IQ";
  if (priceChanged && !quantityChanged) return "IP";
  return "IC";
}

/** BAK02: AD when every line is accepted as ordered, RJ when every line is rejected, AC otherwise. */
function acknowledgmentType(lines: X12AcknowledgmentLineInput[]): string {
  if (lines.every((line) => line.status === "accepted")) return "AD";
  if (lines.every((line) => line.status === "rejected")) return "RJ";
  return "AC";
}

/** The body of an 855 purchase order acknowledgment (BAK, N1 loops, PO1 + ACK per line, CTT). */
export function purchaseOrderAcknowledgment(input: X12AcknowledgmentInput): X12OutboundSegment[] {
  const segments: X12OutboundSegment[] = [
    [
      "BAK",
      "00",
      acknowledgmentType(input.lines),
      input.po_number,
      date8(input.po_date),
      "",
      "",
      "",
      input.seller_order_number ?? "",
      date8(input.acknowledgment_date),
    ],
  ];
  for (const party of input.parties ?? []) segments.push(...partySegments(party));
  for (const line of input.lines) {
    const price = line.unit_price === undefined ? [] : [decimalText(line.unit_price), "PE"];
    segments.push([
      "PO1",
      String(line.line_number),
      decimalText(line.quantity),
      line.uom,
      ...(price.length ? price : ["", ""]),
      ...(line.buyer_part_number ? ["BP", line.buyer_part_number] : []),
      ...(line.vendor_part_number ? ["VP", line.vendor_part_number] : []),
    ]);
    const status = lineStatus(line);
    if (line.ack_unit_price !== undefined && status !== "IA") segments.push(["CTP", "", "", decimalText(line.ack_unit_price)]);
    const quantity = line.status === "rejected" ? 0 : (line.ack_quantity ?? line.quantity);
    segments.push(["ACK", status, decimalText(quantity), line.uom, ...(line.ship_date ? ["068", date8(line.ship_date)] : [])]);
  }
  segments.push(["CTT", String(input.lines.length)]);
  return segments;
}
