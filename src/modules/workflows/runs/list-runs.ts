import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, textArray, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { type Run, type RunQuery, RunStatus } from "../contract/index.ts";
import { type RunRow, toRun } from "./run-rows.ts";

/** Runs, newest first, by status, flow, or a record they concern (an id, or type:id). */
export async function listRuns(
  db: Database,
  tenantId: string,
  query: RunQuery,
): Promise<{ data: Run[]; next_before: string | null }> {
  const where: SQL[] = [sql`true`];
  if (query.status) {
    const statuses = query.status.split(",").map((status) => status.trim());
    const invalid = statuses.filter((status) => !RunStatus.safeParse(status).success);
    if (invalid.length > 0) {
      throw new AppError("validation_failed", `Unknown run status ${invalid.join(", ")}`, {
        details: [{ path: "status", message: `one of ${RunStatus.options.join(", ")}` }],
      });
    }
    where.push(sql`r.status = any(${textArray(statuses)})`);
  }
  if (query.flow) where.push(sql`r.flow = ${query.flow}`);
  if (query.record) {
    const [type, id] = query.record.includes(":") ? query.record.split(":", 2) : [null, query.record];
    where.push(
      sql`exists (select 1 from workflows.run_links l where l.run_id = r.id and l.record_id = ${id ?? ""}
                  and (${type}::text is null or l.record_type = ${type}))`,
    );
  }
  if (query.before) where.push(sql`r.id < ${query.before}`);
  return withTenant(db, tenantId, async (tx) => {
    const found = await rows<RunRow>(
      tx,
      sql`select * from workflows.run_summaries r where ${sql.join(where, sql` and `)} order by r.id desc limit ${query.limit + 1}`,
    );
    const page = found.slice(0, query.limit).map(toRun);
    return { data: page, next_before: found.length > query.limit ? (page.at(-1)?.id ?? null) : null };
  });
}
