import { defineChildren, defineRecord } from "../define-record.ts";
import { currency, date, decimal, enumeration, integer, money, ref, text, timestamp } from "../fields.ts";

const SHIPMENT_STATUSES = [
  "planned",
  "tendered",
  "picked_up",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "delayed",
  "exception",
  "returned",
  "cancelled",
] as const;

const lines = defineChildren({
  description: "What the shipment carries.",
  key: "line_number",
  max: 5_000,
  fields: {
    line_number: integer({ required: true, nonNegative: true }),
    item_external_id: ref("item", { required: true }),
    quantity: decimal({ required: true, nonNegative: true }),
    uom: text({ required: true, max: 16 }),
    order_line_number: integer({ nonNegative: true, description: "The sales or purchase order line shipped." }),
    lot_number: text({ max: 64 }),
  },
});

const trackingEvents = defineChildren({
  description: "Carrier scans and status updates, oldest first.",
  max: 1_000,
  fields: {
    occurred_at: timestamp({ required: true }),
    status: enumeration(SHIPMENT_STATUSES, {}),
    code: text({ max: 32, description: "The carrier's event code." }),
    description: text({ max: 500 }),
    city: text({ max: 100 }),
    region: text({ max: 100 }),
    country: text({ max: 2 }),
    estimated_delivery_at: timestamp({ description: "The carrier's estimate as of this event." }),
  },
});

export const shipmentRecord = defineRecord({
  name: "shipment",
  plural: "shipments",
  prefix: "shpm",
  title: "Shipment",
  description: "Goods moving in (from a supplier) or out (to a customer), with the carrier's tracking events.",
  fields: {
    shipment_number: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    direction: enumeration(["inbound", "outbound"], { required: true, filter: true }),
    status: enumeration(SHIPMENT_STATUSES, { required: true, filter: true }),
    carrier: text({ max: 100, filter: true }),
    service_level: text({ max: 64 }),
    tracking_number: text({ max: 100, filter: true, search: true }),
    sales_order_external_id: ref("sales_order", { filter: true }),
    purchase_order_external_id: ref("purchase_order", { filter: true }),
    customer_external_id: ref("customer", { filter: true }),
    supplier_external_id: ref("supplier", { filter: true }),
    ship_to_external_id: ref("ship_to", { filter: true }),
    origin_location_external_id: ref("location", { filter: true }),
    destination_location_external_id: ref("location", { filter: true }),
    ship_date: date({ filter: true, sort: true }),
    estimated_delivery_at: timestamp({ filter: true, sort: true }),
    delivered_at: timestamp({ filter: true, sort: true }),
    currency: currency({}),
    freight_cost: money({ currency: "currency", nonNegative: true }),
    weight: decimal({ nonNegative: true }),
    weight_uom: text({ max: 8 }),
    package_count: integer({ nonNegative: true }),
  },
  children: { lines, tracking_events: trackingEvents },
});
