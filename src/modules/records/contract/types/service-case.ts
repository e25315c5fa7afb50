import { defineRecord } from "../define-record.ts";
import { enumeration, ref, text, timestamp } from "../fields.ts";

export const serviceCaseRecord = defineRecord({
  name: "service_case",
  plural: "service_cases",
  prefix: "case",
  title: "Service case",
  description: "A customer service case from the CRM or help desk: a return, a damage claim, a billing question.",
  fields: {
    case_number: text({ required: true, max: 64, filter: true, sort: true, search: true }),
    subject: text({ required: true, max: 300, search: true }),
    description: text({ max: 10_000 }),
    category: enumeration(
      ["return", "damage", "shortage", "delivery", "pricing", "billing", "quality", "order_change", "inquiry", "other"],
      {
        filter: true,
      },
    ),
    status: enumeration(["open", "in_progress", "waiting_on_customer", "waiting_on_supplier", "resolved", "closed"], {
      required: true,
      filter: true,
    }),
    priority: enumeration(["low", "normal", "high", "urgent"], { filter: true }),
    channel: enumeration(["email", "phone", "web", "chat", "edi", "other"], { filter: true }),
    customer_external_id: ref("customer", { filter: true }),
    sales_order_external_id: ref("sales_order", { filter: true }),
    invoice_external_id: ref("invoice", { filter: true }),
    shipment_external_id: ref("shipment", { filter: true }),
    item_external_id: ref("item", { filter: true }),
    assigned_to: text({ max: 100, filter: true }),
    opened_at: timestamp({ required: true, filter: true, sort: true }),
    due_at: timestamp({ filter: true, sort: true }),
    resolved_at: timestamp({ filter: true, sort: true }),
  },
});
