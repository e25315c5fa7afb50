import { decimalText, fromMicros, toMicros } from "./decimal.ts";
import { date8, partySegments, type X12PartyInput } from "./party.ts";
import type { X12OutboundSegment } from "./writer.ts";

export type X12ShipLineInput = {
  line_number: string | number;
  quantity: string | number;
  uom: string;
  ordered_quantity?: string | number;
  vendor_part_number?: string;
  buyer_part_number?: string;
  upc?: string;
  lot_number?: string;
  description?: string;
};

export type X12ShipOrderInput = {
  po_number: string;
  po_date?: string;
  /** Cartons with their SSCC-18 labels; or, without packs, the lines straight under the order. */
  packs?: { sscc: string; lines: X12ShipLineInput[] }[];
  lines?: X12ShipLineInput[];
};

/** An 856 to write: a shipment (pick and pack structure S → O → P → I). */
export type X12ShipNoticeInput = {
  shipment_number: string;
  /** YYYY-MM-DD and HHMM. */
  ship_date: string;
  ship_time?: string;
  /** TD5: the carrier's SCAC and the routing text. */
  carrier?: string;
  routing?: string;
  tracking_number?: string;
  bill_of_lading?: string;
  package_count?: number;
  weight?: string | number;
  weight_uom?: string;
  estimated_delivery_date?: string;
  parties?: X12PartyInput[];
  orders: X12ShipOrderInput[];
};

function itemSegments(line: X12ShipLineInput): X12OutboundSegment[] {
  const ids = [
    ...(line.vendor_part_number ? ["VP", line.vendor_part_number] : []),
    ...(line.buyer_part_number ? ["BP", line.buyer_part_number] : []),
    ...(line.upc ? ["UP", line.upc] : []),
  ];
  const segments: X12OutboundSegment[] = [
    ["LIN", String(line.line_number), ...ids],
    [
      "SN1",
      String(line.line_number),
      decimalText(line.quantity),
      line.uom,
      "",
      line.ordered_quantity === undefined ? "" : decimalText(line.ordered_quantity),
      line.ordered_quantity === undefined ? "" : line.uom,
    ],
  ];
  if (line.description) segments.push(["PID", "F", "", "", "", line.description]);
  if (line.lot_number) segments.push(["REF", "LT", line.lot_number]);
  return segments;
}

/**
 * The body of an 856 ship notice: BSN, then the HL tree — the shipment (TD1, TD5, REF, DTM, N1
 * loops), each order (PRF), each pack (MAN GM with its SSCC) and each item (LIN, SN1, PID) —
 * numbered in order, each HL naming its parent, and CTT counting the HL levels.
 */
export function shipNotice(input: X12ShipNoticeInput): X12OutboundSegment[] {
  const segments: X12OutboundSegment[] = [
    ["BSN", "00", input.shipment_number, date8(input.ship_date), input.ship_time ?? "0000", "0001"],
  ];
  let next = 1;
  const level = (parent: number | null, code: string) => {
    const id = next++;
    segments.push(["HL", String(id), parent === null ? "" : String(parent), code]);
    return id;
  };
  const shipment = level(null, "S");
  if (input.package_count !== undefined || input.weight !== undefined) {
    const weight = input.weight === undefined ? [] : ["G", fromMicros(toMicros(input.weight)), input.weight_uom ?? "LB"];
    segments.push(["TD1", "CTN", input.package_count === undefined ? "" : String(input.package_count), "", "", "", ...weight]);
  }
  if (input.carrier || input.routing) segments.push(["TD5", "", "2", input.carrier ?? "", "", input.routing ?? ""]);
  if (input.bill_of_lading) segments.push(["REF", "BM", input.bill_of_lading]);
  if (input.tracking_number) segments.push(["REF", "CN", input.tracking_number]);
  segments.push(["DTM", "011", date8(input.ship_date)]);
  if (input.estimated_delivery_date) segments.push(["DTM", "017", date8(input.estimated_delivery_date)]);
  for (const party of input.parties ?? []) segments.push(...partySegments(party));
  for (const order of input.orders) {
    const orderLevel = level(shipment, "O");
    segments.push(["PRF", order.po_number, "", "", order.po_date ? date8(order.po_date) : ""]);
    for (const pack of order.packs ?? []) {
      const packLevel = level(orderLevel, "P");
      segments.push(["MAN", "GM", pack.sscc]);
      for (const line of pack.lines) {
        level(packLevel, "I");
        segments.push(...itemSegments(line));
      }
    }
    for (const line of order.lines ?? []) {
      level(orderLevel, "I");
      segments.push(...itemSegments(line));
    }
  }
  segments.push(["CTT", String(next - 1)]);
  return segments;
}
