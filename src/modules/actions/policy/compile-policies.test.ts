import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_TEXT } from "./cedar.ts";
import { compilePolicies } from "./compile-policies.ts";

describe("compiling policy text", () => {
  it("accepts Crossdock's default policies, each under its @id with its reason", () => {
    const result = compilePolicies(DEFAULT_POLICY_TEXT);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(Object.keys(result.compiled.policies)).toContain("auto-within-limits");
    expect(result.compiled.effects["deny-suspended-tenant"]).toBe("forbid");
    expect(result.compiled.reasons["auto-within-limits"]).toMatch(/limit/);
  });

  it("reports a syntax error with the line and column of the offending token", () => {
    const text = [
      "// Überprüfung der Aufträge — €",
      '@id("bad")',
      "permit (principal, action, resource)",
      "when { context.amountMinor => 5 };",
    ].join("\n");
    const result = compilePolicies(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ path: "text", line: 4, column: 29 });
    expect(result.issues[0]?.message).toMatch(/unexpected token/);
  });

  it("reports schema errors under the policy's @id, with Cedar's help", () => {
    const text = [
      '@id("typo")',
      'permit (principal, action == Crossdock::Action::"auto", resource is Crossdock::ActionKind)',
      "when { context has amountMinor && context.amountMinr < 5 };",
      "",
      '@id("wrong-type")',
      "forbid (principal, action, resource is Crossdock::ActionKind)",
      'when { resource.autoApproveMaxMinor == "lots" };',
    ].join("\n");
    const result = compilePolicies(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({ policy_id: "typo", line: 3, column: 35, help: expect.stringContaining("amountMinor") }),
      expect.objectContaining({ policy_id: "wrong-type", line: 7, message: expect.stringContaining("compatible") }),
    ]);
    expect(result.issues[0]?.message).toContain("`typo`");
  });

  it("requires an @id on every policy, and unique ones", () => {
    const text = [
      '@id("a")',
      "permit (principal, action, resource);",
      "forbid (principal, action, resource);",
      '@id("a")',
      "permit (principal, action, resource);",
    ].join("\n");
    const result = compilePolicies(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({ line: 3, column: 1, message: expect.stringContaining("no @id") }),
      expect.objectContaining({ line: 4, policy_id: "a", message: expect.stringContaining("more than one") }),
    ]);
  });
});
