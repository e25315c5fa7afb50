import { describe, expect, it } from "vitest";
import { type ActionFacts, type ActionKind, PolicyData, type PolicyDataInput } from "../contract/index.ts";
import { DEFAULT_POLICY_TEXT } from "./cedar.ts";
import { type CompiledPolicies, compilePolicies } from "./compile-policies.ts";
import { checkApprover, type DecisionInput, decide, type EffectivePolicies } from "./decide.ts";
import { DEFAULT_POLICY_DATA } from "./default-policy-data.ts";
import type { PolicyPrincipal } from "./entities.ts";
import { createPolicyEngine } from "./policy-engine.ts";

function compiled(text: string): CompiledPolicies {
  const result = compilePolicies(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.compiled;
}

const engine = createPolicyEngine();
const defaults: EffectivePolicies = {
  key: "test-default",
  compiled: compiled(DEFAULT_POLICY_TEXT),
  problem: null,
  data: DEFAULT_POLICY_DATA,
  version: 0,
  source: "default",
};
const flow: PolicyPrincipal = { type: "agent", id: "flow:inbound-po-to-order" };
const csr: PolicyPrincipal = { type: "user", id: "usr_csr", roles: ["csr"] };

function input(kind: ActionKind, facts: ActionFacts, principal: PolicyPrincipal = flow, tenantSuspended = false): DecisionInput {
  return { principal, kind, facts, connector: "erp", tenantSuspended };
}

describe("deciding with Crossdock's default policies", () => {
  it("lets automation create a small, confident order on its own", () => {
    const decision = decide(
      engine,
      defaults,
      input("sales_order.create", { amount_minor: 120_000, currency: "USD", confidence: 0.96 }),
    );
    expect(decision).toEqual({
      effect: "allow",
      approver_role: null,
      policies: ["auto-within-limits"],
      reasons: ["within the kind's autonomous limit and confident enough"],
      policy_version: 0,
      source: "default",
    });
  });

  it("sends a larger order to the approver tier its amount falls in", () => {
    const at = (amount: number) =>
      decide(engine, defaults, input("sales_order.create", { amount_minor: amount, currency: "USD", confidence: 0.99 }));
    const csrTier = at(1_200_000);
    expect(csrTier).toMatchObject({ effect: "approval_required", approver_role: "csr", policies: ["propose-to-approver-role"] });
    expect(csrTier.reasons).toContain("12,000.00 USD is above the 5,000.00 USD done without a person");
    expect(at(5_000_000).approver_role).toBe("operations_manager");
    expect(at(50_000_000).approver_role).toBe("admin");
  });

  it("wants a person when the machine is unsure, gave no confidence, or named no amount for money", () => {
    const unsure = decide(engine, defaults, input("sales_order.create", { amount_minor: 10_000, confidence: 0.84 }));
    expect(unsure.effect).toBe("approval_required");
    expect(unsure.reasons).toContain("confidence 84% is below the 90% needed to act without a person");
    const silent = decide(engine, defaults, input("sales_order.create", { amount_minor: 10_000 }));
    expect(silent.reasons).toContain("automation gave no confidence for it");
    const noAmount = decide(engine, defaults, input("sales_order.create", { confidence: 0.99 }));
    expect(noAmount).toMatchObject({ effect: "approval_required", approver_role: "admin" });
    // A person's own request within the limit needs no confidence.
    expect(decide(engine, defaults, input("sales_order.create", { amount_minor: 10_000 }, csr)).effect).toBe("allow");
  });

  it("keeps hazardous items and customer messages for a person", () => {
    const hazmat = decide(
      engine,
      defaults,
      input("sales_order.create", { amount_minor: 10_000, confidence: 0.99, item_class: "hazmat" }),
    );
    expect(hazmat).toMatchObject({ effect: "approval_required", approver_role: "csr" });
    expect(hazmat.policies).toEqual(["person-for-approval-item-classes", "propose-to-approver-role"]);
    expect(hazmat.reasons[0]).toBe("items of this class always need a person");
    const message = decide(engine, defaults, input("customer_message.send", { confidence: 0.99 }));
    expect(message).toMatchObject({ effect: "approval_required", approver_role: "csr" });
    expect(message.reasons[0]).toMatch(/never done without a person/);
  });

  it("denies blocked customer tiers and suspended tenants outright", () => {
    const blocked = decide(
      engine,
      defaults,
      input("sales_order.create", { amount_minor: 100, confidence: 1, customer_tier: "blocked" }),
    );
    expect(blocked).toMatchObject({ effect: "deny", approver_role: null, policies: ["deny-blocked-customer-tiers"] });
    const suspended = decide(engine, defaults, input("case.update", { confidence: 1 }, flow, true));
    expect(suspended).toMatchObject({
      effect: "deny",
      policies: ["deny-suspended-tenant"],
      reasons: ["the tenant is suspended"],
    });
  });

  it("denies an amount beyond every approver tier", () => {
    const data = PolicyData.parse({
      default: { auto_approve_max_minor: null, min_confidence: 0.9, approver_tiers: [{ max_minor: 1_000_000, role: "buyer" }] },
    } satisfies PolicyDataInput);
    const decision = decide(
      engine,
      { ...defaults, key: "capped", data },
      input("purchase_order.create", { amount_minor: 2_000_000, currency: "USD" }),
    );
    expect(decision).toMatchObject({ effect: "deny", policies: [], reasons: ["no approver tier covers 20,000.00 USD"] });
  });
});

describe("who may approve", () => {
  const order = input("sales_order.create", { amount_minor: 1_200_000, confidence: 0.99 });
  const approve = (approver: PolicyPrincipal, facts = order.facts) =>
    checkApprover(engine, defaults, { ...order, facts, approver });

  it("lets the approver role and the roles above it approve", () => {
    expect(approve(csr)).toMatchObject({ allowed: true, approver_role: "csr", policies: ["approve-in-approver-role"] });
    expect(approve({ type: "user", id: "usr_boss", roles: ["admin"] }).allowed).toBe(true);
    expect(approve({ type: "user", id: "usr_ops", roles: ["operations_manager"] }).allowed).toBe(true);
  });

  it("refuses a role outside it, a junior role for a larger amount, and automation", () => {
    const buyer = approve({ type: "user", id: "usr_buyer", roles: ["buyer"] });
    expect(buyer).toMatchObject({ allowed: false, policies: ["approve-only-in-approver-role"] });
    const large = approve(csr, { amount_minor: 50_000_000 });
    expect(large).toMatchObject({ allowed: false, approver_role: "admin" });
    const agent = approve(flow);
    expect(agent.allowed).toBe(false);
    expect(agent.policies).toContain("automation-never-approves");
  });
});

describe("a policy that fails while evaluating", () => {
  it("makes the decision deny, naming it, never allow", () => {
    const text = `${DEFAULT_POLICY_TEXT}
@id("overflowing")
permit (principal, action == Crossdock::Action::"auto", resource)
when { context has amountMinor && context.amountMinor * 9223372036854775807 > 0 };`;
    const set = { ...defaults, key: "overflowing", compiled: compiled(text) };
    const decision = decide(engine, set, input("sales_order.create", { amount_minor: 120_000, confidence: 0.99 }));
    expect(decision.effect).toBe("deny");
    expect(decision.policies).toEqual(["overflowing"]);
    expect(decision.reasons[0]).toMatch(
      /^policy overflowing could not be evaluated \(.*overflow.*\), so this is denied until it is fixed$/,
    );
  });
});
