import { isRoleName, ROLES } from "../../governance/index.ts";
import type { ActionFacts, ActionKind, ApprovalCheck, PolicyData, PolicyDecision, PolicySource } from "../contract/index.ts";
import type { CompiledPolicies } from "./compile-policies.ts";
import { type CedarAction, cedarRequest, type DecisionSubject, type PolicyPrincipal } from "./entities.ts";
import { formatMoney, whyNotAutonomous } from "./explain.ts";
import type { CedarAnswer, PolicyEngine } from "./policy-engine.ts";
import { approverRoleFor, thresholdsFor } from "./thresholds.ts";

/** The policy set in force for a tenant, ready to evaluate. */
export type EffectivePolicies = {
  /** Names a saved version, kept parsed; null for unsaved text on the test bench. */
  key: string | null;
  /** null when the set in force no longer compiles: every decision is then "deny", saying why. */
  compiled: CompiledPolicies | null;
  problem: string | null;
  data: PolicyData;
  version: number;
  source: PolicySource;
};

export type DecisionInput = {
  principal: PolicyPrincipal;
  kind: ActionKind;
  facts: ActionFacts;
  connector: string;
  tenantSuspended: boolean;
};

const roleWords = (role: string) => (isRoleName(role) ? `${ROLES[role].label.toLowerCase()} (${role})` : role);

function texts(compiled: CompiledPolicies, ids: string[]): string[] {
  return ids.map((id) => compiled.reasons[id] ?? `policy ${id} applies`);
}

/** A policy that failed to evaluate never lets a write through: the answer is "no", saying which and why. */
function brokenReasons(answer: CedarAnswer): string[] | null {
  if (answer.failure) return [`the request could not be evaluated (${answer.failure}), so it is denied`];
  if (answer.errors.length === 0) return null;
  return answer.errors.map(
    (error) => `policy ${error.policy} could not be evaluated (${error.message}), so this is denied until it is fixed`,
  );
}

/** Asks Cedar one question about the subject, as its principal or as someone else (an approver). */
function askerFor(engine: PolicyEngine, set: EffectivePolicies, compiled: CompiledPolicies, subject: DecisionSubject) {
  return (action: CedarAction, principal: PolicyPrincipal = subject.principal): CedarAnswer =>
    engine.evaluate({ key: set.key, compiled }, cedarRequest({ ...subject, principal }, action));
}

function subjectOf(set: EffectivePolicies, input: DecisionInput): DecisionSubject {
  const thresholds = thresholdsFor(set.data, input.kind);
  return { ...input, thresholds, approverRole: approverRoleFor(thresholds, input.kind, input.facts.amount_minor) };
}

/**
 * The decision procedure: may it be done without a person ("auto")? Then allow. Otherwise, may it
 * be put to a person ("propose")? Then approval by the role the data names for this amount.
 * Otherwise deny. Any policy that errors while evaluating makes the answer "deny".
 */
export function decide(engine: PolicyEngine, set: EffectivePolicies, input: DecisionInput): PolicyDecision {
  const base = { policy_version: set.version, source: set.source };
  const subject = subjectOf(set, input);
  const { thresholds, approverRole } = subject;
  const compiled = set.compiled;
  if (!compiled) return { ...base, effect: "deny", approver_role: null, policies: [], reasons: [set.problem ?? "no policies"] };
  const ask = askerFor(engine, set, compiled, subject);

  const auto = ask("auto");
  const autoBroken = brokenReasons(auto);
  if (autoBroken)
    return { ...base, effect: "deny", approver_role: null, policies: auto.errors.map((e) => e.policy), reasons: autoBroken };
  if (auto.allowed)
    return { ...base, effect: "allow", approver_role: null, policies: auto.policies, reasons: texts(compiled, auto.policies) };

  const propose = ask("propose");
  const proposeBroken = brokenReasons(propose);
  if (proposeBroken) {
    return {
      ...base,
      effect: "deny",
      approver_role: null,
      policies: propose.errors.map((e) => e.policy),
      reasons: proposeBroken,
    };
  }
  if (propose.allowed && approverRole) {
    return {
      ...base,
      effect: "approval_required",
      approver_role: approverRole,
      policies: [...auto.policies, ...propose.policies],
      reasons: [
        ...texts(compiled, auto.policies),
        ...whyNotAutonomous(input.kind, input.facts, thresholds, input.principal),
        `needs approval by a ${roleWords(approverRole)} or a role above it`,
      ],
    };
  }
  const reasons = texts(compiled, propose.policies);
  if (reasons.length === 0) {
    reasons.push(
      approverRole === null && input.facts.amount_minor !== undefined
        ? `no approver tier covers ${formatMoney(input.facts.amount_minor, input.facts.currency)}`
        : "no policy lets this be proposed for approval",
    );
  }
  return { ...base, effect: "deny", approver_role: null, policies: propose.policies, reasons };
}

/** Whether `approver` may approve this request: the "approve" question, with the approver as principal. */
export function checkApprover(
  engine: PolicyEngine,
  set: EffectivePolicies,
  input: DecisionInput & { approver: PolicyPrincipal },
): ApprovalCheck {
  const base = { policy_version: set.version, source: set.source };
  const subject = subjectOf(set, input);
  const { approverRole } = subject;
  const compiled = set.compiled;
  if (!compiled)
    return { ...base, allowed: false, approver_role: approverRole, policies: [], reasons: [set.problem ?? "no policies"] };
  const answer = askerFor(engine, set, compiled, subject)("approve", input.approver);
  const broken = brokenReasons(answer);
  if (broken)
    return {
      ...base,
      allowed: false,
      approver_role: approverRole,
      policies: answer.errors.map((e) => e.policy),
      reasons: broken,
    };
  const reasons = texts(compiled, answer.policies);
  if (!answer.allowed && reasons.length === 0) reasons.push("no policy lets them approve it");
  return { ...base, allowed: answer.allowed, approver_role: approverRole, policies: answer.policies, reasons };
}
