import type { FileImportReport } from "../contract/index.ts";
import { iso, isoOrNull } from "../db-values.ts";
import type { ImportRow } from "./import-store.ts";

/** Where a drop's quarantined rows are listed in the API. */
export const quarantinePath = (sourceId: string) => `/api/v1/ingest/receipts?source=${sourceId}&status=quarantined`;

/** A finished import's report: what the API shows and what is written beside the file. */
export function buildReport(row: ImportRow, dropName: string): FileImportReport {
  const finished = iso(row.finished_at);
  const started = isoOrNull(row.started_at);
  const durationMs = started ? Math.max(0, new Date(finished).getTime() - new Date(started).getTime()) : 0;
  const rows = Number(row.rows_read);
  return {
    import_id: row.id,
    drop: dropName,
    file_name: row.file_name,
    sha256: row.sha256,
    size: Number(row.size),
    status: row.status === "failed" ? "failed" : "processed",
    started_at: started,
    finished_at: finished,
    duration_ms: durationMs,
    rows,
    inserted: Number(row.inserted),
    updated: Number(row.updated),
    unchanged: Number(row.unchanged),
    rejected: Number(row.rejected),
    skipped: Number(row.skipped),
    rows_per_second: durationMs > 0 ? Math.round((rows / durationMs) * 1000 * 10) / 10 : rows,
    error: row.error,
    problems: row.problems,
    problems_omitted: Number(row.problems_omitted),
    quarantine: quarantinePath(row.source_id),
  };
}

/** What is written beside a file dropped again: it was not imported again. */
export function duplicateReport(row: ImportRow, fileName: string, now: Date) {
  return {
    file_name: fileName,
    sha256: row.sha256,
    status: "duplicate",
    message: `The same content was imported before, as ${row.file_name} (file import ${row.id}): not imported again`,
    duplicate_of: row.id,
    detected_at: now.toISOString(),
  };
}
