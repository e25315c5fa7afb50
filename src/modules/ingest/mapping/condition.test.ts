import { describe, expect, it } from "vitest";
import { type CompiledCondition, compileCondition } from "./condition.ts";
import type { ConditionSpec } from "./contract/mapping-spec.ts";
import { rootScope } from "./path.ts";

function condition(spec: ConditionSpec): CompiledCondition {
  const ctx = { problems: [], scopeDepth: 0 };
  const compiled = compileCondition(spec, ["when"], ctx);
  if (!compiled) throw new Error(JSON.stringify(ctx.problems));
  return compiled;
}

const payload = rootScope({ event: "orders/create", st: 850, flag: false, customer: { id: "C1" }, blank: " ", none: null });

describe("conditions", () => {
  it("compares as text, so 850 and '850' are equal", () => {
    expect(condition({ path: "event", equals: "orders/create" })(payload)).toBe(true);
    expect(condition({ path: "st", equals: "850" })(payload)).toBe(true);
    expect(condition({ path: "flag", equals: false })(payload)).toBe(true);
    expect(condition({ path: "customer", equals: "C1" })(payload)).toBe(false);
  });

  it("treats null as matching a missing value", () => {
    expect(condition({ path: "none", equals: null })(payload)).toBe(true);
    expect(condition({ path: "absent", equals: null })(payload)).toBe(true);
    expect(condition({ path: "event", equals: null })(payload)).toBe(false);
  });

  it("tests membership and presence", () => {
    expect(condition({ path: "st", in: [810, 850] })(payload)).toBe(true);
    expect(condition({ path: "customer.id", exists: true })(payload)).toBe(true);
    expect(condition({ path: "blank", exists: true })(payload)).toBe(false);
    expect(condition({ path: "customer.name", exists: false })(payload)).toBe(true);
  });

  it("combines with all, any and not", () => {
    expect(condition({ all: [{ path: "st", equals: 850 }, { not: { path: "flag", equals: true } }] })(payload)).toBe(true);
    expect(
      condition({
        any: [
          { path: "st", equals: 810 },
          { path: "event", in: ["x"] },
        ],
      })(payload),
    ).toBe(false);
  });

  it("refuses [*] and ^ where they cannot be read", () => {
    const ctx = { problems: [], scopeDepth: 0 };
    compileCondition(
      {
        all: [
          { path: "lines[*].sku", exists: true },
          { path: "^.id", exists: true },
        ],
      },
      ["when"],
      ctx,
    );
    expect(ctx.problems).toEqual([
      { path: "when.all[0].path", message: expect.stringContaining("[*] names many values") },
      { path: "when.all[1].path", message: expect.stringContaining("^ names the enclosing element") },
    ]);
  });
});
