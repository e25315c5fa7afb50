import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import type { Fields, RecordType } from "../contract/index.ts";
import { childTable, columnsOf, isoTimestamp, parentTable, selectExpression } from "./tables.ts";

type Row = Record<string, unknown>;

/** The select list of a parent table, shaped as the record's output. */
export function parentSelect(type: RecordType): SQL {
  const fields = columnsOf(type.fields).map((column) => selectExpression(column, "t."));
  return sql.raw(
    [
      "t.id",
      "t.source_system",
      "t.external_id",
      ...fields,
      "t.attributes",
      "t.version",
      `${isoTimestamp("t.created_at")} as created_at`,
      `${isoTimestamp("t.updated_at")} as updated_at`,
    ].join(", "),
  );
}

// Drizzle's raw queries return numbers of some types as strings; integers are numbers in the contract.
function integersToNumbers(fields: Fields, row: Row): Row {
  for (const [name, field] of Object.entries(fields)) {
    const value = row[name];
    if (field.kind === "integer" && typeof value === "string") row[name] = Number(value);
  }
  return row;
}

export function toRecord(type: RecordType, row: Row): Row {
  integersToNumbers(type.fields, row);
  row.version = Number(row.version);
  return row;
}

/** Lines of the given collections for the given records, keyed by record id, in their order. */
export async function loadChildren(
  tx: Tx,
  type: RecordType,
  collections: readonly string[],
  parentIds: readonly string[],
  tenantId: string,
): Promise<Map<string, Record<string, Row[]>>> {
  const byParent = new Map<string, Record<string, Row[]>>(
    parentIds.map((id) => [id, Object.fromEntries(collections.map((name) => [name, []]))]),
  );
  if (parentIds.length === 0) return byParent;
  for (const name of collections) {
    const collection = type.children[name];
    if (!collection) continue;
    const columns = columnsOf(collection.fields).map((column) => selectExpression(column, "c."));
    const lines = await rows<Row>(
      tx,
      sql`select c.parent_id, ${sql.raw(columns.join(", "))}, c.attributes
            from ${sql.raw(childTable(type, name))} c
           where c.tenant_id = ${tenantId}
             and c.parent_id in (select jsonb_array_elements_text(${JSON.stringify(parentIds)}::jsonb))
           order by c.parent_id, c.position`,
    );
    for (const line of lines) {
      const { parent_id: parentId, ...rest } = line;
      byParent.get(parentId as string)?.[name]?.push(integersToNumbers(collection.fields, rest));
    }
  }
  return byParent;
}

export const fromParent = (type: RecordType): SQL => sql.raw(`${parentTable(type)} t`);
