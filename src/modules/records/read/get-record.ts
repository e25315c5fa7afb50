import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant } from "../../../platform/db/tenant-scope.ts";
import type { RecordType } from "../contract/index.ts";
import { RecordNotFoundError } from "../errors.ts";
import { fromParent, recordJson } from "../store/read-rows.ts";

export type RecordKey = { id: string } | { sourceSystem: string; externalId: string };

function describe(key: RecordKey): string {
  return "id" in key ? key.id : `with external id ${key.externalId} from ${key.sourceSystem}`;
}

/** One record with all its lines, or RecordNotFoundError. */
export async function getRecord(
  db: Database,
  tenantId: string,
  type: RecordType,
  key: RecordKey,
): Promise<Record<string, unknown>> {
  // An id of another type cannot name a record of this one.
  if ("id" in key && !key.id.startsWith(`${type.prefix}_`)) throw new RecordNotFoundError(type.name, describe(key));
  const where: SQL =
    "id" in key ? sql`t.id = ${key.id}` : sql`t.source_system = ${key.sourceSystem} and t.external_id = ${key.externalId}`;
  const [row] = await readAsTenant<{ record: string }>(
    db,
    tenantId,
    sql`select ${recordJson(type, Object.keys(type.children))} as record
          from ${fromParent(type)} where t.tenant_id = ${tenantId} and ${where}`,
    { name: `records.get.${type.name}.by_${"id" in key ? "id" : "external_id"}` },
  );
  if (!row) throw new RecordNotFoundError(type.name, describe(key));
  return JSON.parse(row.record);
}
