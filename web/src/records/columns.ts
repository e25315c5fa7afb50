import type { RecordTypeName } from "../contract.ts";

/**
 * How each record type reads in the console: the fields its list shows, and the fields that name
 * one record in a heading. Presentation only; what a type holds comes from the contract.
 */
export const RECORD_VIEWS: Record<RecordTypeName, { columns: readonly string[]; title: readonly string[] }> = {
  item: { columns: ["sku", "name", "category", "brand", "status", "base_uom", "list_price"], title: ["sku", "name"] },
  item_xref: {
    columns: ["part_number", "kind", "item_external_id", "customer_external_id", "supplier_external_id", "uom", "status"],
    title: ["part_number"],
  },
  location: { columns: ["code", "name", "kind", "status", "timezone", "is_fulfillment"], title: ["code", "name"] },
  customer: {
    columns: ["account_number", "name", "status", "customer_class", "territory", "sales_rep", "credit_limit", "balance"],
    title: ["account_number", "name"],
  },
  ship_to: { columns: ["code", "name", "customer_external_id", "status", "carrier", "shipping_method"], title: ["code", "name"] },
  supplier: {
    columns: ["code", "name", "status", "lead_time_days", "minimum_order_amount", "payment_terms", "buyer"],
    title: ["code", "name"],
  },
  price_list: { columns: ["code", "name", "status", "currency", "valid_from", "valid_to", "priority"], title: ["code", "name"] },
  price_agreement: {
    columns: [
      "agreement_number",
      "customer_external_id",
      "item_external_id",
      "contract_price",
      "valid_from",
      "valid_to",
      "status",
    ],
    title: ["agreement_number"],
  },
  sales_order: {
    columns: ["order_number", "customer_external_id", "status", "channel", "order_date", "promised_date", "total_amount"],
    title: ["order_number"],
  },
  purchase_order: {
    columns: [
      "po_number",
      "supplier_external_id",
      "status",
      "order_date",
      "expected_date",
      "location_external_id",
      "total_amount",
    ],
    title: ["po_number"],
  },
  receipt: {
    columns: [
      "receipt_number",
      "purchase_order_external_id",
      "supplier_external_id",
      "location_external_id",
      "status",
      "received_at",
    ],
    title: ["receipt_number"],
  },
  shipment: {
    columns: [
      "shipment_number",
      "direction",
      "status",
      "carrier",
      "tracking_number",
      "ship_date",
      "estimated_delivery_at",
      "delivered_at",
    ],
    title: ["shipment_number"],
  },
  invoice: {
    columns: [
      "invoice_number",
      "kind",
      "customer_external_id",
      "supplier_external_id",
      "status",
      "invoice_date",
      "due_date",
      "total_amount",
      "balance_due",
    ],
    title: ["invoice_number"],
  },
  inventory_balance: {
    columns: [
      "item_external_id",
      "location_external_id",
      "quantity_on_hand",
      "quantity_available",
      "quantity_on_order",
      "reorder_point",
      "as_of",
    ],
    title: ["item_external_id", "location_external_id"],
  },
  inventory_movement: {
    columns: ["occurred_at", "kind", "item_external_id", "location_external_id", "quantity", "uom", "reference_external_id"],
    title: ["kind", "item_external_id"],
  },
  service_case: {
    columns: ["case_number", "subject", "status", "priority", "category", "customer_external_id", "opened_at"],
    title: ["case_number", "subject"],
  },
};

/** The record types the console lists first: what the users browse most. */
export const PRIMARY_TYPES: readonly RecordTypeName[] = [
  "item",
  "customer",
  "supplier",
  "sales_order",
  "purchase_order",
  "shipment",
  "invoice",
  "inventory_balance",
];
