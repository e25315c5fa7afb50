import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant } from "../../../platform/db/tenant-scope.ts";
import { RECORD_TYPES, type RecordsSummary } from "../contract/index.ts";
import { isoTimestamp, parentTable } from "../store/tables.ts";

// One statement over every type's table, built once: the types never change while running.
const SUMMARY = sql.raw(
  RECORD_TYPES.map(
    (type, position) =>
      `select ${position} as position, count(*) as n, ${isoTimestamp("max(updated_at)")} as last_updated_at from ${parentTable(type)}`,
  ).join("\nunion all\n"),
);

/** Every record type, in registry order, with how many records the tenant holds and when one last changed. */
export async function recordsSummary(db: Database, tenantId: string): Promise<RecordsSummary> {
  const found = await readAsTenant<{ position: number; n: string | number; last_updated_at: string | null }>(
    db,
    tenantId,
    sql`select * from (${SUMMARY}) s order by position`,
  );
  const byPosition = new Map(found.map((row) => [Number(row.position), row]));
  return {
    data: RECORD_TYPES.map((type, position) => ({
      type: type.name,
      path: type.path,
      plural: type.plural,
      title: type.title,
      count: Number(byPosition.get(position)?.n ?? 0),
      last_updated_at: byPosition.get(position)?.last_updated_at ?? null,
    })),
  };
}
