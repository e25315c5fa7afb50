import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { appendAudit } from "../../governance/index.ts";
import type { DecideTaskInput, Task, TaskDecision } from "../contract/index.ts";
import { appendRunEvent } from "../engine/run-events.ts";
import { type Decider, type Directory, identitiesOf, loadQueues, mayDecide } from "./eligibility.ts";
import { appendTaskEvent } from "./task-events.ts";
import { TASK_SELECT, type TaskRow, toTask } from "./task-rows.ts";

export type DecideResult = { task: Task; runToDispatch: string | null };

const describeAssignee = (task: Task) => `${task.assignee.type} ${task.assignee.id}`;

/**
 * One person's decision on a task, with the approval rules: the task must be open; the decider
 * must be among its assignees (in person or as a delegate) and hold an allowed role; nobody
 * approves their own request, or approves twice; an approving option needs as many distinct
 * approvers as the task requires, any other option decides at once. The decision resumes the run.
 */
export async function decideTask(
  deps: { db: Database; clock: () => Date; directory: Directory },
  args: { tenantId: string; decider: Decider; taskAdmin: boolean; requestId?: string | undefined },
  taskId: string,
  input: DecideTaskInput,
): Promise<DecideResult> {
  const now = deps.clock();
  return withTenant(deps.db, args.tenantId, async (tx) => {
    const [row] = await rows<TaskRow>(tx, sql`select ${TASK_SELECT} from workflows.tasks t where t.id = ${taskId} for update`);
    if (!row) throw new AppError("not_found", `Task ${taskId} was not found`);
    const task = toTask(row);
    if (task.status !== "open") {
      const by = task.decision ? ` by ${task.decision.by.label}` : "";
      throw new AppError("conflict", `This task is already ${task.status}${by}; it cannot be decided again`);
    }
    const option = task.options.find((candidate) => candidate.id === input.option);
    if (!option) {
      throw new AppError("validation_failed", `"${input.option}" is not an option of this task`, {
        details: [{ path: "option", message: `one of ${task.options.map((candidate) => candidate.id).join(", ")}` }],
      });
    }
    if (option.requires_comment && !input.comment?.trim()) {
      throw new AppError("validation_failed", `"${option.label}" needs a comment saying why`, {
        details: [{ path: "comment", message: "required for this option" }],
      });
    }
    const identities = await identitiesOf(tx, { tenantId: args.tenantId, decider: args.decider, now, directory: deps.directory });
    const queues = await loadQueues(tx);
    const actingAs = identities.find((identity) => mayDecide(task, identity, queues, { taskAdmin: args.taskAdmin }));
    if (!actingAs) {
      const roles = task.allowed_roles.length > 0 ? ` (allowed roles: ${task.allowed_roles.join(", ")})` : "";
      throw new AppError("forbidden", `This task is for ${describeAssignee(task)}${roles}; you may not decide it`);
    }
    const requester = task.requested_by;
    if (requester.type === "user" && identities.some((identity) => identity.userId === requester.id)) {
      throw new AppError("forbidden", "You cannot decide your own request: someone else must");
    }
    const actor = { type: "user" as const, id: args.decider.userId, label: args.decider.label };
    // Acting for a colleague, the identity is theirs: its user id is the colleague's.
    const onBehalfOfUserId = actingAs.onBehalfOf ? actingAs.userId : null;
    const by = {
      user_id: args.decider.userId,
      label: args.decider.label,
      on_behalf_of: actingAs.onBehalfOf,
      on_behalf_of_user_id: onBehalfOfUserId,
    };
    const proposal = task.context.proposal ? { ...task.context.proposal, ...(input.edits ?? {}) } : (input.edits ?? null);

    if (option.approves) {
      if (task.approvals.some((approval) => approval.user_id === args.decider.userId)) {
        throw new AppError("conflict", "You have already approved this task; another approver is needed");
      }
      await tx.execute(sql`
        insert into workflows.task_approvals (tenant_id, task_id, user_id, label, on_behalf_of, on_behalf_of_user_id, at, comment)
        values (${args.tenantId}, ${taskId}, ${args.decider.userId}, ${args.decider.label}, ${actingAs.onBehalfOf},
                ${onBehalfOfUserId}, ${now.toISOString()}, ${input.comment ?? null})`);
      await appendTaskEvent(tx, {
        tenantId: args.tenantId,
        taskId,
        kind: "approved",
        actor,
        at: now,
        comment: input.comment ?? null,
        data: { on_behalf_of: actingAs.onBehalfOf, approvals: task.approvals.length + 1, required: task.required_approvals },
      });
      if (task.approvals.length + 1 < task.required_approvals) {
        if (input.edits) await saveEdits(tx, args.tenantId, taskId, proposal, actor, now);
        return { task: await reload(tx, taskId), runToDispatch: null };
      }
    }
    if (input.edits) {
      await appendTaskEvent(tx, {
        tenantId: args.tenantId,
        taskId,
        kind: "edited",
        actor,
        at: now,
        data: { edits: input.edits },
      });
    }
    const status: Task["status"] = option.approves ? "approved" : option.id === "reject" ? "rejected" : "decided";
    const decision: TaskDecision = { option: option.id, by, at: now.toISOString(), comment: input.comment ?? null, proposal };
    await tx.execute(sql`
      update workflows.tasks set status = ${status}, decision = ${JSON.stringify(decision)}::jsonb, updated_at = ${now.toISOString()}
       where id = ${taskId}`);
    await appendTaskEvent(tx, {
      tenantId: args.tenantId,
      taskId,
      kind: "decided",
      actor,
      at: now,
      comment: input.comment ?? null,
      data: { option: option.id, status },
    });
    await appendAudit(tx, {
      tenantId: args.tenantId,
      actor,
      requestId: args.requestId,
      action: "task.decided",
      resourceType: "task",
      resourceId: taskId,
      data: { option: option.id, status, run_id: task.run_id, on_behalf_of: actingAs.onBehalfOf, edited: Boolean(input.edits) },
    });
    // The approver's roles travel with the decision: the write it unblocks is checked against policy for them.
    const approver = {
      user_id: args.decider.userId,
      label: args.decider.label,
      roles: actingAs.roles,
      on_behalf_of: actingAs.onBehalfOf,
    };
    const approvals = task.approvals.length + (option.approves ? 1 : 0);
    const runToDispatch = await resolveTaskWait(tx, {
      tenantId: args.tenantId,
      taskId,
      now,
      payload: { task_id: taskId, option: option.id, status, decision, approver, approvals },
    });
    if (runToDispatch) {
      await appendRunEvent(tx, {
        tenantId: args.tenantId,
        runId: runToDispatch,
        kind: "resumed",
        label: `Chose "${option.label}"`,
        detail: {
          task_id: taskId,
          option: option.id,
          comment: input.comment ?? null,
          ...(actingAs.onBehalfOf ? { on_behalf_of: actingAs.onBehalfOf, on_behalf_of_user_id: onBehalfOfUserId } : {}),
        },
        actor,
      });
    }
    return { task: await reload(tx, taskId), runToDispatch };
  });
}

async function saveEdits(
  tx: Tx,
  tenantId: string,
  taskId: string,
  proposal: Record<string, unknown> | null,
  actor: { type: string; id: string; label: string },
  now: Date,
) {
  await tx.execute(sql`
    update workflows.tasks set context = jsonb_set(context, '{proposal}', ${JSON.stringify(proposal)}::jsonb), updated_at = ${now.toISOString()}
     where id = ${taskId}`);
  await appendTaskEvent(tx, { tenantId, taskId, kind: "edited", actor, at: now, data: { proposal } });
}

async function reload(tx: Tx, taskId: string): Promise<Task> {
  const [row] = await rows<TaskRow>(tx, sql`select ${TASK_SELECT} from workflows.tasks t where t.id = ${taskId}`);
  return toTask(row as TaskRow);
}

/** Resolves the run's wait for this task, if it has one still open; returns the run to continue. */
export async function resolveTaskWait(
  tx: Tx,
  args: { tenantId: string; taskId: string; now: Date; payload: Record<string, unknown> },
): Promise<string | null> {
  const [resolved] = await rows<{ run_id: string }>(
    tx,
    sql`update workflows.waits set resolved_at = ${args.now.toISOString()}, resume_stage = then_stage,
               resume_payload = ${JSON.stringify(args.payload)}::jsonb
         where task_id = ${args.taskId} and resolved_at is null
     returning run_id`,
  );
  return resolved?.run_id ?? null;
}
