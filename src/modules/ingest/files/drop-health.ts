import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import type { FileDropHealth } from "../contract/index.ts";
import { iso, isoOrNull } from "../db-values.ts";

export const NO_FILES: FileDropHealth = {
  last_file_at: null,
  files_last_day: 0,
  failed_last_day: 0,
  rows_last_day: 0,
  error_rate_last_day: 0,
  backlog: 0,
  lag_seconds: 0,
  quarantined: 0,
  scan_error: null,
  scan_error_at: null,
};

type HealthRow = {
  source_id: string;
  last_file_at: string | null;
  files_1d: string;
  failed_1d: string;
  rows_1d: string;
  rejected_1d: string;
  backlog: string;
  oldest: string | null;
  quarantined: string;
  scan_error: string | null;
  scan_error_at: string | null;
};

/** Per drop, what an integration engineer watches: the last file, the day's files, rows and error rate, the backlog and its lag, the quarantine. */
export async function dropsHealth(db: Database, tenantId: string, now: Date): Promise<Map<string, FileDropHealth>> {
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const found = await withTenant(db, tenantId, (tx) =>
    rows<HealthRow>(
      tx,
      sql`select d.source_id, d.scan_error, d.scan_error_at,
                 f.last_file_at, coalesce(f.files_1d, 0) as files_1d, coalesce(f.failed_1d, 0) as failed_1d,
                 coalesce(f.rows_1d, 0) as rows_1d, coalesce(f.rejected_1d, 0) as rejected_1d,
                 coalesce(f.backlog, 0) as backlog, f.oldest,
                 (select count(*) from ingest.receipts r where r.source_id = d.source_id and r.status = 'quarantined') as quarantined
            from ingest.file_drops d
            left join (select source_id, max(detected_at) as last_file_at,
                              count(*) filter (where detected_at >= ${dayAgo}) as files_1d,
                              count(*) filter (where detected_at >= ${dayAgo} and status = 'failed') as failed_1d,
                              sum(rows_read) filter (where detected_at >= ${dayAgo}) as rows_1d,
                              sum(rejected) filter (where detected_at >= ${dayAgo}) as rejected_1d,
                              count(*) filter (where status in ('pending', 'running')) as backlog,
                              min(detected_at) filter (where status in ('pending', 'running')) as oldest
                         from ingest.file_imports group by source_id) f on f.source_id = d.source_id`,
    ),
  );
  return new Map(
    found.map((row) => {
      const rowsDay = Number(row.rows_1d);
      return [
        row.source_id,
        {
          last_file_at: isoOrNull(row.last_file_at),
          files_last_day: Number(row.files_1d),
          failed_last_day: Number(row.failed_1d),
          rows_last_day: rowsDay,
          error_rate_last_day: rowsDay > 0 ? Number(row.rejected_1d) / rowsDay : 0,
          backlog: Number(row.backlog),
          lag_seconds: row.oldest ? Math.max(0, (now.getTime() - new Date(iso(row.oldest)).getTime()) / 1000) : 0,
          quarantined: Number(row.quarantined),
          scan_error: row.scan_error,
          scan_error_at: isoOrNull(row.scan_error_at),
        },
      ];
    }),
  );
}
