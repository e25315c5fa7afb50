import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withSystem, withTenant } from "../../../platform/db/tenant-scope.ts";
import type { DocumentStats } from "../contract/documents.ts";

type StatsRow = {
  tenant_id?: string;
  kind: string | null;
  sender: string | null;
  documents: string;
  straight_through: string;
  waiting: string;
  reviewed: string;
  fields_reviewed: string | null;
  fields_corrected: string | null;
  mean_seconds_in_queue: string | null;
  oldest_waiting_seconds: string | null;
};

const measures = (now: Date) => sql`
  count(*) as documents,
  count(*) filter (where status = 'straight_through') as straight_through,
  count(*) filter (where status = 'review') as waiting,
  count(*) filter (where review is not null) as reviewed,
  sum((review ->> 'fields_reviewed')::int) as fields_reviewed,
  sum((review ->> 'fields_corrected')::int) as fields_corrected,
  avg((review ->> 'seconds_in_queue')::real) as mean_seconds_in_queue,
  extract(epoch from ${now.toISOString()}::timestamptz - min(created_at) filter (where status = 'review')) as oldest_waiting_seconds`;

export function statsOf(row: StatsRow): DocumentStats {
  const documents = Number(row.documents);
  const fieldsReviewed = Number(row.fields_reviewed ?? 0);
  const fieldsCorrected = Number(row.fields_corrected ?? 0);
  const straight = Number(row.straight_through);
  return {
    kind: row.kind,
    sender: row.sender,
    documents,
    straight_through: straight,
    touchless_rate: documents > 0 ? Math.round((straight / documents) * 1000) / 1000 : null,
    waiting: Number(row.waiting),
    reviewed: Number(row.reviewed),
    fields_reviewed: fieldsReviewed,
    fields_corrected: fieldsCorrected,
    field_accuracy: fieldsReviewed > 0 ? Math.round((1 - fieldsCorrected / fieldsReviewed) * 1000) / 1000 : null,
    mean_seconds_in_queue: row.mean_seconds_in_queue === null ? null : Math.round(Number(row.mean_seconds_in_queue)),
    oldest_waiting_seconds: row.oldest_waiting_seconds === null ? null : Math.round(Number(row.oldest_waiting_seconds)),
  };
}

/** A tenant's documents' figures: all together, by kind, by sender, or by both. */
export async function tenantStats(
  db: Database,
  tenantId: string,
  by: "none" | "kind" | "sender" | "kind_and_sender",
  now: Date,
): Promise<DocumentStats[]> {
  const kind: SQL = by === "sender" || by === "none" ? sql`null::text` : sql`kind`;
  const sender: SQL = by === "kind" || by === "none" ? sql`null::text` : sql`sender_name`;
  const found = await withTenant(db, tenantId, (tx) =>
    rows<StatsRow>(
      tx,
      sql`select ${kind} as kind, ${sender} as sender, ${measures(now)}
            from documents.documents group by 1, 2 order by count(*) desc, 1, 2 limit 1000`,
    ),
  );
  return found.map(statsOf);
}

/** Every tenant's figures by kind, for /metrics. */
export async function allTenantStats(db: Database, now: Date): Promise<(DocumentStats & { tenant_id: string })[]> {
  const found = await withSystem(db, (tx) =>
    rows<StatsRow & { tenant_id: string }>(
      tx,
      sql`select tenant_id, kind, null::text as sender, ${measures(now)} from documents.documents group by 1, 2`,
    ),
  );
  return found.map((row) => ({ ...statsOf(row), tenant_id: row.tenant_id }));
}
