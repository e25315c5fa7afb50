import { defineRecord } from "../define-record.ts";
import { currency, date, decimal, money, ref, text, timestamp } from "../fields.ts";

export const inventoryBalanceRecord = defineRecord({
  name: "inventory_balance",
  plural: "inventory_balances",
  prefix: "ibal",
  title: "Inventory balance",
  description: "How much of an item a location holds, is committed and is expected, as of a moment.",
  fields: {
    item_external_id: ref("item", { required: true, filter: true }),
    location_external_id: ref("location", { required: true, filter: true }),
    uom: text({ required: true, max: 16 }),
    quantity_on_hand: decimal({ required: true, filter: true }),
    quantity_allocated: decimal({ description: "Committed to open sales orders." }),
    quantity_available: decimal({ filter: true, sort: true }),
    quantity_on_order: decimal({ description: "On open purchase orders." }),
    quantity_in_transit: decimal({}),
    quantity_backordered: decimal({}),
    reorder_point: decimal({ nonNegative: true }),
    safety_stock: decimal({ nonNegative: true }),
    max_quantity: decimal({ nonNegative: true }),
    currency: currency({}),
    unit_cost: money({ currency: "currency", nonNegative: true }),
    as_of: timestamp({ required: true, filter: true, sort: true }),
    last_counted_date: date({}),
  },
});
