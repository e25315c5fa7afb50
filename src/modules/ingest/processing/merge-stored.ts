import { type RecordTypeName, recordTypes } from "../../records/index.ts";

/** Fields a stored record has that an upsert does not take. */
const OUTPUT_ONLY = new Set(["id", "version", "created_at", "updated_at"]);

/** A line as a comparable string: keys sorted, empty values left out, so stored and incoming lines compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(
        ([, inner]) => inner !== null && inner !== undefined && !(typeof inner === "object" && Object.keys(inner).length === 0),
      )
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * A mapped row merged into the record stored under the same key (a template's `merge`): fields the
 * row leaves empty keep their stored values, attributes are combined, and the row's lines are
 * added to the stored ones unless an equal line is there. A row whose lines are all there already
 * (the same event sent again) changes nothing, so a repeat cannot take the record's fields back.
 * Without a stored record, the row as it is. An event that arrives late still sets the fields it
 * carries: the feed is taken to send in order.
 */
export function mergeIntoStored(
  type: RecordTypeName,
  stored: Record<string, unknown> | undefined,
  row: Record<string, unknown>,
): Record<string, unknown> {
  if (!stored) return row;
  const collections = new Set(Object.keys(recordTypes[type].children));
  const incomingLines = Object.entries(row).filter(
    ([key, value]) => collections.has(key) && Array.isArray(value) && value.length > 0,
  );
  const allThere = incomingLines.every(([key, value]) => {
    const seen = new Set((Array.isArray(stored[key]) ? (stored[key] as unknown[]) : []).map(canonical));
    return (value as unknown[]).every((line) => seen.has(canonical(line)));
  });
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) if (!OUTPUT_ONLY.has(key)) merged[key] = value;
  if (incomingLines.length > 0 && allThere) return merged;
  for (const [key, value] of Object.entries(row)) {
    if (collections.has(key)) {
      const lines = Array.isArray(merged[key]) ? (merged[key] as unknown[]) : [];
      const seen = new Set(lines.map(canonical));
      merged[key] = [...lines, ...(Array.isArray(value) ? value : []).filter((line) => !seen.has(canonical(line)))];
    } else if (key === "attributes") {
      merged.attributes = { ...((merged.attributes as object | null) ?? {}), ...((value as object | null) ?? {}) };
    } else if (value !== null && value !== undefined) {
      merged[key] = value;
    }
  }
  return merged;
}
