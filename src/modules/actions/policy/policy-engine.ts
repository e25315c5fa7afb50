import { type AuthorizationAnswer, authorizeOnce, authorizePreparsed, type CedarRequest, preparse } from "./cedar.ts";
import type { CompiledPolicies } from "./compile-policies.ts";

/** What Cedar said about one question: allowed or not, the policies that decided, and any that failed to evaluate. */
export type CedarAnswer = {
  allowed: boolean;
  policies: string[];
  errors: { policy: string; message: string }[];
  /** Set when Cedar could not evaluate the request at all (it does not fit the schema). */
  failure: string | null;
};

/** A policy set to evaluate: `key` names a saved version (kept parsed), null an unsaved one (the test bench). */
export type EvaluableSet = { key: string | null; compiled: CompiledPolicies };

function answerOf(answer: AuthorizationAnswer): CedarAnswer {
  if (answer.type === "failure") {
    return { allowed: false, policies: [], errors: [], failure: answer.errors.map((error) => error.message).join("; ") };
  }
  const { decision, diagnostics } = answer.response;
  return {
    allowed: decision === "allow",
    policies: diagnostics.reason,
    errors: diagnostics.errors.map((error) => ({ policy: error.policyId, message: error.error.message })),
    failure: null,
  };
}

let engines = 0;

/**
 * Evaluates Cedar questions fast: each saved policy set version is parsed once into the
 * WebAssembly module (under a slot id, the least recently used slot reused beyond `capacity`), and
 * evaluated there with the schema also parsed once.
 */
export function createPolicyEngine(options: { capacity?: number } = {}) {
  const capacity = options.capacity ?? 256;
  const prefix = `actions-${++engines}`;
  const slots = new Map<string, string>();
  let created = 0;

  function slotFor(key: string, compiled: CompiledPolicies): string {
    const existing = slots.get(key);
    if (existing) {
      slots.delete(key);
      slots.set(key, existing);
      return existing;
    }
    let id = `${prefix}-${created}`;
    const oldest = slots.entries().next().value;
    if (slots.size >= capacity && oldest) {
      slots.delete(oldest[0]);
      id = oldest[1];
    } else {
      created += 1;
    }
    preparse(id, compiled.policies);
    slots.set(key, id);
    return id;
  }

  return {
    evaluate(set: EvaluableSet, request: CedarRequest): CedarAnswer {
      if (set.key === null) return answerOf(authorizeOnce(set.compiled.policies, request));
      return answerOf(authorizePreparsed(slotFor(set.key, set.compiled), request));
    },
    /** How many policy sets are kept parsed. */
    get size() {
      return slots.size;
    },
  };
}

export type PolicyEngine = ReturnType<typeof createPolicyEngine>;
