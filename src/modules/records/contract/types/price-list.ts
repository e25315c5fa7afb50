import { defineChildren, defineRecord } from "../define-record.ts";
import { currency, date, decimal, enumeration, integer, money, ref, text } from "../fields.ts";

const lines = defineChildren({
  description: "Prices by item, unit and quantity break.",
  max: 10_000,
  fields: {
    item_external_id: ref("item", { required: true }),
    uom: text({ required: true, max: 16 }),
    min_quantity: decimal({ nonNegative: true, description: "Quantity break: the price applies from this quantity up." }),
    unit_price: money({ required: true, currency: "currency", nonNegative: true }),
    discount_percent: decimal({ scale: 4 }),
    valid_from: date({}),
    valid_to: date({}),
  },
});

export const priceListRecord = defineRecord({
  name: "price_list",
  plural: "price_lists",
  prefix: "prl",
  title: "Price list",
  description: "A list of item prices, e.g. a column price or a customer-class price.",
  fields: {
    code: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    name: text({ required: true, max: 200, sort: true, search: true }),
    status: enumeration(["active", "inactive", "draft"], { filter: true }),
    currency: currency({ required: true, filter: true }),
    valid_from: date({ filter: true, sort: true }),
    valid_to: date({ filter: true, sort: true }),
    priority: integer({ description: "Lower wins when several lists price one item." }),
  },
  children: { lines },
  rules: [{ rule: "not_before", field: "valid_to", other: "valid_from" }],
});
