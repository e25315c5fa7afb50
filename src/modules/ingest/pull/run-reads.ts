import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { hasPrefix } from "../../../platform/ids.ts";
import { findConnectorRow, RUN_COLUMNS, type RunRow, toRun } from "./connector-rows.ts";
import type { PullRun, PullRunQuery } from "./contract/index.ts";

/** A connector's runs, newest first, with their counts and errors; keyset-paged by id. */
export async function listRuns(
  db: Database,
  tenantId: string,
  idOrName: string,
  query: PullRunQuery,
): Promise<{ data: PullRun[]; next_cursor: string | null }> {
  if (query.cursor && !hasPrefix(query.cursor, "prun")) throw new AppError("bad_request", "The cursor is not one this list gave");
  return withTenant(db, tenantId, async (tx) => {
    const connector = await findConnectorRow(tx, idOrName);
    const where: SQL[] = [sql`connector_id = ${connector.id}`];
    if (query.resource) where.push(sql`resource = ${query.resource}`);
    if (query.status) where.push(sql`status = ${query.status}`);
    if (query.cursor) where.push(sql`id < ${query.cursor}`);
    const found = await rows<RunRow>(
      tx,
      sql`select ${RUN_COLUMNS} from ingest.pull_runs where ${sql.join(where, sql` and `)} order by id desc limit ${query.limit + 1}`,
    );
    const page = found.slice(0, query.limit).map(toRun);
    return { data: page, next_cursor: found.length > query.limit ? (page.at(-1)?.id ?? null) : null };
  });
}

export async function getRun(db: Database, tenantId: string, idOrName: string, runId: string): Promise<PullRun> {
  return withTenant(db, tenantId, async (tx) => {
    const connector = await findConnectorRow(tx, idOrName);
    const [row] = await rows<RunRow>(
      tx,
      sql`select ${RUN_COLUMNS} from ingest.pull_runs where id = ${runId} and connector_id = ${connector.id}`,
    );
    if (!row) throw notFound("Pull run", runId);
    return toRun(row);
  });
}
