/** A stored record (as read) in the shape an upsert takes: whole, with its lines, so a change is written by stating it again. */
export type RecordInputRow = Record<string, unknown> & { lines?: Record<string, unknown>[] };

/**
 * A stored record as the upsert input that states it again: without the fields the store keeps
 * (id, version, times), its lines copied so they can be changed without touching what was read.
 */
export function inputOf(record: Record<string, unknown>): RecordInputRow {
  const { id: _id, version: _version, created_at: _created, updated_at: _updated, ...input } = record;
  return { ...input, lines: ((input.lines as Record<string, unknown>[] | undefined) ?? []).map((line) => ({ ...line })) };
}
