import { defineRecord } from "../define-record.ts";
import { date, decimal, enumeration, ref, text } from "../fields.ts";

export const itemXrefRecord = defineRecord({
  name: "item_xref",
  plural: "item_xrefs",
  prefix: "xref",
  title: "Item cross-reference",
  description: "A customer's or supplier's own part number for an item, so their documents can be matched.",
  fields: {
    item_external_id: ref("item", { required: true, filter: true }),
    kind: enumeration(["customer", "supplier", "manufacturer", "other"], { required: true, filter: true }),
    customer_external_id: ref("customer", { filter: true }),
    supplier_external_id: ref("supplier", { filter: true }),
    part_number: text({ required: true, max: 100, filter: true, sort: true, search: true }),
    description: text({ max: 500 }),
    uom: text({ max: 16, description: "The unit the partner orders or ships this part number in." }),
    quantity_in_base: decimal({ nonNegative: true, description: "Base units in one partner unit, when it differs." }),
    status: enumeration(["active", "inactive"], { filter: true }),
    valid_from: date({}),
    valid_to: date({}),
  },
  rules: [
    { rule: "required_when", field: "customer_external_id", when: "kind", equals: "customer" },
    { rule: "required_when", field: "supplier_external_id", when: "kind", equals: "supplier" },
    { rule: "not_before", field: "valid_to", other: "valid_from" },
  ],
});
