import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import type { RecordType } from "../contract/index.ts";
import { RecordNotFoundError } from "../errors.ts";
import { fromParent, loadChildren, parentSelect, toRecord } from "../store/read-rows.ts";

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
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await rows<Record<string, unknown>>(
      tx,
      sql`select ${parentSelect(type)} from ${fromParent(type)} where t.tenant_id = ${tenantId} and ${where}`,
    );
    if (!row) throw new RecordNotFoundError(type.name, describe(key));
    const id = row.id as string;
    const children = await loadChildren(tx, type, Object.keys(type.children), [id], tenantId);
    return { ...toRecord(type, row), ...children.get(id) };
  });
}
