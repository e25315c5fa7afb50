import { ACTION_KIND_NAMES, type PolicyIssue, type PolicySet } from "../contract.ts";
import type { PolicyDraft } from "./policy-queries.ts";

/** What the editor holds: the Cedar text, and the threshold data as JSON text. */
export type EditorDraft = { text: string; data: string };

type KindData = PolicySet["data"]["default"];

const orderedKind = (kind: KindData): KindData => ({
  auto_approve_max_minor: kind.auto_approve_max_minor,
  min_confidence: kind.min_confidence,
  approver_tiers: kind.approver_tiers.map((tier) => ({ max_minor: tier.max_minor, role: tier.role })),
  deny_customer_tiers: kind.deny_customer_tiers,
  approval_item_classes: kind.approval_item_classes,
});

/**
 * The threshold data as JSON people read and diff: the default first, then the kinds in the
 * contract's order, each field in the contract's order (the database keeps keys in its own order).
 */
export function dataJson(data: PolicySet["data"]): string {
  const kinds = Object.fromEntries(
    ACTION_KIND_NAMES.flatMap((name) => {
      const kind = data.kinds[name];
      return kind ? [[name, orderedKind(kind)]] : [];
    }),
  );
  return JSON.stringify({ default: orderedKind(data.default), kinds }, null, 2);
}

export const draftOf = (set: PolicySet): EditorDraft => ({ text: set.text, data: dataJson(set.data) });

/** The line and column of a character offset. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The draft as the API takes it; or the JSON problem, located, when the data does not parse. */
export function parseDraft(draft: EditorDraft): { ok: true; value: PolicyDraft } | { ok: false; issue: PolicyIssue } {
  try {
    return { ok: true, value: { text: draft.text, data: JSON.parse(draft.data) } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const place = position !== undefined ? placeOf(draft.data, Number(position)) : null;
    return {
      ok: false,
      issue: {
        path: "data",
        message: `not valid JSON: ${message}`,
        line: place?.line ?? null,
        column: place?.column ?? null,
        help: null,
        policy_id: null,
      },
    };
  }
}

/** JSON with every object's keys sorted: equal for equal data, whatever order the keys came in. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

/** Only what differs from the saved set: a save leaves the rest as in force. */
export function changesFrom(draft: PolicyDraft, saved: PolicySet): Partial<PolicyDraft> {
  const changes: Partial<PolicyDraft> = {};
  if (draft.text !== saved.text) changes.text = draft.text;
  if (sortedJson(draft.data) !== sortedJson(saved.data)) changes.data = draft.data;
  return changes;
}
