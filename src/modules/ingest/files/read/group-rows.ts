import type { FileRow } from "./file-row.ts";

/** Rows one group holds at most; a longer run of the same key goes on as the next group. */
export const MAX_GROUP_ROWS = 5_000;

/**
 * Consecutive rows that agree on the `by` columns become one payload: the first row's fields, and
 * every row of the group under `rows` (an order exported one line per row becomes the order with
 * its lines). A group's `line` is its last row's, so a file read again after a crash resumes after
 * whole groups; `firstLine` is where it starts. A row that cannot be read, or is not an object,
 * ends the group before it and stands alone.
 */
export async function* groupRows(rows: AsyncIterable<FileRow>, by: readonly string[]): AsyncGenerator<FileRow> {
  let group: { key: string; firstLine: number; line: number; values: Record<string, unknown>[] } | undefined;
  const flush = function* (): Generator<FileRow> {
    if (!group) return;
    const [first] = group.values;
    yield { ok: true, line: group.line, firstLine: group.firstLine, value: { ...first, rows: group.values } };
    group = undefined;
  };
  for await (const row of rows) {
    const value = row.ok ? row.value : undefined;
    if (!row.ok || value === null || typeof value !== "object" || Array.isArray(value)) {
      yield* flush();
      yield row;
      continue;
    }
    const fields = value as Record<string, unknown>;
    const key = JSON.stringify(by.map((column) => fields[column] ?? null));
    if (group && (group.key !== key || group.values.length >= MAX_GROUP_ROWS)) yield* flush();
    if (group) {
      group.values.push(fields);
      group.line = row.line;
    } else {
      group = { key, firstLine: row.line, line: row.line, values: [fields] };
    }
  }
  yield* flush();
}
