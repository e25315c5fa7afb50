import { z } from "zod";

/** Every kind of write Crossdock makes to a system of record. */
export const ACTION_KIND_NAMES = [
  "sales_order.create",
  "sales_order.update",
  "sales_order.cancel",
  "purchase_order.create",
  "purchase_order.cancel",
  "ap_invoice.post",
  "ap_invoice.short_pay",
  "ap_invoice.hold",
  "ap_invoice.release",
  "order.hold",
  "order.release",
  "customer_message.send",
  "supplier_message.send",
  "case.update",
  "edi.send",
] as const;

export const ActionKind = z.enum(ACTION_KIND_NAMES);
export type ActionKind = z.infer<typeof ActionKind>;

export type ActionKindInfo = {
  label: string;
  description: string;
  /**
   * Whether the write moves money (orders, invoices, payments). Policy needs an amount for these
   * before it lets automation act alone.
   */
  carries_money: boolean;
};

/** What each kind of write is, in words a person reads in the console and in decisions. */
export const ACTION_KINDS: Record<ActionKind, ActionKindInfo> = {
  "sales_order.create": {
    label: "Create sales order",
    description: "Writes a new customer order to the ERP.",
    carries_money: true,
  },
  "sales_order.update": {
    label: "Change sales order",
    description: "Changes lines, quantities, prices or dates of an order in the ERP.",
    carries_money: true,
  },
  "sales_order.cancel": {
    label: "Cancel sales order",
    description: "Cancels a customer order in the ERP.",
    carries_money: true,
  },
  "purchase_order.create": {
    label: "Create purchase order",
    description: "Places a purchase order with a supplier, in the ERP or by EDI 850.",
    carries_money: true,
  },
  "purchase_order.cancel": {
    label: "Cancel purchase order",
    description: "Cancels a purchase order in the ERP.",
    carries_money: true,
  },
  "ap_invoice.post": {
    label: "Post supplier invoice",
    description: "Posts a matched supplier invoice to accounts payable for payment.",
    carries_money: true,
  },
  "ap_invoice.short_pay": {
    label: "Short-pay supplier invoice",
    description: "Pays a supplier invoice less the disputed amount.",
    carries_money: true,
  },
  "ap_invoice.hold": {
    label: "Hold supplier invoice",
    description: "Stops a supplier invoice from being paid until it is released.",
    carries_money: false,
  },
  "ap_invoice.release": {
    label: "Release supplier invoice",
    description: "Releases a held supplier invoice for payment.",
    carries_money: true,
  },
  "order.hold": {
    label: "Hold order",
    description: "Puts a customer order on hold (credit, stock, review) so it is not picked or shipped.",
    carries_money: false,
  },
  "order.release": {
    label: "Release order",
    description: "Releases a held customer order for picking and shipping.",
    carries_money: true,
  },
  "customer_message.send": {
    label: "Send customer message",
    description: "Emails a customer: order confirmations, delay notices, answers.",
    carries_money: false,
  },
  "supplier_message.send": {
    label: "Send supplier message",
    description: "Emails a supplier: disputes, expedite requests, questions.",
    carries_money: false,
  },
  "case.update": {
    label: "Update case",
    description: "Changes a service case in the CRM: status, notes, owner.",
    carries_money: false,
  },
  "edi.send": {
    label: "Send EDI document",
    description: "Sends an X12 document to a trading partner, e.g. an 855 acknowledgment or an 850 purchase order.",
    carries_money: false,
  },
};
