import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Task, TaskEvent } from "../contract/index.ts";
import { TASK_SELECT, type TaskRow, toTask } from "./task-rows.ts";

const iso = (value: unknown) => new Date(value as string).toISOString();

/** A task with its history: created, approvals, edits, comments, reassignments, escalations, the decision. */
export async function getTask(db: Database, tenantId: string, taskId: string): Promise<{ task: Task; events: TaskEvent[] }> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await rows<TaskRow>(tx, sql`select ${TASK_SELECT} from workflows.tasks t where t.id = ${taskId}`);
    if (!row) throw new AppError("not_found", `Task ${taskId} was not found`);
    const events = await rows<TaskEvent & { at: string }>(
      tx,
      sql`select id, task_id, at, kind, actor, comment, data from workflows.task_events where task_id = ${taskId} order by at, id`,
    );
    return { task: toTask(row), events: events.map((event) => ({ ...event, at: iso(event.at) })) };
  });
}
