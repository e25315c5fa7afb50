import { type KindPolicy, PolicyData, type PolicyDataInput } from "../contract/index.ts";

const BLOCKED = ["blocked"];
const person = (role: KindPolicy["approver_tiers"][number]["role"]) => [{ max_minor: null, role }];

/**
 * Crossdock's default thresholds (amounts in cents of the tenant's currency): small, confident
 * orders and purchase orders go through on their own; money beyond that goes to the role that
 * owns it, then to an operations manager, then to an admin; messages to customers and suppliers
 * are always read by a person first.
 */
const DEFAULTS: PolicyDataInput = {
  default: {
    auto_approve_max_minor: null,
    min_confidence: 0.9,
    approver_tiers: [
      { max_minor: 2_500_000, role: "operations_manager" },
      { max_minor: null, role: "admin" },
    ],
    deny_customer_tiers: BLOCKED,
  },
  kinds: {
    "sales_order.create": {
      auto_approve_max_minor: 500_000,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 2_500_000, role: "csr" },
        { max_minor: 10_000_000, role: "operations_manager" },
        { max_minor: null, role: "admin" },
      ],
      deny_customer_tiers: BLOCKED,
      approval_item_classes: ["hazmat", "controlled"],
    },
    "sales_order.update": {
      auto_approve_max_minor: 100_000,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 2_500_000, role: "csr" },
        { max_minor: 10_000_000, role: "operations_manager" },
        { max_minor: null, role: "admin" },
      ],
      deny_customer_tiers: BLOCKED,
      approval_item_classes: ["hazmat", "controlled"],
    },
    "sales_order.cancel": {
      auto_approve_max_minor: null,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 2_500_000, role: "csr" },
        { max_minor: null, role: "operations_manager" },
      ],
    },
    "purchase_order.create": {
      auto_approve_max_minor: 250_000,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 2_500_000, role: "buyer" },
        { max_minor: 10_000_000, role: "operations_manager" },
        { max_minor: null, role: "admin" },
      ],
      approval_item_classes: ["hazmat", "controlled"],
    },
    "purchase_order.cancel": {
      auto_approve_max_minor: null,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 2_500_000, role: "buyer" },
        { max_minor: null, role: "operations_manager" },
      ],
    },
    // A supplier invoice that fails its match is the buyer's to review (they own the PO).
    "ap_invoice.post": {
      auto_approve_max_minor: 100_000,
      min_confidence: 0.95,
      approver_tiers: [
        { max_minor: 1_000_000, role: "buyer" },
        { max_minor: 5_000_000, role: "operations_manager" },
        { max_minor: null, role: "admin" },
      ],
    },
    "ap_invoice.short_pay": {
      auto_approve_max_minor: null,
      min_confidence: 0.95,
      approver_tiers: [
        { max_minor: 500_000, role: "buyer" },
        { max_minor: null, role: "operations_manager" },
      ],
    },
    "ap_invoice.hold": { auto_approve_max_minor: 10_000_000, min_confidence: 0.8, approver_tiers: person("ap_clerk") },
    "ap_invoice.release": {
      auto_approve_max_minor: null,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 1_000_000, role: "buyer" },
        { max_minor: null, role: "operations_manager" },
      ],
    },
    "order.hold": { auto_approve_max_minor: 10_000_000, min_confidence: 0.8, approver_tiers: person("csr") },
    "order.release": {
      auto_approve_max_minor: null,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 2_500_000, role: "csr" },
        { max_minor: null, role: "operations_manager" },
      ],
      deny_customer_tiers: BLOCKED,
    },
    "customer_message.send": { auto_approve_max_minor: null, min_confidence: 0.9, approver_tiers: person("csr") },
    "supplier_message.send": { auto_approve_max_minor: null, min_confidence: 0.9, approver_tiers: person("buyer") },
    "case.update": { auto_approve_max_minor: 0, min_confidence: 0.7, approver_tiers: person("csr") },
    "edi.send": {
      auto_approve_max_minor: 10_000_000,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 10_000_000, role: "csr" },
        { max_minor: null, role: "operations_manager" },
      ],
      deny_customer_tiers: BLOCKED,
    },
  },
};

export const DEFAULT_POLICY_DATA: PolicyData = PolicyData.parse(DEFAULTS);
