import { defineChildren, defineRecord } from "../define-record.ts";
import { currency, date, decimal, enumeration, integer, money, ref, text } from "../fields.ts";

const lines = defineChildren({
  description: "The order's lines.",
  key: "line_number",
  max: 5_000,
  fields: {
    line_number: integer({ required: true, nonNegative: true }),
    item_external_id: ref("item", { required: true }),
    customer_part_number: text({ max: 100 }),
    description: text({ max: 500 }),
    quantity: decimal({ required: true, description: "Ordered quantity, in uom." }),
    uom: text({ required: true, max: 16 }),
    unit_price: money({ required: true, currency: "currency" }),
    extended_price: money({ currency: "currency" }),
    quantity_shipped: decimal({}),
    quantity_backordered: decimal({}),
    requested_date: date({}),
    promised_date: date({}),
    location_external_id: ref("location", {}),
    status: enumeration(["open", "allocated", "picked", "shipped", "backordered", "invoiced", "cancelled", "closed"], {}),
  },
});

export const salesOrderRecord = defineRecord({
  name: "sales_order",
  plural: "sales_orders",
  prefix: "so",
  title: "Sales order",
  description: "A customer's order.",
  fields: {
    order_number: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    customer_external_id: ref("customer", { required: true, filter: true }),
    ship_to_external_id: ref("ship_to", { filter: true }),
    customer_po_number: text({ max: 100, filter: true, search: true }),
    status: enumeration(
      ["draft", "open", "on_hold", "released", "partially_shipped", "shipped", "invoiced", "closed", "cancelled"],
      { required: true, filter: true },
    ),
    order_date: date({ required: true, filter: true, sort: true }),
    requested_date: date({ filter: true, sort: true }),
    promised_date: date({ filter: true, sort: true }),
    location_external_id: ref("location", { filter: true, description: "The warehouse that fulfils the order." }),
    channel: enumeration(["edi", "web", "email", "phone", "fax", "portal", "counter", "other"], { filter: true }),
    currency: currency({ required: true }),
    subtotal: money({ currency: "currency" }),
    tax_amount: money({ currency: "currency" }),
    freight_amount: money({ currency: "currency" }),
    total_amount: money({ currency: "currency", filter: true, sort: true }),
    payment_terms: text({ max: 64 }),
    shipping_method: text({ max: 100 }),
    sales_rep: text({ max: 100, filter: true }),
    notes: text({ max: 4000 }),
  },
  children: { lines },
});
