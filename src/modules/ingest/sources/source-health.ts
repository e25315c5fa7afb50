import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { firstIdAt } from "../../../platform/ids.ts";
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

/**
 * Per source, what an integration engineer watches: last receipt, throughput, error rate, lag,
 * quarantine. Read where the indexes keep it small, never the whole history: the last receipt
 * from the newest of the source's ids, the day's counts from its ids of the day (ids sort by when
 * they were made), the backlog and the quarantine from their partial indexes.
 */
export async function sourcesHealth(db: Database, tenantId: string, now: Date): Promise<Map<string, SourceHealth>> {
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const dayAgo = new Date(now.getTime() - 86_400_000);
  // Ids are stamped by this machine's clock, received_at by the injected one (the same, but in tests).
  const firstOfDay = firstIdAt("rcv", new Date(Math.min(dayAgo.getTime(), Date.now() - 86_400_000) - 60_000));
  const found = await withTenant(db, tenantId, (tx) =>
    rows<HealthRow>(
      tx,
      sql`select s.id as source_id, latest.received_at as last_received_at,
                 day.received_1h, day.received_24h, day.quarantined_24h,
                 coalesce(waiting.backlog, 0) as backlog, waiting.oldest_backlog_at, coalesce(held.quarantined, 0) as quarantined
            from ingest.sources s
            left join lateral (select r.received_at from ingest.receipts r
                                where r.tenant_id = s.tenant_id and r.source_id = s.id
                                order by r.id desc limit 1) latest on true
            left join lateral (select count(*) filter (where r.received_at >= ${hourAgo}) as received_1h,
                                      count(*) as received_24h,
                                      count(*) filter (where r.status = 'quarantined') as quarantined_24h
                                 from ingest.receipts r
                                where r.tenant_id = s.tenant_id and r.source_id = s.id
                                  and r.id >= ${firstOfDay} and r.received_at >= ${dayAgo.toISOString()}) day on true
            left join (select source_id, count(*) as backlog, min(received_at) as oldest_backlog_at
                         from ingest.receipts where status = 'received' group by source_id) waiting on waiting.source_id = s.id
            left join (select source_id, count(*) as quarantined
                         from ingest.receipts where status = 'quarantined' group by source_id) held on held.source_id = s.id
           where latest.received_at is not null`,
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
