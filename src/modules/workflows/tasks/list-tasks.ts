import { type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { rows, textArray, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { type Task, type TaskQuery, TaskStatus } from "../contract/index.ts";
import { type Decider, type Directory, identitiesOf, loadQueues } from "./eligibility.ts";
import { TASK_SELECT, type TaskRow, toTask } from "./task-rows.ts";

/** Whom the caller's inbox gathers tasks for: themselves and whoever delegated to them, their roles, their queues. */
async function assigneesOf(
  tx: Tx,
  args: { tenantId: string; decider: Decider; now: Date; directory: Directory },
): Promise<{ type: "user" | "role" | "queue"; id: string }[]> {
  const identities = await identitiesOf(tx, args);
  const userIds = [...new Set(identities.map((identity) => identity.userId))];
  const roles = [...new Set(identities.flatMap((identity) => identity.roles))];
  const queues = [...(await loadQueues(tx)).entries()]
    .filter(
      ([, members]) => members.userIds.some((id) => userIds.includes(id)) || members.roles.some((role) => roles.includes(role)),
    )
    .map(([name]) => name);
  return [
    ...userIds.map((id) => ({ type: "user" as const, id })),
    ...roles.map((id) => ({ type: "role" as const, id })),
    ...queues.map((id) => ({ type: "queue" as const, id })),
  ];
}

/**
 * The inbox: by default the tasks the caller may act on — assigned to them, to a role they hold,
 * to a queue they belong to, or to someone who delegated to them — newest first; `view=all` lists
 * every task of the tenant (task administrators).
 */
export async function listTasks(
  deps: { db: Database; clock: () => Date; directory: Directory },
  args: { tenantId: string; decider: Decider | null; taskAdmin: boolean },
  query: TaskQuery,
): Promise<{ data: Task[]; next_before: string | null }> {
  const statuses = (query.status ?? "open").split(",").map((status) => status.trim());
  const invalid = statuses.filter((status) => !TaskStatus.safeParse(status).success);
  if (invalid.length > 0) {
    throw new AppError("validation_failed", `Unknown task status ${invalid.join(", ")}`, {
      details: [{ path: "status", message: `one of ${TaskStatus.options.join(", ")}` }],
    });
  }
  if (query.view === "all" && !args.taskAdmin) throw new AppError("forbidden", "Seeing every task needs the scope tasks:admin");
  const now = deps.clock();
  return withTenant(deps.db, args.tenantId, async (tx) => {
    // One status (the inbox's usual "open") as an equality, so the index on (tenant, status, id) hands
    // rows over newest first and the page stops at its limit, however many tasks are open.
    const where: SQL[] = [statuses.length === 1 ? sql`t.status = ${statuses[0]}` : sql`t.status = any(${textArray(statuses)})`];
    if (query.flow) where.push(sql`t.flow = ${query.flow}`);
    if (query.run_id) where.push(sql`t.run_id = ${query.run_id}`);
    if (query.overdue === "true") where.push(sql`t.due_at < ${now.toISOString()}`);
    if (query.before) where.push(sql`t.id < ${query.before}`);
    const conditions = sql.join(where, sql` and `);
    const pageOf = (from: SQL) =>
      rows<TaskRow>(tx, sql`select ${TASK_SELECT} from ${from} where ${conditions} order by t.id desc limit ${query.limit + 1}`);
    let found: TaskRow[];
    if (query.view === "mine") {
      if (!args.decider) return { data: [], next_before: null };
      const assignees = await assigneesOf(tx, { tenantId: args.tenantId, decider: args.decider, now, directory: deps.directory });
      if (assignees.length === 0) return { data: [], next_before: null };
      if (statuses.length === 1 && statuses[0] === "open") {
        // Each assignee's open tasks newest first, a page at most of each, through the partial index
        // on (tenant, assignee, id desc): bounded work however many are open, and for whom.
        const walks = assignees.map(
          ({ type, id }) => sql`(select t.id from workflows.tasks t
              where ${conditions} and t.assignee_type = ${type} and t.assignee_id = ${id}
              order by t.id desc limit ${query.limit + 1})`,
        );
        // Gathered once, then the page's rows by their ids (a join would run the walks again per row).
        found = await rows<TaskRow>(
          tx,
          sql`with mine as materialized (${sql.join(walks, sql` union all `)})
              select ${TASK_SELECT} from workflows.tasks t where t.id in (select id from mine)
               order by t.id desc limit ${query.limit + 1}`,
        );
      } else {
        const pairs = JSON.stringify(assignees.map(({ type, id }) => [type, id]));
        found = await pageOf(sql`workflows.tasks t
          join (select a ->> 0 as type, a ->> 1 as id from jsonb_array_elements(${pairs}::jsonb) a) mine
            on t.assignee_type = mine.type and t.assignee_id = mine.id`);
      }
    } else {
      found = await pageOf(sql`workflows.tasks t`);
    }
    const page = found.slice(0, query.limit).map(toTask);
    return { data: page, next_before: found.length > query.limit ? (page.at(-1)?.id ?? null) : null };
  });
}
