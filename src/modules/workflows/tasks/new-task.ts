import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { textArray } from "../../../platform/db/tenant-scope.ts";
import { newId } from "../../../platform/ids.ts";
import type { Assignee, TaskContext, TaskOption } from "../contract/index.ts";
import { appendTaskEvent } from "./task-events.ts";

/** One rung of an escalation ladder: if still open this long after the last rung, it goes to `to`. */
export type EscalationRung = { afterSeconds: number; to: Assignee };

/** A task a flow asks a person to decide. */
export type NewTask = {
  kind?: "approval" | "review";
  title: string;
  summary: string;
  assignee: Assignee;
  /** Roles whose holders may decide (the approver role of the policy and those above it); empty: the assignee's. */
  allowedRoles?: string[];
  requiredApprovals?: number;
  /** Default: approve and reject. */
  options?: TaskOption[];
  context?: Partial<TaskContext>;
  /** Who asked: they may not approve their own request. Default: the run's automation. */
  requestedBy?: { type: string; id: string; label: string | null };
  /** The SLA: unanswered after the first rung's time, the task moves up the ladder and people are told. */
  escalation?: EscalationRung[];
};

export const APPROVE_REJECT: TaskOption[] = [
  { id: "approve", label: "Approve", approves: true, requires_comment: false },
  { id: "reject", label: "Reject", approves: false, requires_comment: true },
];

const EMPTY_CONTEXT: TaskContext = { money: null, policy: null, records: [], document: null, summary: null, proposal: null };

/** Inserts the task (and its "created" event) in the caller's transaction; returns its id. */
export async function insertTask(
  tx: Tx,
  args: {
    tenantId: string;
    runId: string | null;
    flow: string | null;
    task: NewTask;
    now: Date;
    requestedBy: NewTask["requestedBy"];
  },
): Promise<string> {
  const { task } = args;
  const id = newId("task");
  const firstRung = task.escalation?.[0];
  const dueAt = firstRung ? new Date(args.now.getTime() + firstRung.afterSeconds * 1000).toISOString() : null;
  const requestedBy = task.requestedBy ?? args.requestedBy ?? { type: "system", id: "crossdock", label: null };
  await tx.execute(sql`
    insert into workflows.tasks (tenant_id, id, run_id, flow, kind, title, summary, status, assignee_type, assignee_id,
      allowed_roles, required_approvals, options, context, requested_by, escalation, due_at, created_at, updated_at)
    values (${args.tenantId}, ${id}, ${args.runId}, ${args.flow}, ${task.kind ?? "approval"}, ${task.title}, ${task.summary},
      'open', ${task.assignee.type}, ${task.assignee.id}, ${textArray(task.allowedRoles ?? [])},
      ${task.requiredApprovals ?? 1}, ${JSON.stringify(task.options ?? APPROVE_REJECT)}::jsonb,
      ${JSON.stringify({ ...EMPTY_CONTEXT, ...task.context })}::jsonb, ${JSON.stringify(requestedBy)}::jsonb,
      ${JSON.stringify(task.escalation ?? [])}::jsonb, ${dueAt}, ${args.now.toISOString()}, ${args.now.toISOString()})`);
  await appendTaskEvent(tx, {
    tenantId: args.tenantId,
    taskId: id,
    kind: "created",
    actor: requestedBy,
    at: args.now,
    data: { assignee: task.assignee },
  });
  return id;
}
