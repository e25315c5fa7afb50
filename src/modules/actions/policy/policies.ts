import type { Actor, WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import {
  type ApprovalCheck,
  InheritPoliciesInput,
  type PolicyData,
  type PolicyDecision,
  type PolicyIssue,
  type PolicySet,
  PolicyTestInput,
  type PolicyTestResult,
  type PolicyValidation,
  type PolicyVersionSummary,
  SavePolicyInput,
} from "../contract/index.ts";
import { PoliciesAlreadyInheritedError, PolicyInvalidError } from "../errors.ts";
import { invalidInput } from "../validation.ts";
import { CEDAR_SCHEMA, DEFAULT_POLICY_TEXT } from "./cedar.ts";
import { type CompiledPolicies, compilePolicies } from "./compile-policies.ts";
import { checkApprover, type DecisionInput, decide, type EffectivePolicies } from "./decide.ts";
import { DEFAULT_POLICY_DATA } from "./default-policy-data.ts";
import type { PolicyPrincipal } from "./entities.ts";
import { parsePolicyData } from "./parse-policy-data.ts";
import { diffPolicies, summarize } from "./policy-diff.ts";
import { createPolicyEngine } from "./policy-engine.ts";
import {
  findInForce,
  insertInheritedVersion,
  insertPartnerSet,
  insertTenantSet,
  latestPartnerSet,
  listPartnerVersions,
  listTenantVersions,
  readStoredSet,
  readTenantVersion,
  type StoredPolicySet,
  type StoredVersion,
} from "./policy-store.ts";

/** A policy set ready to decide with, and what the API shows of it. */
type LoadedSet = EffectivePolicies & { text: string; updated_at: string | null; updated_by: PolicySet["updated_by"] };

/** What a caller asks about: everything but the tenant's state, which the store supplies. */
export type DecisionRequest = Omit<DecisionInput, "tenantSuspended">;

const CACHE_LIMIT = 1000;

function compileOrThrow(text: string): CompiledPolicies {
  const result = compilePolicies(text);
  if (!result.ok) throw new PolicyInvalidError(result.issues);
  return result.compiled;
}

function dataOrThrow(value: unknown): PolicyData {
  const result = parsePolicyData(value);
  if (!result.ok) throw new PolicyInvalidError(result.issues);
  return result.data;
}

/** A saved version made ready; one that no longer validates decides "deny" for everything, saying why. */
function load(stored: StoredPolicySet): LoadedSet {
  const compiled = compilePolicies(stored.text);
  const data = parsePolicyData(stored.data);
  const problems = [...(compiled.ok ? [] : compiled.issues), ...(data.ok ? [] : data.issues)];
  const first = problems[0];
  return {
    key: stored.id,
    compiled: compiled.ok && data.ok ? compiled.compiled : null,
    problem: first
      ? `the ${stored.source} policy set in force (version ${stored.version}) does not validate (${first.line ? `line ${first.line}: ` : ""}${first.message}), so every write is denied until it is fixed`
      : null,
    data: data.ok ? data.data : DEFAULT_POLICY_DATA,
    version: stored.version,
    source: stored.source,
    text: stored.text,
    updated_at: stored.created_at,
    updated_by: stored.created_by,
  };
}

const DEFAULT_SET: LoadedSet = {
  key: "default",
  compiled: compileOrThrow(DEFAULT_POLICY_TEXT),
  problem: null,
  data: DEFAULT_POLICY_DATA,
  version: 0,
  source: "default",
  text: DEFAULT_POLICY_TEXT,
  updated_at: null,
  updated_by: null,
};

const toSummary = (stored: StoredVersion): PolicyVersionSummary => ({
  version: stored.version,
  source: stored.source,
  created_at: stored.created_at,
  created_by: stored.created_by,
  summary: stored.summary,
});

const toPolicySet = (set: LoadedSet): PolicySet => ({
  version: set.version,
  text: set.text,
  data: set.data,
  source: set.source,
  updated_at: set.updated_at,
  updated_by: set.updated_by,
});

/**
 * Policy sets and decisions: the tenant's own set, else its partner's, else Crossdock's default;
 * every save a new, audited version; decisions evaluated on versions kept parsed.
 */
export function createPolicies(deps: { db: Database }) {
  const { db } = deps;
  const engine = createPolicyEngine();
  const loaded = new Map<string, LoadedSet>();

  async function loadStored(tenantId: string, id: string, source: StoredPolicySet["source"]): Promise<LoadedSet> {
    const cached = loaded.get(id);
    if (cached) return cached;
    const set = load(await readStoredSet(db, tenantId, id, source));
    if (loaded.size >= CACHE_LIMIT) loaded.delete(loaded.keys().next().value as string);
    loaded.set(id, set);
    return set;
  }

  async function inForce(tenantId: string): Promise<{ set: LoadedSet; tenantSuspended: boolean }> {
    const refs = await findInForce(db, tenantId);
    const set = refs.own
      ? await loadStored(tenantId, refs.own.id, "tenant")
      : refs.partner
        ? await loadStored(tenantId, refs.partner.id, "partner")
        : DEFAULT_SET;
    return { set, tenantSuspended: refs.suspended };
  }

  /** The text and data a save ends with, checked, and what changed from `current`. */
  function prepareSave(input: unknown, current: LoadedSet) {
    const parsed = SavePolicyInput.safeParse(input);
    if (!parsed.success) {
      const issues: PolicyIssue[] = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || "body",
        message: issue.message,
        line: null,
        column: null,
        help: null,
        policy_id: null,
      }));
      throw new PolicyInvalidError(issues);
    }
    const text = parsed.data.text ?? current.text;
    const compiled = compilePolicies(text);
    const data = parsed.data.data === undefined ? { ok: true as const, data: current.data } : parsePolicyData(parsed.data.data);
    const issues = [...(compiled.ok ? [] : compiled.issues), ...(data.ok ? [] : data.issues)];
    if (!compiled.ok || !data.ok) throw new PolicyInvalidError(issues);
    const change = diffPolicies(current, { compiled: compiled.compiled, data: data.data });
    return {
      text,
      data: data.data,
      summary: summarize(change),
      audit: { previous: { source: current.source, version: current.version }, ...change },
    };
  }

  async function partnerInForce(partnerId: string): Promise<LoadedSet> {
    const stored = await latestPartnerSet(db, partnerId);
    return stored ? load(stored) : DEFAULT_SET;
  }

  return {
    /** Parses Crossdock's WebAssembly policy engine and evaluates once, so the first real decision is fast. */
    warmUp(): void {
      decide(engine, DEFAULT_SET, {
        principal: { type: "agent", id: "warm-up" },
        kind: "sales_order.create",
        facts: { amount_minor: 1 },
        connector: "warm-up",
        tenantSuspended: false,
      });
    },

    async decide(tenantId: string, request: DecisionRequest): Promise<PolicyDecision> {
      const { set, tenantSuspended } = await inForce(tenantId);
      return decide(engine, set, { ...request, tenantSuspended });
    },

    async mayApprove(tenantId: string, request: DecisionRequest & { approver: PolicyPrincipal }): Promise<ApprovalCheck> {
      const { set, tenantSuspended } = await inForce(tenantId);
      return checkApprover(engine, set, { ...request, tenantSuspended });
    },

    /** The set in force: its text, data, version and where it comes from. */
    async get(tenantId: string): Promise<PolicySet> {
      return toPolicySet((await inForce(tenantId)).set);
    },

    /** Saves a new version of the tenant's own set (text, data or both; the rest as in force now). */
    async save(ctx: WriteContext, input: unknown): Promise<PolicySet> {
      const { set } = await inForce(ctx.tenantId);
      const stored = await insertTenantSet(db, ctx, prepareSave(input, set));
      return toPolicySet(await loadStored(ctx.tenantId, stored.id, "tenant"));
    },

    /**
     * The tenant stops using its own set and inherits again: its partner's defaults, else Crossdock's.
     * Recorded as a version (`source: "inherited"`) and audited `policy.inherited` with the reason;
     * the next decision already uses the inherited set (the set in force is looked up per decision).
     * When the tenant already inherits, a 409 (`PoliciesAlreadyInheritedError`): nothing is recorded.
     */
    async inherit(ctx: WriteContext, input: unknown): Promise<PolicySet> {
      const parsed = InheritPoliciesInput.safeParse(input);
      if (!parsed.success) throw invalidInput("request to inherit policies", parsed.error);
      const refs = await findInForce(db, ctx.tenantId);
      const next = refs.partner ? await loadStored(ctx.tenantId, refs.partner.id, "partner") : DEFAULT_SET;
      if (!refs.own) throw new PoliciesAlreadyInheritedError(next.source === "partner" ? "partner" : "default");
      const own = await loadStored(ctx.tenantId, refs.own.id, "tenant");
      const change = next.compiled ? diffPolicies(own, { compiled: next.compiled, data: next.data }) : null;
      const to = next.source === "partner" ? `the partner's defaults (version ${next.version})` : "Crossdock's defaults";
      await insertInheritedVersion(db, ctx, refs.own, {
        reason: parsed.data.reason,
        summary: `back to ${to}${change ? `: ${summarize(change)}` : ""}`.slice(0, 1000),
        audit: {
          previous: { source: "tenant", version: own.version },
          now: { source: next.source, version: next.version },
          ...change,
        },
      });
      // The tenant's own version is no longer in force; nothing will ask for it again.
      loaded.delete(refs.own.id);
      return toPolicySet(next);
    },

    async versions(tenantId: string): Promise<PolicyVersionSummary[]> {
      return (await listTenantVersions(db, tenantId)).map(toSummary);
    },

    /** Every saved version of the partner's defaults, newest first. */
    async partnerVersions(partnerId: string): Promise<PolicyVersionSummary[]> {
      return (await listPartnerVersions(db, partnerId)).map(toSummary);
    },

    async version(tenantId: string, version: number): Promise<PolicySet> {
      return toPolicySet(load(await readTenantVersion(db, tenantId, version)));
    },

    /** Checks text and data without saving: every problem, located. */
    validate(input: { text?: string | undefined; data?: unknown }): PolicyValidation {
      const errors: PolicyIssue[] = [];
      if (input.text !== undefined) {
        const compiled = compilePolicies(input.text);
        if (!compiled.ok) errors.push(...compiled.issues);
      }
      if (input.data !== undefined) {
        const data = parsePolicyData(input.data);
        if (!data.ok) errors.push(...data.issues);
      }
      return { ok: errors.length === 0, errors };
    },

    /** "Would this principal be allowed this?": the decision (and an approver's check) on saved or unsaved policies. */
    async test(tenantId: string, input: PolicyTestInput, caller: PolicyPrincipal): Promise<PolicyTestResult> {
      const result = PolicyTestInput.safeParse(input);
      if (!result.success) throw invalidInput("policy test", result.error);
      const parsed = result.data;
      const { set: saved, tenantSuspended } = await inForce(tenantId);
      const unsaved = parsed.text !== undefined || parsed.data !== undefined;
      const set: LoadedSet = unsaved
        ? {
            ...saved,
            key: null,
            compiled: parsed.text !== undefined ? compileOrThrow(parsed.text) : saved.compiled,
            data: parsed.data !== undefined ? dataOrThrow(parsed.data) : saved.data,
          }
        : saved;
      const principal: PolicyPrincipal = parsed.principal
        ? parsed.principal.type === "user"
          ? { type: "user", id: parsed.principal.id, roles: parsed.principal.roles }
          : { type: "agent", id: parsed.principal.id }
        : caller;
      const request: DecisionInput = { principal, ...parsed.request, tenantSuspended };
      const approval = parsed.approver
        ? checkApprover(engine, set, { ...request, approver: { type: "user", ...parsed.approver } })
        : null;
      return { decision: decide(engine, set, request), approval, evaluated: unsaved ? "unsaved" : "saved" };
    },

    /** The partner's own latest set, or Crossdock's default when it has none. */
    async getPartner(partnerId: string): Promise<PolicySet> {
      return toPolicySet(await partnerInForce(partnerId));
    },

    async savePartner(
      ctx: { actor: Actor; requestId?: string | undefined },
      partnerId: string,
      input: unknown,
    ): Promise<PolicySet> {
      const current = await partnerInForce(partnerId);
      const stored = await insertPartnerSet(db, ctx, partnerId, prepareSave(input, current));
      return toPolicySet(load(stored));
    },

    /** The Cedar schema policies are written against. */
    schema: CEDAR_SCHEMA,
  };
}

export type Policies = ReturnType<typeof createPolicies>;
