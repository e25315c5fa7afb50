import { type SQL, sql } from "drizzle-orm";
import type { FieldKind, RecordType } from "../contract/index.ts";
import { COLUMN_TYPES, quote } from "../store/tables.ts";
import type { Cursor } from "./cursor.ts";

export type SortOrder = { key: string; field: string; descending: boolean; kind: FieldKind; nullable: boolean };

const BASE_KINDS: Record<string, FieldKind> = {
  id: "text",
  external_id: "text",
  source_system: "text",
  created_at: "timestamp",
  updated_at: "timestamp",
};

/** `order_date` or `-order_date` (descending); ids are the default and the tie-breaker. */
export function sortOrder(type: RecordType, key = "id"): SortOrder {
  const descending = key.startsWith("-");
  const field = descending ? key.slice(1) : key;
  const definition = type.fields[field];
  const kind = BASE_KINDS[field] ?? definition?.kind ?? "text";
  return { key, field, descending, kind, nullable: definition !== undefined && !definition.required };
}

/** ORDER BY that keyset pagination can resume: NULLs sort as the largest value, as PostgreSQL does. */
export function orderBy(order: SortOrder): SQL {
  const direction = order.descending ? "desc" : "asc";
  if (order.field === "id") return sql.raw(`t.id ${direction}`);
  return sql.raw(`t.${quote(order.field)} ${direction}, t.id ${direction}`);
}

/**
 * The sort value a cursor keeps: text that casts back to the column's type exactly, written the
 * same whatever the session's DateStyle or TimeZone (timestamps in UTC, to the microsecond).
 */
export function sortValue(order: SortOrder): SQL {
  const column = `t.${quote(order.field)}`;
  switch (order.kind) {
    case "timestamp":
      return sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
    case "date":
      return sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
    default:
      return order.field === "id" ? sql.raw("null::text") : sql.raw(`${column}::text`);
  }
}

/** Rows after the cursor, in the order's direction. */
export function afterCursor(order: SortOrder, cursor: Cursor): SQL {
  const id = cursor.id;
  const after = order.descending ? sql.raw("<") : sql.raw(">");
  if (order.field === "id") return sql`t.id ${after} ${id}`;
  const column = sql.raw(`t.${quote(order.field)}`);
  const value = sql`${cursor.value}::${sql.raw(COLUMN_TYPES[order.kind])}`;
  if (!order.nullable) return sql`(${column}, t.id) ${after} (${value}, ${id})`;
  // NULL is the largest value: last when ascending, first when descending.
  if (cursor.value === null) {
    return order.descending
      ? sql`((${column} is null and t.id < ${id}) or ${column} is not null)`
      : sql`(${column} is null and t.id > ${id})`;
  }
  return order.descending
    ? sql`(${column} < ${value} or (${column} = ${value} and t.id < ${id}))`
    : sql`(${column} > ${value} or (${column} = ${value} and t.id > ${id}) or ${column} is null)`;
}
