import { describe, expect, it } from "vitest";
import {
  addKind,
  addTier,
  kindsToAdd,
  removeKind,
  removeTier,
  setField,
  setTier,
  thresholdRows,
  tiersOf,
} from "./threshold-edits.ts";

const defaults = {
  auto_approve_max_minor: null,
  min_confidence: 0.9,
  approver_tiers: [
    { max_minor: 2_500_000, role: "operations_manager" },
    { max_minor: null, role: "admin" },
  ],
  deny_customer_tiers: ["blocked"],
};
const data = {
  default: defaults,
  kinds: {
    "order.hold": { auto_approve_max_minor: 0, min_confidence: 0.8, approver_tiers: [{ max_minor: null, role: "csr" }] },
    "sales_order.create": { ...defaults, auto_approve_max_minor: 500_000 },
  },
};

describe("threshold edits", () => {
  it("lists the default, then the kinds in the contract's order, unknown names last", () => {
    const rows = thresholdRows({ ...data, kinds: { "made.up": {}, ...data.kinds } });
    expect(rows.map((row) => row.key)).toEqual(["default", "sales_order.create", "order.hold", "made.up"]);
    expect(rows[1]).toMatchObject({ path: "data.kinds.sales_order.create", label: "Create sales order" });
    expect(thresholdRows("not data").map((row) => row.key)).toEqual(["default"]);
  });

  it("sets one field of one row, leaving the rest and the original alone", () => {
    const next = setField(data, "sales_order.create", "auto_approve_max_minor", 750_000);
    expect(next.kinds).toMatchObject({ "sales_order.create": { auto_approve_max_minor: 750_000, min_confidence: 0.9 } });
    expect(data.kinds["sales_order.create"].auto_approve_max_minor).toBe(500_000);
    expect(setField(data, "default", "min_confidence", 0.95).default).toMatchObject({ min_confidence: 0.95 });
  });

  it("adds a tier before the one that covers any amount, and removes tiers", () => {
    const added = addTier(data, "default", "csr");
    expect(tiersOf(added.default)).toEqual([
      { max_minor: 2_500_000, role: "operations_manager" },
      { max_minor: null, role: "csr" },
      { max_minor: null, role: "admin" },
    ]);
    const capped = setTier(data, "order.hold", 0, "max_minor", 10_000);
    expect(tiersOf((addTier(capped, "order.hold", "admin").kinds as Record<string, unknown>)["order.hold"])).toEqual([
      { max_minor: 10_000, role: "csr" },
      { max_minor: null, role: "admin" },
    ]);
    expect(tiersOf(removeTier(data, "default", 0).default)).toEqual([{ max_minor: null, role: "admin" }]);
    expect(tiersOf(setTier(data, "default", 1, "role", "operations_manager").default)).toEqual([
      { max_minor: 2_500_000, role: "operations_manager" },
      { max_minor: null, role: "operations_manager" },
    ]);
  });

  it("adds a kind starting from the default, offers only kinds not yet listed, and removes one", () => {
    expect(kindsToAdd(data)).not.toContain("order.hold");
    expect(kindsToAdd(data)).toContain("edi.send");
    const added = addKind(data, "edi.send");
    expect((added.kinds as Record<string, unknown>)["edi.send"]).toEqual(defaults);
    expect((added.kinds as Record<string, unknown>)["edi.send"]).not.toBe(defaults);
    expect(kindsToAdd(added)).not.toContain("edi.send");
    const removed = removeKind(added, "order.hold");
    expect(Object.keys(removed.kinds as object)).toEqual(["sales_order.create", "edi.send"]);
    expect(kindsToAdd(removed)).toContain("order.hold");
  });
});
