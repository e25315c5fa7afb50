import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import type { TaskEvent } from "../contract/index.ts";
import { appendTaskEvent } from "./task-events.ts";

/** A note on a task's history, from anyone who can read tasks: questions, context, a heads-up. */
export async function commentOnTask(
  deps: { db: Database; clock: () => Date },
  args: { tenantId: string; actor: { type: string; id: string; label: string | null } },
  taskId: string,
  comment: string,
): Promise<TaskEvent> {
  const now = deps.clock();
  return withTenant(deps.db, args.tenantId, async (tx) => {
    const [task] = await rows<{ id: string }>(tx, sql`select id from workflows.tasks where id = ${taskId}`);
    if (!task) throw new AppError("not_found", `Task ${taskId} was not found`);
    await appendTaskEvent(tx, { tenantId: args.tenantId, taskId, kind: "commented", actor: args.actor, at: now, comment });
    const [event] = await rows<TaskEvent & { at: string }>(
      tx,
      sql`select id, task_id, at, kind, actor, comment, data from workflows.task_events
           where task_id = ${taskId} and kind = 'commented' order by at desc, id desc limit 1`,
    );
    const created = event as TaskEvent & { at: string };
    return { ...created, at: new Date(created.at).toISOString() };
  });
}
