import { ACTION_KIND_NAMES, ACTION_KINDS, type ActionKind } from "../contract.ts";

/**
 * Edits of a draft's threshold data, as the thresholds form makes them: each takes the data as it
 * parsed (whatever its shape; the checks and the server say what is wrong with it) and answers new
 * data, leaving what it does not edit as it was.
 */

type Json = Record<string, unknown>;

/** One row of the form or the table: the default, or a kind of write's own thresholds. */
export type ThresholdRow = {
  /** "default", or the kind's name under `kinds`. */
  key: string;
  /** Where its problems are: "data.default", "data.kinds.sales_order.create". */
  path: string;
  label: string;
  /** The thresholds as they are in the data (not necessarily in the expected shape). */
  value: unknown;
};

export const isRecord = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

const rank = (name: string) => {
  const index = (ACTION_KIND_NAMES as readonly string[]).indexOf(name);
  return index < 0 ? ACTION_KIND_NAMES.length : index;
};

const kindsOf = (data: unknown): Json => (isRecord(data) && isRecord(data.kinds) ? data.kinds : {});

/** The default, then each kind listed, in the contract's order (names it does not know last, for the checks to name). */
export function thresholdRows(data: unknown): ThresholdRow[] {
  const root = isRecord(data) ? data : {};
  return [
    { key: "default", path: "data.default", label: "Every other kind", value: root.default },
    ...Object.entries(kindsOf(data))
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([name, value]) => ({
        key: name,
        path: `data.kinds.${name}`,
        label: ACTION_KINDS[name as ActionKind]?.label ?? name,
        value,
      })),
  ];
}

/** The kinds of write that have no thresholds of their own yet (they use the default), in the contract's order. */
export const kindsToAdd = (data: unknown): ActionKind[] => ACTION_KIND_NAMES.filter((name) => !(name in kindsOf(data)));

/** The data with one row's thresholds replaced by `edit` of them. */
export function editRow(data: unknown, key: string, edit: (row: Json) => Json): Json {
  const root = isRecord(data) ? data : {};
  if (key === "default") return { ...root, default: edit(isRecord(root.default) ? root.default : {}) };
  const kinds = kindsOf(data);
  const row = kinds[key];
  return { ...root, kinds: { ...kinds, [key]: edit(isRecord(row) ? row : {}) } };
}

export const setField = (data: unknown, key: string, field: string, value: unknown): Json =>
  editRow(data, key, (row) => ({ ...row, [field]: value }));

/** A row's approver tiers as listed (none when they are not a list). */
export const tiersOf = (row: unknown): unknown[] =>
  isRecord(row) && Array.isArray(row.approver_tiers) ? row.approver_tiers : [];

const editTiers = (data: unknown, key: string, edit: (tiers: unknown[]) => unknown[]): Json =>
  editRow(data, key, (row) => ({ ...row, approver_tiers: edit(tiersOf(row)) }));

export const setTier = (data: unknown, key: string, index: number, field: "max_minor" | "role", value: unknown): Json =>
  editTiers(data, key, (tiers) =>
    tiers.map((tier, at) => (at === index ? { ...(isRecord(tier) ? tier : {}), [field]: value } : tier)),
  );

/**
 * One more tier for `role`, without an amount yet: before the last tier when that one covers any
 * amount (so it stays last, and the new tier's amount is asked for), else at the end.
 */
export const addTier = (data: unknown, key: string, role: string): Json =>
  editTiers(data, key, (tiers) => {
    const last = tiers.at(-1);
    const tier = { max_minor: null, role };
    return isRecord(last) && last.max_minor === null ? [...tiers.slice(0, -1), tier, last] : [...tiers, tier];
  });

export const removeTier = (data: unknown, key: string, index: number): Json =>
  editTiers(data, key, (tiers) => tiers.filter((_tier, at) => at !== index));

/** A kind of write gets thresholds of its own, starting from the default's (what it uses until now). */
export function addKind(data: unknown, name: ActionKind): Json {
  const root = isRecord(data) ? data : {};
  const start: unknown = isRecord(root.default) ? structuredClone(root.default) : {};
  return { ...root, kinds: { ...kindsOf(data), [name]: start } };
}

/** A kind of write goes back to using the default. */
export function removeKind(data: unknown, name: string): Json {
  const root = isRecord(data) ? data : {};
  const { [name]: _removed, ...kinds } = kindsOf(data);
  return { ...root, kinds };
}
