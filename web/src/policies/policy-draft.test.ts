import { describe, expect, it } from "vitest";
import type { PolicySet } from "../contract.ts";
import { changesFrom, dataJson, draftOf, parseDraft } from "./policy-draft.ts";

const kind = { auto_approve_max_minor: 500000, min_confidence: 0.9, approver_tiers: [{ max_minor: null, role: "csr" as const }] };
const saved: PolicySet = {
  version: 1,
  text: '@id("a")\npermit (principal, action, resource);',
  // As the database returns it: keys in its own order.
  data: {
    kinds: { "order.hold": { ...kind, deny_customer_tiers: [], approval_item_classes: [] } },
    default: { approval_item_classes: [], deny_customer_tiers: [], ...kind },
  },
  source: "tenant",
  updated_at: null,
  updated_by: null,
};

describe("policy drafts", () => {
  it("shows the data in the contract's order, and finds nothing changed in an untouched draft", () => {
    const draft = draftOf(saved);
    expect(draft.data.indexOf('"default"')).toBeLessThan(draft.data.indexOf('"kinds"'));
    const parsed = parseDraft(draft);
    expect(parsed.ok && changesFrom(parsed.value, saved)).toEqual({});
  });

  it("sends only what changed", () => {
    const draft = draftOf(saved);
    const parsed = parseDraft({ ...draft, data: draft.data.replace("500000", "750000") });
    expect(parsed.ok && Object.keys(changesFrom(parsed.value, saved))).toEqual(["data"]);
  });

  it("locates JSON that does not parse", () => {
    const parsed = parseDraft({ text: "", data: '{\n  "default": {,\n}' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issue).toMatchObject({ path: "data", line: 2 });
  });

  it("writes edited data in the same order, keeping what it does not know and what was typed", () => {
    const edited = {
      kinds: { "made.up": { note: 1 }, "order.hold": { min_confidence: "high", auto_approve_max_minor: null } },
      default: { approver_tiers: [{ role: "csr", max_minor: null }], min_confidence: 0.9 },
    };
    expect(JSON.parse(dataJson(edited))).toEqual(edited);
    expect(dataJson(edited).replace(/\s+/g, "")).toBe(
      '{"default":{"min_confidence":0.9,"approver_tiers":[{"max_minor":null,"role":"csr"}]},' +
        '"kinds":{"order.hold":{"auto_approve_max_minor":null,"min_confidence":"high"},"made.up":{"note":1}}}',
    );
    expect(dataJson([1])).toBe("[\n  1\n]");
  });
});
