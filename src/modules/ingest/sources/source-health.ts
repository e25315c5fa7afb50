import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import type { SourceHealth } from "../contract/index.ts";
import { iso, isoOrNull } from "../db-values.ts";

type HealthRow = {
  source_id: string;
  last_received_at: string | null;
  received_1h: string;
  received_24h: string;
  quarantined_24h: string;
  backlog: string;
  oldest_backlog_at: string | null;
  quarantined: string;
};

/** Per source, what an integration engineer watches: last receipt, throughput, error rate, lag, quarantine. */
export async function sourcesHealth(db: Database, tenantId: string, now: Date): Promise<Map<string, SourceHealth>> {
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const found = await withTenant(db, tenantId, (tx) =>
    rows<HealthRow>(
      tx,
      sql`select source_id, max(received_at) as last_received_at,
                 count(*) filter (where received_at >= ${hourAgo}) as received_1h,
                 count(*) filter (where received_at >= ${dayAgo}) as received_24h,
                 count(*) filter (where received_at >= ${dayAgo} and status = 'quarantined') as quarantined_24h,
                 count(*) filter (where status = 'received') as backlog,
                 min(received_at) filter (where status = 'received') as oldest_backlog_at,
                 count(*) filter (where status = 'quarantined') as quarantined
            from ingest.receipts group by source_id`,
    ),
  );
  return new Map(
    found.map((row) => {
      const received24h = Number(row.received_24h);
      return [
        row.source_id,
        {
          last_received_at: isoOrNull(row.last_received_at),
          received_last_hour: Number(row.received_1h),
          received_last_day: received24h,
          error_rate_last_day: received24h > 0 ? Number(row.quarantined_24h) / received24h : 0,
          backlog: Number(row.backlog),
          lag_seconds: row.oldest_backlog_at
            ? Math.max(0, (now.getTime() - new Date(iso(row.oldest_backlog_at)).getTime()) / 1000)
            : 0,
          quarantined: Number(row.quarantined),
        },
      ];
    }),
  );
}

export const NO_TRAFFIC: SourceHealth = {
  last_received_at: null,
  received_last_hour: 0,
  received_last_day: 0,
  error_rate_last_day: 0,
  backlog: 0,
  lag_seconds: 0,
  quarantined: 0,
};
