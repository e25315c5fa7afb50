import { defineRecord } from "../define-record.ts";
import { currency, decimal, enumeration, money, ref, text, timestamp } from "../fields.ts";

export const inventoryMovementRecord = defineRecord({
  name: "inventory_movement",
  plural: "inventory_movements",
  prefix: "imov",
  title: "Inventory movement",
  description: "One change to stock: a receipt, shipment, transfer, adjustment or count.",
  fields: {
    item_external_id: ref("item", { required: true, filter: true }),
    location_external_id: ref("location", { required: true, filter: true }),
    kind: enumeration(
      ["receipt", "shipment", "transfer_in", "transfer_out", "adjustment", "count", "return", "scrap", "assembly"],
      { required: true, filter: true },
    ),
    quantity: decimal({ required: true, description: "Signed: positive into the location, negative out of it." }),
    uom: text({ required: true, max: 16 }),
    occurred_at: timestamp({ required: true, filter: true, sort: true }),
    reference_type: enumeration(["sales_order", "purchase_order", "receipt", "shipment", "transfer", "count", "other"], {
      filter: true,
    }),
    reference_external_id: text({ max: 200, filter: true, description: "External id of the document that caused it." }),
    lot_number: text({ max: 64 }),
    bin: text({ max: 64 }),
    reason_code: text({ max: 64, filter: true }),
    currency: currency({}),
    unit_cost: money({ currency: "currency" }),
    performed_by: text({ max: 100 }),
  },
});
