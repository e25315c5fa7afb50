import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import type { AuditFacets } from "../contract/index.ts";

// In code-point order, the same on every engine whatever the database's collation.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The values the trail's filters can take: its distinct actions, actors (with the label each
 * last had) and resource types, sorted. Each is found by skipping along an index from one distinct
 * value to the next, so the cost follows the number of values, not the length of the trail.
 */
export async function auditFacets(tx: Tx, tenantId: string): Promise<AuditFacets> {
  const actions = await rows<{ value: string }>(
    tx,
    sql`with recursive v as (
          (select action as value from governance.audit_entries where tenant_id = ${tenantId} order by action limit 1)
          union all
          select (select action from governance.audit_entries
                   where tenant_id = ${tenantId} and action > v.value order by action limit 1)
            from v where v.value is not null)
        select value from v where value is not null`,
  );
  const resourceTypes = await rows<{ value: string }>(
    tx,
    sql`with recursive v as (
          (select resource_type as value from governance.audit_entries where tenant_id = ${tenantId} order by resource_type limit 1)
          union all
          select (select resource_type from governance.audit_entries
                   where tenant_id = ${tenantId} and resource_type > v.value order by resource_type limit 1)
            from v where v.value is not null)
        select value from v where value is not null`,
  );
  const actors = await rows<{ type: string; id: string; label: string | null }>(
    tx,
    sql`with recursive a as (
          (select actor_type, actor_id from governance.audit_entries
            where tenant_id = ${tenantId} order by actor_type, actor_id limit 1)
          union all
          select n.actor_type, n.actor_id
            from a, lateral (
              select actor_type, actor_id from governance.audit_entries
               where tenant_id = ${tenantId} and (actor_type, actor_id) > (a.actor_type, a.actor_id)
               order by actor_type, actor_id limit 1) n)
        select a.actor_type as type, a.actor_id as id,
               (select actor_label from governance.audit_entries e
                 where e.tenant_id = ${tenantId} and e.actor_type = a.actor_type and e.actor_id = a.actor_id
                 order by seq desc limit 1) as label
          from a`,
  );
  const actorKey = (actor: { type: string; id: string; label: string | null }) =>
    [(actor.label ?? actor.id).toLowerCase(), actor.type, actor.id].join("\u0000");
  return {
    actions: actions.map((row) => row.value).sort(byCodePoint),
    actors: actors
      .map((row) => ({ type: row.type, id: row.id, label: row.label ?? null }))
      .sort((a, b) => byCodePoint(actorKey(a), actorKey(b))),
    resource_types: resourceTypes.map((row) => row.value).sort(byCodePoint),
  };
}
