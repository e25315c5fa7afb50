import { defineChildren, defineRecord } from "../define-record.ts";
import { boolean, currency, date, decimal, enumeration, integer, money, ref, text } from "../fields.ts";

const lines = defineChildren({
  description: "The purchase order's lines.",
  key: "line_number",
  max: 5_000,
  fields: {
    line_number: integer({ required: true, nonNegative: true }),
    item_external_id: ref("item", { required: true }),
    supplier_part_number: text({ max: 100 }),
    description: text({ max: 500 }),
    quantity: decimal({ required: true, description: "Ordered quantity, in uom." }),
    uom: text({ required: true, max: 16 }),
    unit_cost: money({ required: true, currency: "currency" }),
    extended_cost: money({ currency: "currency" }),
    quantity_received: decimal({}),
    expected_date: date({}),
    promised_date: date({ description: "Date the supplier confirmed." }),
    status: enumeration(["open", "partially_received", "received", "cancelled", "closed"], {}),
  },
});

export const purchaseOrderRecord = defineRecord({
  name: "purchase_order",
  plural: "purchase_orders",
  prefix: "po",
  title: "Purchase order",
  description: "An order placed with a supplier.",
  fields: {
    po_number: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    supplier_external_id: ref("supplier", { required: true, filter: true }),
    status: enumeration(
      ["draft", "pending_approval", "approved", "sent", "acknowledged", "partially_received", "received", "closed", "cancelled"],
      { required: true, filter: true },
    ),
    order_date: date({ required: true, filter: true, sort: true }),
    expected_date: date({ filter: true, sort: true }),
    location_external_id: ref("location", { filter: true, description: "The warehouse it is delivered to." }),
    currency: currency({ required: true }),
    total_amount: money({ currency: "currency", filter: true, sort: true }),
    freight_amount: money({ currency: "currency" }),
    buyer: text({ max: 100, filter: true }),
    payment_terms: text({ max: 64 }),
    incoterms: text({ max: 16 }),
    shipping_method: text({ max: 100 }),
    is_acknowledged: boolean({ filter: true, description: "The supplier confirmed the order." }),
    notes: text({ max: 4000 }),
  },
  children: { lines },
});
