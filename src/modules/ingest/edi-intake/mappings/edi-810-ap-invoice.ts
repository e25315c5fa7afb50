import type { EdiReadyMapping } from "./edi-ready-mapping.ts";

/**
 * An 810 from a supplier → an AP invoice with its lines, keyed by BIG02 within the partner's
 * source_system. The supplier is the partner's `supplier_external_id`, else N1*SU, N1*RI or N1*SE.
 * Line amounts and the subtotal, tax and freight are added up exactly by the view.
 */
export const edi810ApInvoice: EdiReadyMapping = {
  set: "810",
  title: "810 invoice → AP invoice",
  description:
    "A supplier's 810 as an AP invoice: BIG02 the invoice number, BIG01 its date, BIG04 the purchase order, TDS01 the total, TXI the tax, SAC freight charges, IT1 lines (quantity × price, less line allowances).",
  spec: {
    version: 1,
    description: "EDI 810 (typed read) → AP invoice with lines.",
    records: [
      {
        type: "invoice",
        name: "AP invoice",
        fields: {
          external_id: { path: "invoice_number", trim: true },
          invoice_number: { path: "invoice_number", trim: true },
          kind: { const: "ap" },
          supplier_external_id: {
            first: ["partner.supplier_external_id", "parties[role=SU].id", "parties[role=RI].id", "parties[role=SE].id"],
          },
          purchase_order_external_id: "po_number",
          status: { const: "open" },
          invoice_date: "invoice_date",
          currency: { first: ["currency", "partner.currency"], case: "upper" },
          subtotal: "subtotal",
          tax_amount: "tax_total",
          freight_amount: "freight_total",
          total_amount: "total_amount",
          balance_due: "total_amount",
          payment_terms: "payment_terms",
          reference: "po_number",
        },
        attributes: {
          edi_transaction_type: "transaction_type",
          edi_interchange: "envelope.interchange_control_number",
          edi_group: "envelope.group_control_number",
          edi_set: "envelope.set_control_number",
        },
        collections: {
          lines: {
            each: "lines[*]",
            required: true,
            fields: {
              line_number: "number",
              item_external_id: { first: ["buyer_part_number", "vendor_part_number", "upc"] },
              description: "description",
              quantity: "quantity",
              uom: { path: "uom", trim: true, case: "upper" },
              unit_price: "unit_price",
              extended_amount: "extended_amount",
              tax_amount: "tax_amount",
              order_line_number: "order_line",
            },
            attributes: { edi_line_id: "line_number", vendor_part_number: "vendor_part_number", upc: "upc" },
          },
        },
      },
    ],
  },
};
