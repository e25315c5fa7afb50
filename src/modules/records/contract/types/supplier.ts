import { defineRecord } from "../define-record.ts";
import { currency, decimal, enumeration, integer, money, text } from "../fields.ts";
import { addressFields } from "./address.ts";

export const supplierRecord = defineRecord({
  name: "supplier",
  plural: "suppliers",
  prefix: "sup",
  title: "Supplier",
  description: "A vendor the distributor buys from, with the lead times and order constraints replenishment plans with.",
  fields: {
    code: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    name: text({ required: true, max: 200, sort: true, search: true }),
    status: enumeration(["active", "on_hold", "inactive"], { filter: true }),
    email: text({ max: 320 }),
    phone: text({ max: 40 }),
    ...addressFields,
    currency: currency({}),
    payment_terms: text({ max: 64 }),
    incoterms: text({ max: 16 }),
    lead_time_days: integer({ nonNegative: true, filter: true, sort: true, description: "Typical days from order to receipt." }),
    lead_time_spread_days: decimal({ nonNegative: true, scale: 2, description: "Standard deviation of the lead time, in days." }),
    minimum_order_quantity: decimal({ nonNegative: true, description: "Smallest order, in the ordered unit." }),
    minimum_order_amount: money({ currency: "currency", nonNegative: true }),
    order_multiple: decimal({ nonNegative: true, description: "Orders are a multiple of this quantity." }),
    buyer: text({ max: 100, filter: true }),
  },
});
