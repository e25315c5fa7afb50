import { describe, expect, it } from "vitest";
import { PolicyData } from "../contract/index.ts";
import { DEFAULT_POLICY_TEXT } from "./cedar.ts";
import { compilePolicies } from "./compile-policies.ts";
import { DEFAULT_POLICY_DATA } from "./default-policy-data.ts";
import { diffPolicies, summarize } from "./policy-diff.ts";

const compile = (text: string) => {
  const result = compilePolicies(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
};

describe("what a policy save changed", () => {
  it("names policies added, removed and changed, and each threshold that moved", () => {
    const before = { compiled: compile(DEFAULT_POLICY_TEXT), data: DEFAULT_POLICY_DATA };
    const text = DEFAULT_POLICY_TEXT.replace(
      "when { resource.tenant.suspended };",
      "when { resource.tenant.suspended || false };",
    ).replace('@id("automation-never-approves")', '@id("no-robots")');
    const { "case.update": _removed, ...kinds } = DEFAULT_POLICY_DATA.kinds;
    const data = PolicyData.parse({
      ...DEFAULT_POLICY_DATA,
      kinds: { ...kinds, "sales_order.create": { ...kinds["sales_order.create"], auto_approve_max_minor: 750_000 } },
    });
    const change = diffPolicies(before, { compiled: compile(text), data });
    expect(change).toEqual({
      policies_added: ["no-robots"],
      policies_removed: ["automation-never-approves"],
      policies_changed: ["deny-suspended-tenant"],
      data_changes: [
        "kinds.case.update: removed (the default applies)",
        "kinds.sales_order.create.auto_approve_max_minor: 500000 → 750000",
      ],
    });
    expect(summarize(change)).toBe(
      "policies added: no-robots; policies removed: automation-never-approves; policies changed: deny-suspended-tenant; kinds.case.update: removed (the default applies); kinds.sales_order.create.auto_approve_max_minor: 500000 → 750000",
    );
    expect(summarize(diffPolicies(before, { compiled: before.compiled, data: DEFAULT_POLICY_DATA }))).toBe("no changes");
  });
});
