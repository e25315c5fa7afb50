import { defineChildren, defineRecord } from "../define-record.ts";
import { boolean, currency, decimal, enumeration, money, ref, text } from "../fields.ts";

/** Units of measure an item is bought, stocked or sold in, as multiples of its base unit. */
const uomConversions = defineChildren({
  description: "Units of measure and pack sizes, e.g. BX of 100 or CS of 12 base units.",
  key: "uom",
  max: 50,
  fields: {
    uom: text({ required: true, max: 16, description: "The unit, e.g. BX, CS, PLT." }),
    quantity_in_base: decimal({ required: true, nonNegative: true, description: "How many base units one of this unit holds." }),
    gtin: text({ max: 14, description: "Barcode of this pack." }),
    weight: decimal({ nonNegative: true }),
    weight_uom: text({ max: 8 }),
    is_purchase_default: boolean({}),
    is_sales_default: boolean({}),
  },
});

export const itemRecord = defineRecord({
  name: "item",
  plural: "items",
  prefix: "item",
  title: "Item",
  description: "A product the distributor buys, stocks or sells, with its base unit of measure and pack sizes.",
  fields: {
    sku: text({ required: true, max: 64, filter: true, sort: true, search: true, description: "The distributor's item number." }),
    name: text({ required: true, max: 200, sort: true, search: true }),
    description: text({ max: 4000 }),
    status: enumeration(["active", "inactive", "discontinued", "pending"], { filter: true }),
    base_uom: text({ required: true, max: 16, filter: true, description: "The unit quantities are counted in, e.g. EA." }),
    category: text({ max: 100, filter: true }),
    product_line: text({ max: 100, filter: true }),
    brand: text({ max: 100, filter: true }),
    manufacturer: text({ max: 200 }),
    manufacturer_part_number: text({ max: 100, filter: true }),
    gtin: text({ max: 14, filter: true, description: "UPC/EAN/GTIN of the base unit." }),
    preferred_supplier_external_id: ref("supplier", { filter: true }),
    currency: currency({}),
    standard_cost: money({ currency: "currency", nonNegative: true }),
    list_price: money({ currency: "currency", nonNegative: true }),
    weight: decimal({ nonNegative: true }),
    weight_uom: text({ max: 8 }),
    is_stocked: boolean({ filter: true, description: "Stocked in a warehouse, rather than bought to order." }),
    is_hazardous: boolean({ filter: true }),
  },
  children: { uom_conversions: uomConversions },
});
