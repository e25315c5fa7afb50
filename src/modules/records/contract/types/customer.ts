import { defineRecord } from "../define-record.ts";
import { boolean, currency, date, enumeration, money, ref, text } from "../fields.ts";
import { addressFields } from "./address.ts";

export const customerRecord = defineRecord({
  name: "customer",
  plural: "customers",
  prefix: "cus",
  title: "Customer",
  description: "An account the distributor sells to.",
  fields: {
    account_number: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    name: text({ required: true, max: 200, sort: true, search: true }),
    status: enumeration(["active", "on_hold", "credit_hold", "inactive", "prospect"], { filter: true }),
    customer_class: text({ max: 64, filter: true, description: "Segment or class, e.g. contractor, OEM." }),
    sales_rep: text({ max: 100, filter: true }),
    territory: text({ max: 64, filter: true }),
    email: text({ max: 320 }),
    phone: text({ max: 40 }),
    ...addressFields,
    currency: currency({}),
    credit_limit: money({ currency: "currency", nonNegative: true }),
    balance: money({ currency: "currency", description: "Open receivables balance." }),
    payment_terms: text({ max: 64, filter: true, description: "E.g. NET30, 2/10 NET30." }),
    tax_exempt: boolean({}),
    price_list_external_id: ref("price_list", { filter: true }),
    default_location_external_id: ref("location", { filter: true }),
    customer_since: date({ sort: true }),
  },
});
