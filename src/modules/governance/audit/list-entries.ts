import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import type { AuditEntry, AuditQuery } from "../contract/index.ts";

/**
 * Entries about one record: those naming it as their resource, and batch writes listing it among
 * their `data.ids`. Written so each side can use its index (see migrations/0002-audit-lookups.sql).
 */
export function aboutRecord(id: string): SQL {
  return sql`(resource_id = ${id} or (data -> 'ids') @> ${JSON.stringify([id])}::jsonb)`;
}

/** Newest first, filtered; `next_before_seq` continues the listing. */
export async function listEntries(
  tx: Tx,
  tenantId: string,
  query: AuditQuery,
): Promise<{ data: AuditEntry[]; next_before_seq: number | null }> {
  const where: SQL[] = [sql`tenant_id = ${tenantId}`];
  if (query.actor) {
    const [type, id] = query.actor.includes(":") ? query.actor.split(":", 2) : [undefined, query.actor];
    where.push(type ? sql`actor_type = ${type} and actor_id = ${id}` : sql`actor_id = ${id}`);
  }
  if (query.action)
    where.push(
      query.action.endsWith("*")
        ? sql`action like ${`${query.action.slice(0, -1).replace(/[%_\\]/g, "\\$&")}%`}`
        : sql`action = ${query.action}`,
    );
  if (query.resource_type) where.push(sql`resource_type = ${query.resource_type}`);
  if (query.resource_id) where.push(sql`resource_id = ${query.resource_id}`);
  if (query.record) where.push(aboutRecord(query.record));
  if (query.from) where.push(sql`occurred_at >= ${query.from}`);
  if (query.to) where.push(sql`occurred_at < ${query.to}`);
  if (query.before_seq) where.push(sql`seq < ${query.before_seq}`);
  const found = await rows<Record<string, unknown>>(
    tx,
    sql`select id, seq, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
               actor_type, actor_id, actor_label, action, resource_type, resource_id, request_id, data, hash
          from governance.audit_entries where ${sql.join(where, sql` and `)}
         order by seq desc limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit).map(
    (row): AuditEntry => ({
      id: row.id as string,
      seq: Number(row.seq),
      occurred_at: row.occurred_at as string,
      actor: { type: row.actor_type as string, id: row.actor_id as string, label: (row.actor_label as string | null) ?? null },
      action: row.action as string,
      resource_type: row.resource_type as string,
      resource_id: row.resource_id as string,
      request_id: (row.request_id as string | null) ?? null,
      data: row.data as Record<string, unknown>,
      hash: row.hash as string,
    }),
  );
  const last = page.at(-1);
  return { data: page, next_before_seq: found.length > query.limit && last ? last.seq : null };
}
