import { defineChildren, defineRecord } from "../define-record.ts";
import { date, decimal, enumeration, integer, json, ref, text, timestamp } from "../fields.ts";

const lines = defineChildren({
  description: "What was received, by item.",
  key: "line_number",
  max: 5_000,
  fields: {
    line_number: integer({ required: true, nonNegative: true }),
    purchase_order_line_number: integer({ nonNegative: true }),
    item_external_id: ref("item", { required: true }),
    quantity_received: decimal({ required: true, nonNegative: true }),
    quantity_rejected: decimal({ nonNegative: true }),
    uom: text({ required: true, max: 16 }),
    lot_number: text({ max: 64 }),
    serial_numbers: json({ description: "Serial numbers received, as a JSON array." }),
    expiry_date: date({}),
    bin: text({ max: 64 }),
    condition: enumeration(["good", "damaged", "short", "over", "wrong_item"], {}),
    reason: text({ max: 500 }),
  },
});

export const receiptRecord = defineRecord({
  name: "receipt",
  plural: "receipts",
  prefix: "rcp",
  title: "Receipt",
  description: "Goods received into a location, usually against a purchase order.",
  fields: {
    receipt_number: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    purchase_order_external_id: ref("purchase_order", { filter: true }),
    supplier_external_id: ref("supplier", { filter: true }),
    location_external_id: ref("location", { required: true, filter: true }),
    status: enumeration(["open", "posted", "cancelled"], { filter: true }),
    received_at: timestamp({ required: true, filter: true, sort: true }),
    packing_slip_number: text({ max: 100, filter: true, search: true }),
    carrier: text({ max: 100 }),
    tracking_number: text({ max: 100, filter: true }),
    received_by: text({ max: 100 }),
    notes: text({ max: 4000 }),
  },
  children: { lines },
});
