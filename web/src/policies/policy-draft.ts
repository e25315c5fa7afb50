import type { PolicyIssue, PolicySet } from "../contract.ts";
import type { PolicyDraft } from "./policy-queries.ts";
import { isRecord, thresholdRows } from "./threshold-edits.ts";

/** What the editor holds: the Cedar text, and the threshold data as JSON text. */
export type EditorDraft = { text: string; data: string };

const KIND_FIELDS = [
  "auto_approve_max_minor",
  "min_confidence",
  "approver_tiers",
  "deny_customer_tiers",
  "approval_item_classes",
];
const TIER_FIELDS = ["max_minor", "role"];

/** The object with `keys` first, in that order, then any others as they came. */
function ordered(value: unknown, keys: readonly string[]): unknown {
  if (!isRecord(value)) return value;
  const known = keys.filter((key) => key in value).map((key) => [key, value[key]]);
  return Object.fromEntries([...known, ...Object.entries(value).filter(([key]) => !keys.includes(key))]);
}

const orderedKind = (kind: unknown): unknown =>
  isRecord(kind) && Array.isArray(kind.approver_tiers)
    ? ordered({ ...kind, approver_tiers: kind.approver_tiers.map((tier) => ordered(tier, TIER_FIELDS)) }, KIND_FIELDS)
    : ordered(kind, KIND_FIELDS);

/**
 * The threshold data as JSON people read and diff: the default first, then the kinds in the
 * contract's order, each field in the contract's order (the database keeps keys in its own order).
 * Data of another shape (a draft being edited) keeps what it has, known keys first.
 */
export function dataJson(data: unknown): string {
  if (!isRecord(data)) return JSON.stringify(data, null, 2);
  const [, ...kinds] = thresholdRows(data);
  const root = {
    ...data,
    default: orderedKind(data.default),
    ...(isRecord(data.kinds) ? { kinds: Object.fromEntries(kinds.map((row) => [row.key, orderedKind(row.value)])) } : {}),
  };
  return JSON.stringify(ordered(root, ["default", "kinds"]), null, 2);
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
