import type { MappedRow } from "./row-mapper.ts";
import { createSeenKeys } from "./seen-keys.ts";
import type { SourceRow } from "./source/source-row.ts";

/** A problem found before sending, or reported by the API, placed on a line of the source file. */
export type LineIssue = { line: number; path: string; message: string };

/** A record ready to send, with the rows it came from so answers can be traced back to lines. */
export type PendingRecord = {
  record: Record<string, unknown>;
  externalId: string | undefined;
  rows: SourceRow[];
  /** The source line of each entry of the child collection, in order. */
  childLines: number[];
  /** Problems that keep the record from being sent: it is rejected here, with these reasons. */
  issues: LineIssue[];
};

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function keyOf(record: Record<string, unknown>): string | undefined {
  const { source_system, external_id } = record;
  return typeof external_id === "string" && external_id !== "" ? `${String(source_system)}\u0000${external_id}` : undefined;
}

/**
 * Turns mapped rows into records. Without a child collection each row is a record. With one,
 * consecutive rows that share an external id are one record, each adding an entry (a line); their
 * own fields must agree (a blank cell agrees with anything). A record may appear once per file:
 * an external id seen again later is rejected, as the later rows would silently replace the
 * earlier ones.
 */
export function createAssembler(options: { childCollection: string | undefined; recordName: string }) {
  const { childCollection } = options;
  const seen = createSeenKeys();
  let current: PendingRecord | undefined;
  let currentKey: string | undefined;

  function start(row: SourceRow, mapped: MappedRow): PendingRecord {
    const record = { ...mapped.record };
    const externalId = typeof record.external_id === "string" ? record.external_id : undefined;
    const pending: PendingRecord = { record, externalId, rows: [row], childLines: [], issues: [] };
    const key = keyOf(record);
    if (key !== undefined) {
      const first = seen.remember(key, row.line);
      if (first !== undefined) {
        const hint = childCollection
          ? `: sort the file so each ${options.recordName}'s rows are together`
          : "; a record may appear once per file";
        pending.issues.push({
          line: row.line,
          path: "external_id",
          message: `${JSON.stringify(externalId)} appeared before, on line ${first}${hint}`,
        });
      }
    }
    return pending;
  }

  function addRow(pending: PendingRecord, row: SourceRow, mapped: MappedRow): void {
    for (const issue of mapped.issues) pending.issues.push({ line: row.line, ...issue });
    if (!childCollection) return;
    if (pending.rows[0] !== row) {
      pending.rows.push(row);
      const first = pending.rows[0]?.line;
      for (const [field, value] of Object.entries(mapped.record)) {
        const existing = pending.record[field];
        if (existing === undefined) pending.record[field] = value;
        else if (field === "attributes") pending.record.attributes = { ...(value as object), ...(existing as object) };
        else if (!same(existing, value)) {
          pending.issues.push({
            line: row.line,
            path: field,
            message: `is ${JSON.stringify(value)} here but ${JSON.stringify(existing)} on line ${first}, in the same ${options.recordName}`,
          });
        }
      }
    }
    if (mapped.child) {
      const lines = Array.isArray(pending.record[childCollection]) ? (pending.record[childCollection] as unknown[]) : [];
      lines.push(mapped.child);
      pending.record[childCollection] = lines;
      pending.childLines.push(row.line);
    }
  }

  return {
    /** Adds a row; returns the records it completed. */
    push(row: SourceRow, mapped: MappedRow): PendingRecord[] {
      if (!childCollection) {
        const pending = start(row, mapped);
        addRow(pending, row, mapped);
        return [pending];
      }
      const key = keyOf(mapped.record);
      if (current && key !== undefined && key === currentKey) {
        addRow(current, row, mapped);
        return [];
      }
      const done = current ? [current] : [];
      current = start(row, mapped);
      currentKey = key;
      addRow(current, row, mapped);
      if (key === undefined) {
        // No external id to group by: the row stands alone, and is rejected for it.
        done.push(current);
        current = undefined;
      }
      return done;
    },
    /** The last record, at the end of the file. */
    end(): PendingRecord[] {
      const done = current ? [current] : [];
      current = undefined;
      return done;
    },
  };
}
