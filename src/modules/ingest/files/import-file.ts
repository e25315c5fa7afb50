import type { Database } from "../../../platform/db/database.ts";
import type { Records, RecordTypeName } from "../../records/index.ts";
import type { FileFormat, ProducedRecord, QuarantineReason } from "../contract/index.ts";
import { applyMapping, type CompiledMapping } from "../mapping/index.ts";
import { type BadRow, commitChunk, PROBLEMS_KEPT } from "./import-store.ts";
import { FileReadError } from "./read/file-row.ts";
import { readFileRows } from "./read/read-file-rows.ts";

/** Rows mapped and written per chunk: one records.upsert per record type, and one commit of progress. */
export const CHUNK_ROWS = 5_000;

export type ImportJob = {
  tenantId: string;
  sourceId: string;
  dropName: string;
  sourceSystem: string;
  mapping: CompiledMapping;
  format: FileFormat;
  importId: string;
  fileName: string;
  sha256: string;
  owner: string;
  /** Lines up to this one were committed by an earlier run: they are read past, not written again. */
  checkpoint: number;
  /** Problems kept by earlier runs. */
  problemsKept: number;
  /** A person ran it again: rows an earlier run quarantined and this one writes have their receipts marked processed. */
  rerun: boolean;
};

export type ImportDeps = {
  db: Database;
  records: Records;
  clock: () => Date;
  leaseMs: number;
  /** Rows per chunk; CHUNK_ROWS unless a test wants smaller ones. */
  chunkRows?: number;
  /** Stops between chunks when set (the process is stopping); what was committed stands. */
  signal?: AbortSignal;
  /** Called after each committed chunk, with the rows it covered. */
  onChunk?: (counts: { rows: number; written: number; rejected: number; skipped: number }) => void;
};

export type ImportOutcome =
  | { status: "processed" }
  | { status: "failed"; error: { message: string; line: number | null } }
  | { status: "stopped" };

type Entry = { line: number; value: unknown; failed?: { path: string; message: string }[]; produced?: ProducedRecord[] };

/** What a chunk of the file holds before it is written. */
class Chunk {
  rowsRead = 0;
  skipped = 0;
  records = 0;
  lastLine: number;
  readonly byType = new Map<RecordTypeName, { rows: Record<string, unknown>[]; entries: Entry[] }>();
  readonly keys = new Set<string>();
  readonly entries: Entry[] = [];
  readonly bad: BadRow[] = [];

  constructor(after: number) {
    this.lastLine = after;
  }

  /** Whether one of these records is in the chunk already (the same record twice in one upsert is refused). */
  holdsAny(records: { type: RecordTypeName; row: Record<string, unknown> }[]): boolean {
    return records.some((record) => this.keys.has(`${record.type}\u0000${String(record.row.external_id)}`));
  }

  add(line: number, value: unknown, records: { type: RecordTypeName; row: Record<string, unknown> }[]): void {
    const entry: Entry = { line, value };
    this.entries.push(entry);
    for (const record of records) {
      this.keys.add(`${record.type}\u0000${String(record.row.external_id)}`);
      let batch = this.byType.get(record.type);
      if (!batch) {
        batch = { rows: [], entries: [] };
        this.byType.set(record.type, batch);
      }
      batch.rows.push(record.row);
      batch.entries.push(entry);
      this.records++;
    }
  }

  get empty(): boolean {
    return this.rowsRead === 0;
  }
}

const bodyOf = (value: unknown) => JSON.stringify(value) ?? "null";

/**
 * Imports one file of a drop, streamed: rows are read (never the whole file in memory), mapped with
 * the drop's mapping, and written in chunks of CHUNK_ROWS rows with records.upsert in partial mode
 * (one call per record type). A row that cannot be read, mapped or validated is kept in quarantine
 * as a receipt of the drop's source, with its line. After each chunk the counts, the first problems
 * and the line reached are committed with the quarantined rows, so a run that stops (a crash, a
 * stop) resumes after the last committed line; the records of a chunk done twice are upserted by
 * (source_system, external_id) and unchanged the second time.
 */
export async function importFile(deps: ImportDeps, job: ImportJob, file: string): Promise<ImportOutcome> {
  const ctx = {
    tenantId: job.tenantId,
    actor: { type: "system" as const, id: job.sourceId, label: `ingest:${job.dropName}` },
    // The records' events and audit entries name the file import: a record's history leads back to the file.
    requestId: job.importId,
  };
  const chunkRows = deps.chunkRows ?? CHUNK_ROWS;
  let problemsKept = job.problemsKept;
  let chunk = new Chunk(job.checkpoint);
  let lastLine = job.checkpoint;

  // One chunk is written while the next is read and mapped; chunks commit in order.
  let writing: Promise<void> | undefined;
  const settle = async () => {
    const pending = writing;
    writing = undefined;
    await pending;
  };
  const flush = async () => {
    await settle();
    if (chunk.empty) return;
    const current = chunk;
    chunk = new Chunk(lastLine);
    writing = write(current);
    // Awaited by the next flush; this only keeps a failure from counting as unhandled meanwhile.
    writing.catch(() => undefined);
  };
  const write = async (current: Chunk) => {
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    for (const [type, batch] of current.byType) {
      // The mapping parsed each row with the record type's schema.
      const result = await deps.records.upsert(ctx, type, batch.rows, { mode: "partial", alreadyParsed: true });
      inserted += result.inserted;
      updated += result.updated;
      unchanged += result.unchanged;
      for (const rejected of result.rejected) {
        const entry = batch.entries[rejected.index ?? -1];
        if (!entry) continue;
        entry.failed ??= [];
        entry.failed.push({ path: `${type}.${rejected.path ?? ""}`, message: rejected.message });
      }
      if (job.rerun) {
        for (const row of result.results) {
          const entry = batch.entries[row.index];
          if (!entry || !row.id) continue;
          entry.produced ??= [];
          entry.produced.push({ type, id: row.id, external_id: row.external_id ?? "" });
        }
      }
    }
    const bad = [...current.bad];
    for (const entry of current.entries) {
      if (!entry.failed) continue;
      bad.push({
        line: entry.line,
        stage: "validate",
        reason: {
          stage: "validate",
          message: `Line ${entry.line} of ${job.fileName}: records made from it were refused`,
          problems: entry.failed,
        },
        body: bodyOf(entry.value),
      });
    }
    bad.sort((a, b) => a.line - b.line);
    const now = deps.clock();
    problemsKept += await commitChunk(deps.db, job.tenantId, {
      importId: job.importId,
      sourceId: job.sourceId,
      sha256: job.sha256,
      owner: job.owner,
      lastLine: current.lastLine,
      rowsRead: current.rowsRead,
      inserted,
      updated,
      unchanged,
      skipped: current.skipped,
      bad,
      problemRoom: Math.max(0, PROBLEMS_KEPT - problemsKept),
      leaseUntil: new Date(now.getTime() + deps.leaseMs),
      now,
      ...(job.rerun
        ? {
            written: current.entries
              .filter((entry) => !entry.failed && entry.produced)
              .map((entry) => ({ line: entry.line, produced: entry.produced ?? [] })),
          }
        : {}),
    });
    deps.onChunk?.({
      rows: current.rowsRead,
      written: current.rowsRead - bad.length - current.skipped,
      rejected: bad.length,
      skipped: current.skipped,
    });
  };

  const quarantine = (line: number, reason: QuarantineReason, body: string) => {
    chunk.bad.push({ line, stage: reason.stage as BadRow["stage"], reason, body });
  };

  try {
    for await (const row of readFileRows(file, job.format)) {
      if (row.line <= job.checkpoint) continue;
      if (deps.signal?.aborted) {
        await flush();
        await settle();
        return { status: "stopped" };
      }
      if (!row.ok) {
        chunk.rowsRead++;
        quarantine(
          row.line,
          { stage: "parse", message: `Line ${row.line} of ${job.fileName} ${row.message}`, problems: [] },
          row.body,
        );
      } else {
        const mapped = applyMapping(job.mapping, row.value, { sourceSystem: job.sourceSystem });
        if (mapped.problems.length > 0) {
          chunk.rowsRead++;
          quarantine(
            row.line,
            {
              stage: "map",
              message: `${linesOf(row)} of ${job.fileName} ${linesOf(row).startsWith("Lines") ? "do" : "does"} not fit the drop's mapping`,
              problems: mapped.problems,
            },
            bodyOf(row.value),
          );
        } else if (mapped.records.length === 0) {
          chunk.rowsRead++;
          chunk.skipped++;
        } else {
          const records = mapped.records.map((record) => ({
            type: record.type,
            row: { ...record.row, source_system: job.sourceSystem },
          }));
          if (chunk.holdsAny(records)) {
            // A later row of the same record: write what came before it first, so the later one wins.
            chunk.lastLine = lastLine;
            await flush();
          }
          chunk.rowsRead++;
          chunk.add(row.line, row.value, records);
        }
      }
      lastLine = row.line;
      chunk.lastLine = lastLine;
      if (chunk.rowsRead >= chunkRows || chunk.records >= chunkRows) await flush();
    }
    await flush();
    await settle();
    return { status: "processed" };
  } catch (error) {
    if (!(error instanceof FileReadError)) {
      await settle().catch(() => undefined);
      throw error;
    }
    // The rows read before the file broke off stand; the file does not.
    await flush();
    await settle();
    return { status: "failed", error: { message: error.message, line: error.line } };
  }
}

/** Where a row is in its file: `Line 7`, or `Lines 7–9` for a group of rows. */
function linesOf(row: { line: number; firstLine?: number }): string {
  return row.firstLine === undefined || row.firstLine === row.line ? `Line ${row.line}` : `Lines ${row.firstLine}–${row.line}`;
}
