import type { ShipNoticeContent } from "../content/ship-notice.ts";
import type { TruthRecorder } from "../truth/recorder.ts";
import { x12Unit } from "./edi-formats.ts";
import { element, type Segment } from "./x12-writer.ts";

/**
 * The body of an 856 ship notice in the common shipment / order / item hierarchy: one S level with
 * the carrier and totals, one O level with the PO, one I level per line. CTT01 counts the HL segments.
 */
export function shipNotice856(notice: ShipNoticeContent, record: TruthRecorder): Segment[] {
  const text = (key: string, value: string, max?: number) => record.text(key, element(value, max));
  const segments: Segment[] = [
    [
      "BSN",
      "00",
      text("shipment_number", notice.shipmentNumber, 30),
      record.date("ship_date", notice.shipDate),
      record.text("ship_time", notice.shipTime),
      "0001",
    ],
    ["HL", "1", "", "S"],
  ];
  if (notice.packages != null || notice.weight != null) {
    segments.push([
      "TD1",
      "CTN25",
      notice.packages != null ? record.integer("packages", notice.packages) : "",
      "",
      "",
      "",
      notice.weight != null ? "G" : "",
      notice.weight != null ? record.quantity("weight", notice.weight) : "",
      notice.weight != null ? record.text("weight_uom", notice.weightUom) : "",
    ]);
  }
  if (notice.carrier)
    segments.push(["TD5", "", "2", text("scac", notice.scac ?? "", 4), "M", text("carrier", notice.carrier, 35)]);
  segments.push(["REF", "BM", text("bol_number", notice.bolNumber, 30)]);
  if (notice.trackingNumber) segments.push(["REF", "CN", text("tracking_number", notice.trackingNumber, 30)]);
  segments.push(["DTM", "011", record.date("ship_date", notice.shipDate)]);
  if (notice.estimatedDelivery) segments.push(["DTM", "017", record.date("estimated_delivery_date", notice.estimatedDelivery)]);
  segments.push([
    "N1",
    "SF",
    text("ship_from_name", notice.shipFrom.name, 60),
    "92",
    text("ship_from_code", notice.shipFrom.code ?? "", 20),
  ]);
  segments.push([
    "N1",
    "ST",
    text("ship_to_name", notice.shipTo.name, 60),
    "92",
    text("ship_to_code", notice.shipTo.code ?? "", 20),
  ]);
  if (notice.shipTo.line1) segments.push(["N3", text("ship_to_address_line1", notice.shipTo.line1, 55)]);
  segments.push([
    "N4",
    text("ship_to_city", notice.shipTo.city ?? "", 30),
    text("ship_to_region", notice.shipTo.region ?? "", 2),
    text("ship_to_postal_code", notice.shipTo.postalCode ?? "", 15),
  ]);
  segments.push(["HL", "2", "1", "O"]);
  if (notice.poNumber) segments.push(["PRF", text("po_number", notice.poNumber, 22)]);
  let hl = 2;
  for (const line of notice.lines) {
    hl++;
    const unit = x12Unit(line.uom);
    const lineRecord = record.line({ item_external_id: line.itemExternalId, ...(unit === line.uom ? {} : { uom: line.uom }) });
    segments.push(["HL", String(hl), "2", "I"]);
    const lin = ["LIN", lineRecord.integer("line_number", line.lineNumber)];
    if (line.supplierPartNumber) lin.push("VP", lineRecord.text("supplier_part_number", element(line.supplierPartNumber, 48)));
    lin.push("BP", lineRecord.text("buyer_part_number", element(line.sku, 48)));
    segments.push(lin);
    segments.push(["SN1", "", lineRecord.quantity("quantity", line.quantity), lineRecord.text("uom", unit)]);
    if (line.poLineNumber != null) segments.push(["REF", "LI", lineRecord.integer("po_line_number", line.poLineNumber)]);
    if (line.lotNumber) segments.push(["REF", "LT", lineRecord.text("lot_number", element(line.lotNumber, 30))]);
  }
  segments.push(["CTT", record.integer("hl_count", hl)]);
  return segments;
}
