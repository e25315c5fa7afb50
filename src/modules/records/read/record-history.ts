import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import type { RecordHistoryEntry, RecordType } from "../contract/index.ts";
import { RecordNotFoundError } from "../errors.ts";
import { fromParent } from "../store/read-rows.ts";
import { isoTimestamp } from "../store/tables.ts";

export type HistoryOptions = { limit?: number; afterVersion?: number };

export const HISTORY_LIMIT = { default: 1000, max: 1000 } as const;

/** A record's versions, oldest first, read from the event log its upserts wrote. */
export async function recordHistory(
  db: Database,
  tenantId: string,
  type: RecordType,
  id: string,
  options: HistoryOptions = {},
): Promise<RecordHistoryEntry[]> {
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? HISTORY_LIMIT.default)), HISTORY_LIMIT.max);
  const afterVersion = options.afterVersion ?? 0;
  return withTenant(db, tenantId, async (tx) => {
    const events = await rows<{
      id: string;
      occurred_at: string;
      actor: string | null;
      request_id: string | null;
      payload: Record<string, unknown>;
    }>(
      tx,
      sql`select e.id, ${sql.raw(isoTimestamp("e.occurred_at"))} as occurred_at, e.actor, e.request_id, e.payload
            from platform.events e
           where e.tenant_id = ${tenantId} and e.subject_id = ${id} and e.type = ${`records.${type.name}.upserted`}
             and (e.payload->>'version')::int > ${afterVersion}
           order by e.seq
           limit ${limit}`,
    );
    if (events.length === 0) {
      const [exists] = await rows(tx, sql`select 1 from ${fromParent(type)} where t.tenant_id = ${tenantId} and t.id = ${id}`);
      if (!exists) throw new RecordNotFoundError(type.name, id);
    }
    return events.map(({ payload, ...event }) => {
      const { change, ...record } = payload;
      return {
        event_id: event.id,
        version: Number(record.version),
        change: change === "inserted" ? "inserted" : "updated",
        occurred_at: event.occurred_at,
        actor: event.actor,
        request_id: event.request_id,
        record,
      };
    });
  });
}
