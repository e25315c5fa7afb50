import type { RecordInput } from "../../modules/records/index.ts";
import type { Random } from "../random.ts";
import { addDays, at } from "./calendar.ts";
import { personName } from "./names.ts";
import type { DemoCustomer } from "./parties.ts";

type CaseKind = { category: "delivery" | "damage" | "pricing" | "return"; subject: string; description: string };

const KINDS: ((order: string) => CaseKind)[] = [
  (order) => ({
    category: "delivery",
    subject: `Order ${order} arrived late`,
    description: `Customer reports that order ${order} arrived after the promised date and a crew waited on site.`,
  }),
  (order) => ({
    category: "damage",
    subject: `Damaged cartons on ${order}`,
    description: `Two cartons on order ${order} were crushed in transit; customer sent photos and wants replacements.`,
  }),
  (order) => ({
    category: "pricing",
    subject: `Price on invoice for ${order} does not match contract`,
    description: `Customer disputes the unit price billed for order ${order}; they expect their contract price.`,
  }),
  (order) => ({
    category: "return",
    subject: `Return request for items on ${order}`,
    description: `Customer ordered the wrong size on ${order} and asks to return the unopened boxes.`,
  }),
];

/**
 * Service cases: late deliveries, damaged goods, pricing disputes and return requests, about one
 * per hundred orders, and several times as many from a customer whose business is deteriorating.
 */
export function buildServiceCases(
  random: Random,
  end: string,
  orders: RecordInput<"sales_order">[],
  customers: Map<string, DemoCustomer>,
): RecordInput<"service_case">[] {
  const cases: RecordInput<"service_case">[] = [];
  for (const order of orders) {
    const customer = customers.get(order.customer_external_id) as DemoCustomer;
    const deteriorating = customer.deterioratingSince !== undefined && order.order_date >= customer.deterioratingSince;
    if (!random.chance(deteriorating ? 0.08 : 0.01)) continue;
    const kind = random.pick(KINDS)(order.order_number);
    const opened = addDays(order.order_date, random.int(2, 9));
    if (opened > end) continue;
    const resolvedOn = addDays(opened, random.int(1, 12));
    const resolved = resolvedOn <= end;
    const number = `CASE-${70_001 + cases.length}`;
    cases.push({
      source_system: "crm",
      external_id: number,
      case_number: number,
      subject: kind.subject,
      description: kind.description,
      category: kind.category,
      status: resolved ? "closed" : "open",
      priority: customer.keyAccount ? "high" : random.weighted(["low", "normal", "high"], [2, 6, 1]),
      channel: random.weighted(["email", "phone", "web"], [5, 3, 1]),
      customer_external_id: customer.externalId,
      sales_order_external_id: order.external_id,
      shipment_external_id:
        kind.category === "delivery" || kind.category === "damage" ? `SHP-${order.order_number.slice(3)}` : undefined,
      invoice_external_id: kind.category === "pricing" ? `INV-${order.order_number.slice(3)}` : undefined,
      assigned_to: personName(random),
      opened_at: at(opened, random.int(8, 17), random.int(0, 59)),
      due_at: at(addDays(opened, 3), 17),
      resolved_at: resolved ? at(resolvedOn, random.int(8, 17)) : undefined,
    });
  }
  return cases;
}
