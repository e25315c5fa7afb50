import type { PurchaseOrderContent } from "../content/purchase-order.ts";
import { sumMicros } from "../decimal.ts";
import type { TruthRecorder } from "../truth/recorder.ts";
import { x12Unit } from "./edi-formats.ts";
import { element, type Segment } from "./x12-writer.ts";

/** The body of an 850 purchase order, as a customer's EDI translator sends it. */
export function purchaseOrder850(po: PurchaseOrderContent, record: TruthRecorder): Segment[] {
  const text = (key: string, value: string, max?: number) => record.text(key, element(value, max));
  const segments: Segment[] = [
    ["BEG", "00", "SA", text("po_number", po.poNumber, 22), "", record.date("po_date", po.poDate)],
    ["CUR", "BY", record.text("currency", "USD")],
    ["REF", "IA", text("vendor_number", po.vendorNumber, 30)],
    ["PER", "BD", text("buyer_contact", po.buyerContact, 60)],
  ];
  if (po.terms) segments.push(["ITD", "01", "3", "", "", "", "", "", "", "", "", "", text("terms", po.terms)]);
  if (po.requestedDate) segments.push(["DTM", "002", record.date("requested_date", po.requestedDate)]);
  if (po.shipVia) segments.push(["TD5", "", "", "", "", text("ship_via", po.shipVia, 35)]);
  segments.push(["N1", "BY", text("buyer_name", po.buyer.name, 60), "91", text("buyer_account_number", po.buyer.code ?? "", 20)]);
  segments.push(["N1", "ST", text("ship_to_name", po.shipTo.name, 60), "92", text("ship_to_code", po.shipTo.code ?? "", 20)]);
  if (po.shipTo.line1) {
    segments.push([
      "N3",
      text("ship_to_address_line1", po.shipTo.line1, 55),
      po.shipTo.line2 ? text("ship_to_address_line2", po.shipTo.line2, 55) : "",
    ]);
  }
  segments.push([
    "N4",
    text("ship_to_city", po.shipTo.city ?? "", 30),
    text("ship_to_region", po.shipTo.region ?? "", 2),
    text("ship_to_postal_code", po.shipTo.postalCode ?? "", 15),
    text("ship_to_country", po.shipTo.country ?? "", 3),
  ]);
  for (const line of po.lines) {
    const unit = x12Unit(line.uom);
    const lineRecord = record.line({ item_external_id: line.itemExternalId, ...(unit === line.uom ? {} : { uom: line.uom }) });
    const ids = line.customerPartNumber
      ? [
          "BP",
          lineRecord.text("customer_part_number", element(line.customerPartNumber, 48)),
          "VP",
          lineRecord.text("vendor_part_number", element(line.sku, 48)),
        ]
      : ["VP", lineRecord.text("vendor_part_number", element(line.sku, 48))];
    segments.push([
      "PO1",
      lineRecord.integer("line_number", line.lineNumber),
      lineRecord.quantity("quantity", line.quantity),
      lineRecord.text("uom", unit),
      lineRecord.price("unit_price", line.unitPrice),
      "PE",
      ...ids,
    ]);
    segments.push(["PID", "F", "", "", "", lineRecord.text("description", element(line.description, 80))]);
  }
  const quantityHash = sumMicros(po.lines.map((line) => line.quantity));
  segments.push(["CTT", record.integer("line_count", po.lines.length), record.quantity("quantity_hash_total", quantityHash)]);
  segments.push(["AMT", "TT", record.money("total", po.subtotal)]);
  return segments;
}
