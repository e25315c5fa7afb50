import type { EntityJson } from "@cedar-policy/cedar-wasm/nodejs";
import type { Actor } from "../../../platform/actor.ts";
import { assertNever } from "../../../platform/errors.ts";
import {
  ACTION_KINDS,
  type ActionFacts,
  type ActionKind,
  APPROVER_ROLES,
  AUTOMATION_ROLE,
  type KindPolicy,
  ROLE_SENIORITY,
} from "../contract/index.ts";
import { type CedarRequest, NAMESPACE } from "./cedar.ts";
import { percent } from "./thresholds.ts";

/** Who asks, as policy sees them: a person with roles, or automation. */
export type PolicyPrincipal = { type: "user"; id: string; roles: readonly string[] } | { type: "agent"; id: string };

/**
 * A caller as a policy principal: users are people (with the roles given); the operator at the
 * machine is a person holding admin; API keys and Crossdock's own flows are automation.
 */
export function policyPrincipal(actor: Actor, roles?: readonly string[]): PolicyPrincipal {
  switch (actor.type) {
    case "user":
      return { type: "user", id: actor.id, roles: roles ?? [] };
    case "operator":
      return { type: "user", id: `operator:${actor.id}`, roles: roles ?? ["admin"] };
    case "api_key":
      return { type: "agent", id: `api_key:${actor.id}` };
    case "system":
      return { type: "agent", id: actor.id };
    default:
      return assertNever(actor.type);
  }
}

export type CedarAction = "auto" | "propose" | "approve";

/** Everything a decision is about: who, what kind of write, its facts, and the tenant's thresholds for it. */
export type DecisionSubject = {
  principal: PolicyPrincipal;
  kind: ActionKind;
  facts: ActionFacts;
  connector: string;
  thresholds: KindPolicy;
  /** The approver role for this amount (null: none covers it). */
  approverRole: string | null;
  tenantSuspended: boolean;
};

const uid = (type: string, id: string) => ({ type: `${NAMESPACE}::${type}`, id });

// Every role policy knows, each a member of the roles below it: admin in operations_manager, …
const KNOWN_ROLES = [...new Set([...APPROVER_ROLES, AUTOMATION_ROLE, ...Object.keys(ROLE_SENIORITY)])];
const ROLE_ENTITY = new Map<string, EntityJson>(
  KNOWN_ROLES.map((role) => [
    role,
    { uid: uid("Role", role), attrs: {}, parents: (ROLE_SENIORITY[role] ?? []).map((parent) => uid("Role", parent)) },
  ]),
);

/**
 * The principal's roles and every role below them: all Cedar needs to answer `principal in
 * Role::"…"`. Each entity sent costs time, so only these are sent.
 */
function roleEntities(roles: readonly string[]): EntityJson[] {
  const found = new Map<string, EntityJson>();
  const visit = (role: string) => {
    if (found.has(role)) return;
    found.set(role, ROLE_ENTITY.get(role) ?? { uid: uid("Role", role), attrs: {}, parents: [] });
    for (const parent of ROLE_SENIORITY[role] ?? []) visit(parent);
  };
  roles.forEach(visit);
  return [...found.values()];
}

function principalEntity(principal: PolicyPrincipal): EntityJson {
  if (principal.type === "agent") return { uid: uid("Agent", principal.id), attrs: {}, parents: [uid("Role", AUTOMATION_ROLE)] };
  return { uid: uid("User", principal.id), attrs: {}, parents: principal.roles.map((role) => uid("Role", role)) };
}

/** The Cedar request for one question about one subject. */
export function cedarRequest(subject: DecisionSubject, action: CedarAction): CedarRequest {
  const { facts, thresholds } = subject;
  const principal = principalEntity(subject.principal);
  const roles = subject.principal.type === "user" ? subject.principal.roles : [AUTOMATION_ROLE];
  const kind: EntityJson = {
    uid: uid("ActionKind", subject.kind),
    attrs: {
      tenant: { __entity: uid("Tenant", "tenant") },
      carriesMoney: ACTION_KINDS[subject.kind].carries_money,
      autonomous: thresholds.auto_approve_max_minor !== null,
      autoApproveMaxMinor: thresholds.auto_approve_max_minor ?? 0,
      minConfidencePct: percent(thresholds.min_confidence),
      ...(subject.approverRole ? { approverRole: { __entity: uid("Role", subject.approverRole) } } : {}),
      denyCustomerTiers: thresholds.deny_customer_tiers,
      approvalItemClasses: thresholds.approval_item_classes,
    },
    parents: [],
  };
  const context: CedarRequest["context"] = { connector: subject.connector };
  if (facts.amount_minor !== undefined) context.amountMinor = facts.amount_minor;
  if (facts.confidence !== undefined) context.confidencePct = percent(facts.confidence);
  if (facts.customer_tier !== undefined) context.customerTier = facts.customer_tier;
  if (facts.item_class !== undefined) context.itemClass = facts.item_class;
  if (facts.currency !== undefined) context.currency = facts.currency;
  return {
    principal: principal.uid,
    action: uid("Action", action),
    resource: kind.uid,
    context,
    entities: [
      principal,
      kind,
      { uid: uid("Tenant", "tenant"), attrs: { suspended: subject.tenantSuspended }, parents: [] },
      ...roleEntities(roles),
    ],
  };
}
