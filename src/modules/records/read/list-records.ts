import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import type { RecordType } from "../contract/index.ts";
import { issueDetails } from "../issue-details.ts";
import { fromParent, recordJson } from "../store/read-rows.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { filterCondition } from "./filters.ts";
import { afterCursor, orderBy, sortOrder, sortValue } from "./sort-order.ts";

/** A page; `total` (with `total=true`) counts every record the filters match, on every page. */
export type ListPage<R> = { data: R[]; next_cursor: string | null; total?: number };

type Row = Record<string, unknown>;

/**
 * One page of a record type, filtered and sorted, resumable from its cursor. `query` is the
 * type's list query (strings, as from a URL), validated here whether or not a caller already did.
 */
export async function listRecords(db: Database, tenantId: string, type: RecordType, query: unknown): Promise<ListPage<Row>> {
  const parsed = type.listQuery.safeParse(query ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.flatMap((issue) => issueDetails(issue));
    throw new AppError("validation_failed", "The list query is invalid", { details });
  }
  const params = parsed.data as Record<string, unknown> & {
    limit: number;
    cursor?: string;
    sort?: string;
    include?: string;
    total?: "true" | "false";
  };
  const order = sortOrder(type, params.sort);
  const filters = [sql`t.tenant_id = ${tenantId}`];
  for (const param of type.listParams) {
    const value = params[param.name];
    if (typeof value === "string") filters.push(filterCondition(param, value));
  }
  const conditions = params.cursor ? [...filters, afterCursor(order, decodeCursor(params.cursor, order.key))] : filters;
  const include = params.include ? [...new Set(params.include.split(",").map((name) => name.trim()))] : [];

  const [found, total] = await Promise.all([
    readAsTenant<{ record: string; id: string; _sort: string | null }>(
      db,
      tenantId,
      sql`select ${recordJson(type, include)} as record, t.id, ${sortValue(order)} as _sort
            from ${fromParent(type)}
           where ${sql.join(conditions, sql` and `)}
           order by ${orderBy(order)}
           limit ${params.limit + 1}`,
    ),
    params.total === "true" ? countRecords(db, tenantId, type, filters) : undefined,
  ]);
  const page = found.slice(0, params.limit);
  const last = page.at(-1);
  const next =
    found.length > params.limit && last ? encodeCursor({ sort: order.key, value: last._sort ?? null, id: last.id }) : null;
  return {
    data: page.map((row) => JSON.parse(row.record) as Row),
    next_cursor: next,
    ...(total !== undefined ? { total } : {}),
  };
}

/** How many records the filters match, whatever page is being read. */
async function countRecords(db: Database, tenantId: string, type: RecordType, filters: SQL[]): Promise<number> {
  const [row] = await readAsTenant<{ n: string | number }>(
    db,
    tenantId,
    sql`select count(*) as n from ${fromParent(type)} where ${sql.join(filters, sql` and `)}`,
  );
  return Number(row?.n ?? 0);
}
