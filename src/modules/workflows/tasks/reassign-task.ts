import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { appendAudit } from "../../governance/index.ts";
import type { ReassignTaskInput, Task } from "../contract/index.ts";
import type { Notifier } from "../notify/notifier.ts";
import { type Decider, type Directory, identitiesOf, loadQueues, mayDecide } from "./eligibility.ts";
import { appendTaskEvent } from "./task-events.ts";
import { TASK_SELECT, type TaskRow, toTask } from "./task-rows.ts";

/** Hands an open task to someone else: its assignees may pass it on, task administrators may move any. */
export async function reassignTask(
  deps: { db: Database; clock: () => Date; directory: Directory; notifier: Notifier },
  args: { tenantId: string; decider: Decider; taskAdmin: boolean; requestId?: string | undefined },
  taskId: string,
  input: ReassignTaskInput,
): Promise<Task> {
  const now = deps.clock();
  if (input.to.type === "user") {
    const known = (await deps.directory.users(args.tenantId)).some((user) => user.id === input.to.id && user.status === "active");
    if (!known)
      throw new AppError("validation_failed", `No active user ${input.to.id}`, {
        details: [{ path: "to.id", message: "no such active user" }],
      });
  }
  return withTenant(deps.db, args.tenantId, async (tx) => {
    const [row] = await rows<TaskRow>(tx, sql`select ${TASK_SELECT} from workflows.tasks t where t.id = ${taskId} for update`);
    if (!row) throw new AppError("not_found", `Task ${taskId} was not found`);
    const task = toTask(row);
    if (task.status !== "open") throw new AppError("conflict", `This task is already ${task.status}`);
    if (input.to.type === "queue" && !(await loadQueues(tx)).has(input.to.id)) {
      throw new AppError("validation_failed", `No work queue ${input.to.id}`, {
        details: [{ path: "to.id", message: "no such queue" }],
      });
    }
    if (!args.taskAdmin) {
      const identities = await identitiesOf(tx, {
        tenantId: args.tenantId,
        decider: args.decider,
        now,
        directory: deps.directory,
      });
      const queues = await loadQueues(tx);
      if (!identities.some((identity) => mayDecide(task, identity, queues, { taskAdmin: false }))) {
        throw new AppError("forbidden", "Only the task's assignees or a task administrator (tasks:admin) may reassign it");
      }
    }
    const actor = { type: "user" as const, id: args.decider.userId, label: args.decider.label };
    await tx.execute(sql`
      update workflows.tasks set assignee_type = ${input.to.type}, assignee_id = ${input.to.id}, updated_at = ${now.toISOString()}
       where id = ${taskId}`);
    await appendTaskEvent(tx, {
      tenantId: args.tenantId,
      taskId,
      kind: "reassigned",
      actor,
      at: now,
      comment: input.comment ?? null,
      data: { from: task.assignee, to: input.to },
    });
    await appendAudit(tx, {
      tenantId: args.tenantId,
      actor,
      requestId: args.requestId,
      action: "task.reassigned",
      resourceType: "task",
      resourceId: taskId,
      data: { from: task.assignee, to: input.to },
    });
    await deps.notifier.taskOpened(tx, { tenantId: args.tenantId, taskId, now });
    const [updated] = await rows<TaskRow>(tx, sql`select ${TASK_SELECT} from workflows.tasks t where t.id = ${taskId}`);
    return toTask(updated as TaskRow);
  });
}
