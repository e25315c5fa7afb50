import { defineChildren, defineRecord } from "../define-record.ts";
import { currency, date, decimal, enumeration, integer, money, ref, text } from "../fields.ts";

const lines = defineChildren({
  description: "The invoice's lines.",
  key: "line_number",
  max: 5_000,
  fields: {
    line_number: integer({ required: true, nonNegative: true }),
    item_external_id: ref("item", {}),
    description: text({ max: 500 }),
    quantity: decimal({}),
    uom: text({ max: 16 }),
    unit_price: money({ currency: "currency" }),
    extended_amount: money({ required: true, currency: "currency" }),
    tax_amount: money({ currency: "currency" }),
    order_line_number: integer({ nonNegative: true, description: "The sales (AR) or purchase (AP) order line billed." }),
  },
});

export const invoiceRecord = defineRecord({
  name: "invoice",
  plural: "invoices",
  prefix: "inv",
  title: "Invoice",
  description: "A bill: to a customer (kind ar, receivable) or from a supplier (kind ap, payable).",
  fields: {
    kind: enumeration(["ar", "ap"], {
      required: true,
      filter: true,
      description: "ar: we bill a customer; ap: a supplier bills us.",
    }),
    invoice_number: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    customer_external_id: ref("customer", { filter: true }),
    supplier_external_id: ref("supplier", { filter: true }),
    sales_order_external_id: ref("sales_order", { filter: true }),
    purchase_order_external_id: ref("purchase_order", { filter: true }),
    status: enumeration(["draft", "open", "partially_paid", "paid", "void", "disputed", "on_hold"], {
      required: true,
      filter: true,
    }),
    invoice_date: date({ required: true, filter: true, sort: true }),
    due_date: date({ filter: true, sort: true }),
    currency: currency({ required: true }),
    subtotal: money({ currency: "currency" }),
    tax_amount: money({ currency: "currency" }),
    freight_amount: money({ currency: "currency" }),
    total_amount: money({ required: true, currency: "currency", filter: true, sort: true }),
    balance_due: money({ currency: "currency", filter: true, sort: true }),
    payment_terms: text({ max: 64 }),
    reference: text({ max: 100, filter: true, search: true, description: "The customer's PO or the supplier's reference." }),
    notes: text({ max: 4000 }),
  },
  children: { lines },
  rules: [
    { rule: "required_when", field: "customer_external_id", when: "kind", equals: "ar" },
    { rule: "required_when", field: "supplier_external_id", when: "kind", equals: "ap" },
  ],
});
