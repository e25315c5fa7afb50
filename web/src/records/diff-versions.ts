/** What one version changed against the one before it, field by field. */
export type FieldChange = { field: string; before: unknown; after: unknown };

const IGNORED = new Set(["id", "version", "created_at", "updated_at"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffVersions(before: Record<string, unknown> | undefined, after: Record<string, unknown>): FieldChange[] {
  if (!before) return [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    if (!same(before[field], after[field])) changes.push({ field, before: before[field], after: after[field] });
  }
  return changes.sort((a, b) => a.field.localeCompare(b.field));
}

/** A value in a change list: short, whatever its type. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? "line" : "lines"}`;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
