import { describe, expect, it } from "vitest";
import { thresholdProblems } from "./threshold-problems.ts";

const kind = {
  auto_approve_max_minor: 500_000,
  min_confidence: 0.9,
  approver_tiers: [
    { max_minor: 2_500_000, role: "csr" },
    { max_minor: null, role: "admin" },
  ],
  deny_customer_tiers: ["blocked"],
  approval_item_classes: ["hazmat"],
};
const problems = (changes: Record<string, unknown>) =>
  thresholdProblems({ default: kind, kinds: { "sales_order.create": { ...kind, ...changes } } }).map(
    ({ path, message }) => `${path}: ${message}`,
  );

describe("threshold problems", () => {
  it("finds none in thresholds the server accepts", () => {
    expect(problems({})).toEqual([]);
    expect(problems({ auto_approve_max_minor: null, approver_tiers: [{ max_minor: 100, role: "buyer" }] })).toEqual([]);
  });

  it("names what was typed that is not an amount or a percentage, at the server's path", () => {
    expect(problems({ auto_approve_max_minor: "75x" })).toEqual([
      'data.kinds.sales_order.create.auto_approve_max_minor: "75x" is not an amount: enter one like 5000.00, or leave it blank for never',
    ]);
    expect(problems({ min_confidence: 1.5 })).toEqual([
      "data.kinds.sales_order.create.min_confidence: 150% is out of range: enter a percentage from 0 to 100 (0 to 1 in the JSON)",
    ]);
    expect(problems({ min_confidence: "" })[0]).toContain("required");
    expect(problems({ auto_approve_max_minor: 12.5 })[0]).toContain("whole number of cents");
  });

  it("checks the tiers: an amount for every tier but the last, going up, a role that approves, at least one", () => {
    const tiers = [
      { max_minor: 2_500_000, role: "csr" },
      { max_minor: null, role: "viewer" },
      { max_minor: 1_000_000, role: "operations_manager" },
      { max_minor: null, role: "admin" },
    ];
    expect(problems({ approver_tiers: tiers })).toEqual([
      "data.kinds.sales_order.create.approver_tiers.1.role: pick a role that approves writes (csr, buyer, ap_clerk, logistics, operations_manager, admin)",
      "data.kinds.sales_order.create.approver_tiers.1.max_minor: enter an amount: only the last tier may cover any amount",
      "data.kinds.sales_order.create.approver_tiers.2.max_minor: must be more than the tier before (25000.00): tiers go up in amount",
    ]);
    expect(problems({ approver_tiers: [] })).toEqual([
      "data.kinds.sales_order.create.approver_tiers: add at least one approver tier",
    ]);
  });

  it("checks the lists' names, and leaves missing fields and other shapes to the server", () => {
    expect(problems({ approval_item_classes: ["x".repeat(61)] })[0]).toContain("longer than 60 characters");
    expect(thresholdProblems({ default: { min_confidence: 0.9 }, kinds: { "order.hold": "nope" } })).toEqual([]);
    expect(thresholdProblems(null)).toEqual([]);
  });
});
