import type { PolicyData } from "../contract/index.ts";
import type { CompiledPolicies } from "./compile-policies.ts";

/** What a save changed, for the audit trail and the version list. */
export type PolicyChange = {
  policies_added: string[];
  policies_removed: string[];
  policies_changed: string[];
  /** "kinds.sales_order.create.auto_approve_max_minor: 500000 → 750000" */
  data_changes: string[];
};

const normalise = (policy: string) => policy.replace(/\s+/g, " ").trim();

function leaves(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

function dataChanges(before: PolicyData, after: PolicyData): string[] {
  const changes: string[] = [];
  const kinds = new Set([...Object.keys(before.kinds), ...Object.keys(after.kinds)]);
  for (const kind of kinds) {
    const had = (before.kinds as Record<string, unknown>)[kind];
    const has = (after.kinds as Record<string, unknown>)[kind];
    if (!had) changes.push(`kinds.${kind}: added`);
    else if (!has) changes.push(`kinds.${kind}: removed (the default applies)`);
  }
  const old = leaves({ default: before.default, kinds: before.kinds }, "", new Map());
  const now = leaves({ default: after.default, kinds: after.kinds }, "", new Map());
  for (const [path, value] of now) {
    const previous = old.get(path);
    const kind = /^kinds\.([^.]+\.[^.]+)\./.exec(path)?.[1];
    const wholeKindChanged = kind !== undefined && (!(kind in before.kinds) || !(kind in after.kinds));
    if (previous !== undefined && previous !== value && !wholeKindChanged) changes.push(`${path}: ${previous} → ${value}`);
  }
  return changes;
}

export function diffPolicies(
  before: { compiled: CompiledPolicies | null; data: PolicyData },
  after: { compiled: CompiledPolicies; data: PolicyData },
): PolicyChange {
  const old = before.compiled?.policies ?? {};
  const now = after.compiled.policies;
  return {
    policies_added: Object.keys(now).filter((id) => !(id in old)),
    policies_removed: Object.keys(old).filter((id) => !(id in now)),
    policies_changed: Object.keys(now).filter((id) => id in old && normalise(old[id] as string) !== normalise(now[id] as string)),
    data_changes: dataChanges(before.data, after.data),
  };
}

/** One line for people: "policies changed: a; added: b; kinds.order.hold.min_confidence: 0.8 → 0.9". */
export function summarize(change: PolicyChange): string {
  const parts: string[] = [];
  if (change.policies_added.length > 0) parts.push(`policies added: ${change.policies_added.join(", ")}`);
  if (change.policies_removed.length > 0) parts.push(`policies removed: ${change.policies_removed.join(", ")}`);
  if (change.policies_changed.length > 0) parts.push(`policies changed: ${change.policies_changed.join(", ")}`);
  parts.push(...change.data_changes);
  const summary = parts.length > 0 ? parts.join("; ") : "no changes";
  return summary.length > 1000 ? `${summary.slice(0, 999)}…` : summary;
}
