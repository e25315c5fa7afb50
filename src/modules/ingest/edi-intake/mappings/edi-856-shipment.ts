import type { EdiReadyMapping } from "./edi-ready-mapping.ts";

/**
 * An 856 from a supplier (its advance ship notice) → an inbound shipment with its lines, keyed by
 * BSN02 within the partner's source_system. The supplier is the partner's `supplier_external_id`
 * (N1*SF is where goods leave, not who sells them), else N1*SU, else N1*SF.
 */
export const edi856Shipment: EdiReadyMapping = {
  set: "856",
  title: "856 ship notice → inbound shipment",
  description:
    "A supplier's ASN as an inbound shipment: BSN02 the shipment number, TD5 the carrier, REF CN/2I the tracking number (else REF BM), DTM 011 the ship date, DTM 017 the estimated delivery, PRF01 the purchase order, each HL item (LIN/SN1) a line.",
  spec: {
    version: 1,
    description: "EDI 856 (typed read) → inbound shipment with lines.",
    records: [
      {
        type: "shipment",
        name: "inbound shipment",
        fields: {
          external_id: { path: "shipment_number", trim: true },
          shipment_number: { path: "shipment_number", trim: true },
          direction: { const: "inbound" },
          status: { path: "purpose", map: { values: { "01": "cancelled" }, fallback: "in_transit" }, default: "in_transit" },
          carrier: "carrier",
          service_level: "shipping_method",
          tracking_number: "tracking_number",
          purchase_order_external_id: "po_number",
          supplier_external_id: {
            first: ["partner.supplier_external_id", "parties[role=SU].id", "parties[role=SF].id"],
          },
          ship_to_external_id: "parties[role=ST].id",
          ship_date: { first: ["ship_date", "notice_date"] },
          estimated_delivery_at: {
            path: "estimated_delivery_date",
            datetime: { format: "YYYY-MM-DD", timezone: "UTC" },
          },
          weight: "weight",
          weight_uom: { path: "weight_uom", trim: true, case: "upper" },
          package_count: "package_count",
        },
        attributes: {
          edi_bill_of_lading: "bill_of_lading",
          edi_tracking_numbers: "tracking_numbers",
          edi_interchange: "envelope.interchange_control_number",
          edi_group: "envelope.group_control_number",
          edi_set: "envelope.set_control_number",
        },
        collections: {
          lines: {
            each: "lines[*]",
            required: true,
            fields: {
              line_number: { position: 1 },
              item_external_id: { first: ["buyer_part_number", "vendor_part_number", "upc"] },
              quantity: "quantity",
              uom: { path: "uom", trim: true, case: "upper" },
              order_line_number: "order_line",
              lot_number: "lot_number",
            },
            attributes: {
              po_number: "po_number",
              vendor_part_number: "vendor_part_number",
              upc: "upc",
              sscc: "marks[0]",
            },
          },
        },
      },
    ],
  },
};
