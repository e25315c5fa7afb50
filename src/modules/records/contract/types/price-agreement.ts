import { defineRecord } from "../define-record.ts";
import { currency, date, decimal, enumeration, money, ref, text } from "../fields.ts";

export const priceAgreementRecord = defineRecord({
  name: "price_agreement",
  plural: "price_agreements",
  prefix: "pag",
  title: "Customer price agreement",
  description: "A contract price for one customer and item, valid for a period.",
  fields: {
    agreement_number: text({ max: 64, filter: true, sort: true, search: true }),
    customer_external_id: ref("customer", { required: true, filter: true }),
    ship_to_external_id: ref("ship_to", { filter: true }),
    item_external_id: ref("item", { required: true, filter: true }),
    uom: text({ required: true, max: 16 }),
    currency: currency({ required: true }),
    contract_price: money({ required: true, currency: "currency", nonNegative: true, sort: true }),
    min_quantity: decimal({ nonNegative: true }),
    max_quantity: decimal({ nonNegative: true, description: "Quantity the contract covers in total, when capped." }),
    valid_from: date({ required: true, filter: true, sort: true }),
    valid_to: date({ filter: true, sort: true }),
    status: enumeration(["active", "expired", "pending", "cancelled"], { filter: true }),
    rebate_supplier_external_id: ref("supplier", { filter: true, description: "Supplier funding a special-pricing rebate." }),
    notes: text({ max: 2000 }),
  },
  rules: [{ rule: "not_before", field: "valid_to", other: "valid_from" }],
});
