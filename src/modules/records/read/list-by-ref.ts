import { sql } from "drizzle-orm";
import { sha256 } from "../../../platform/crypto.ts";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { LIST_LIMIT, type RecordType } from "../contract/index.ts";
import { fromParent, recordJson } from "../store/read-rows.ts";
import { quote } from "../store/tables.ts";
import { encodeCursor } from "./cursor.ts";
import { type ExternalKey, keysParameter } from "./get-many-by-external-id.ts";
import type { ListPage } from "./list-records.ts";

export type ListByRefOptions = { limit?: number; include?: readonly string[] };

/**
 * For each key, the records of `type` whose ref `field` names it (same source system): the first
 * page in id order, its `next_cursor` and `total`, exactly as `list` gives them for the filters
 * `source_system` and `<field>`, so `list` carries on from the cursor. One statement for every key:
 * the reverse of a reference (a sales order's shipments) for a page of parents at once.
 */
export async function listByRef(
  db: Database,
  tenantId: string,
  type: RecordType,
  field: string,
  keys: readonly ExternalKey[],
  options: ListByRefOptions = {},
): Promise<ListPage<Record<string, unknown>>[]> {
  const definition = type.fields[field];
  if (definition?.kind !== "ref" || !definition.filter) {
    throw new AppError("bad_request", `${field} is not a reference ${type.plural} can be listed by`);
  }
  const limit = options.limit ?? LIST_LIMIT.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT.max) {
    throw new AppError("validation_failed", `limit must be a whole number from 1 to ${LIST_LIMIT.max}`);
  }
  const include = [...new Set(options.include ?? [])];
  const unknown = include.find((name) => !(name in type.children));
  if (unknown !== undefined) throw new AppError("validation_failed", `${type.name} has no lines called ${unknown}`);

  const { unique, json } = keysParameter(keys);
  const pages = new Map<string, ListPage<Record<string, unknown>>>();
  if (unique.length > 0) {
    const column = sql.raw(`t.${quote(field)}`);
    const found = await readAsTenant<{ i: number; total: string | number; id: string; record: string }>(
      db,
      tenantId,
      sql`with matched as (
            select k.i, t.id, row_number() over (partition by k.i order by t.id) as n, count(*) over (partition by k.i) as total
              from jsonb_to_recordset(${json}::jsonb) as k(i integer, s text, e text)
              join ${fromParent(type)} on t.tenant_id = ${tenantId} and t.source_system = k.s and ${column} = k.e
          )
          select m.i, m.total, m.id, ${recordJson(type, include)} as record
            from matched m
            join ${fromParent(type)} on t.tenant_id = ${tenantId} and t.id = m.id
           where m.n <= ${limit + 1}
           order by m.i, m.id`,
      // One statement text per type, field and lines; named by its digest, as names stop at 63 characters.
      { name: `records.list_by_ref.${sha256(`${type.name}.${field}.${include.join(",")}`).slice(0, 24)}` },
    );
    const byKey = new Map<number, { total: number; rows: { id: string; record: string }[] }>();
    for (const row of found) {
      const entry = byKey.get(row.i) ?? { total: Number(row.total), rows: [] };
      entry.rows.push(row);
      byKey.set(row.i, entry);
    }
    unique.forEach((key, i) => {
      const entry = byKey.get(i);
      const rows = entry?.rows.slice(0, limit) ?? [];
      const last = rows.at(-1);
      pages.set(JSON.stringify([key.source_system, key.external_id]), {
        data: rows.map((row) => JSON.parse(row.record) as Record<string, unknown>),
        next_cursor: entry && entry.rows.length > limit && last ? encodeCursor({ sort: "id", value: null, id: last.id }) : null,
        total: entry?.total ?? 0,
      });
    });
  }
  return keys.map(
    (key) => pages.get(JSON.stringify([key.source_system, key.external_id])) ?? { data: [], next_cursor: null, total: 0 },
  );
}
