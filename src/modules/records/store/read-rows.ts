import { type SQL, sql } from "drizzle-orm";
import type { RecordType } from "../contract/index.ts";
import { type Column, childTable, columnsOf, isoTimestamp, parentTable, quote } from "./tables.ts";

/** A column as a JSON value of the record's output: numerics as strings (exact), timestamps as ISO 8601. */
function jsonValue(column: Column, alias: string): string {
  const ref = `${alias}${quote(column.name)}`;
  if (column.kind === "timestamp") return isoTimestamp(ref);
  if (column.kind === "decimal" || column.kind === "money") return `${ref}::text`;
  return ref;
}

/**
 * `row_to_json` of a record with the given collections' lines, built by PostgreSQL in one statement over the
 * parent alias `t`: the same shape as toRecord plus loadChildren, without a round trip per collection.
 */
export function recordJson(type: RecordType, collections: readonly string[]): SQL {
  const key = `${type.name}:${collections.join(",")}`;
  let text = recordJsonText.get(key);
  if (text === undefined) {
    text = buildRecordJson(type, collections);
    recordJsonText.set(key, text);
  }
  return sql.raw(text);
}

// Built once per record type and set of collections; reads are hot and the text never changes.
const recordJsonText = new Map<string, string>();

function buildRecordJson(type: RecordType, collections: readonly string[]): string {
  const lines = collections.flatMap((name) => {
    const collection = type.children[name];
    if (!collection) return [];
    const columns = columnsOf(collection.fields).map((column) => `${jsonValue(column, "c.")} as ${quote(column.name)}`);
    const line = `(select row_to_json(l) from (select ${[...columns, "c.attributes"].join(", ")}) l)`;
    return [
      `(select coalesce(json_agg(${line} order by c.position), '[]'::json)
          from ${childTable(type, name)} c
         where c.tenant_id = t.tenant_id and c.parent_id = t.id) as ${quote(name)}`,
    ];
  });
  const fields = columnsOf(type.fields).map((column) => `${jsonValue(column, "t.")} as ${quote(column.name)}`);
  const select = [
    "t.id",
    "t.source_system",
    "t.external_id",
    ...fields,
    "t.attributes",
    "t.version",
    `${isoTimestamp("t.created_at")} as created_at`,
    `${isoTimestamp("t.updated_at")} as updated_at`,
    ...lines,
  ];
  return `row_to_json((select r from (select ${select.join(", ")}) r))::text`;
}

export const fromParent = (type: RecordType): SQL => sql.raw(`${parentTable(type)} t`);
