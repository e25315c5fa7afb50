import type { EdiReadyMapping } from "./edi-ready-mapping.ts";

/**
 * An 850 from a customer (its purchase order to the distributor) → a sales order with its lines,
 * keyed by the PO number within the partner's source_system, so a resent or replacing 850 updates
 * the same order. The customer is N1*BY's id, else the partner's `customer_external_id`.
 */
export const edi850SalesOrder: EdiReadyMapping = {
  set: "850",
  title: "850 purchase order → sales order",
  description:
    "A customer's 850 as a sales order: BEG03 the PO number (external id, order number and customer PO), BEG05 the order date, N1*BY the customer (else the partner's), N1*ST the ship-to, PO1 lines with the vendor's part number (else the buyer's, else the UPC) as the item.",
  spec: {
    version: 1,
    description: "EDI 850 (typed read) → sales order with lines.",
    records: [
      {
        type: "sales_order",
        name: "sales order",
        fields: {
          external_id: { path: "po_number", trim: true },
          order_number: { path: "po_number", trim: true },
          customer_po_number: { path: "po_number", trim: true },
          customer_external_id: { first: ["parties[role=BY].id", "partner.customer_external_id"] },
          ship_to_external_id: "parties[role=ST].id",
          status: {
            path: "purpose",
            map: { values: { "01": "cancelled", "03": "cancelled" }, fallback: "open" },
            default: "open",
          },
          order_date: "order_date",
          requested_date: "requested_date",
          channel: { const: "edi" },
          currency: { first: ["currency", "partner.currency"], case: "upper" },
          total_amount: "total_amount",
          payment_terms: "payment_terms",
          shipping_method: "shipping_method",
        },
        attributes: {
          edi_release_number: "release_number",
          edi_order_type: "order_type",
          edi_purpose: "purpose",
          edi_interchange: "envelope.interchange_control_number",
          edi_group: "envelope.group_control_number",
          edi_set: "envelope.set_control_number",
          edi_ship_to: "parties[role=ST]",
        },
        collections: {
          lines: {
            each: "lines[*]",
            required: true,
            fields: {
              line_number: "number",
              item_external_id: { first: ["vendor_part_number", "buyer_part_number", "upc"] },
              customer_part_number: "buyer_part_number",
              description: "description",
              quantity: "quantity",
              uom: { path: "uom", trim: true, case: "upper" },
              unit_price: "unit_price",
              extended_price: "extended_price",
              requested_date: "requested_date",
            },
            attributes: { edi_line_id: "line_number", upc: "upc" },
          },
        },
      },
    ],
  },
};
