import { sql } from "drizzle-orm";
import type { Task, TaskApproval } from "../contract/index.ts";

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

export type TaskRow = {
  tenant_id: string;
  id: string;
  run_id: string | null;
  flow: string | null;
  kind: Task["kind"];
  title: string;
  summary: string;
  status: Task["status"];
  assignee_type: Task["assignee"]["type"];
  assignee_id: string;
  allowed_roles: string[];
  required_approvals: number;
  options: Task["options"];
  context: Task["context"];
  requested_by: Task["requested_by"];
  escalation: { afterSeconds: number; to: Task["assignee"] }[];
  escalation_level: number;
  due_at: string | null;
  decision: Task["decision"];
  created_at: string;
  updated_at: string;
  approvals: TaskApproval[] | null;
};

/** The task's columns and its approvals, as one row. */
export const TASK_SELECT = sql.raw(`
  t.tenant_id, t.id, t.run_id, t.flow, t.kind, t.title, t.summary, t.status, t.assignee_type, t.assignee_id,
  t.allowed_roles, t.required_approvals, t.options, t.context, t.requested_by, t.escalation, t.escalation_level,
  t.due_at, t.decision, t.created_at, t.updated_at,
  (select coalesce(jsonb_agg(jsonb_build_object('user_id', a.user_id, 'label', a.label, 'on_behalf_of', a.on_behalf_of,
            'on_behalf_of_user_id', a.on_behalf_of_user_id,
            'at', to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'comment', a.comment) order by a.at), '[]'::jsonb)
     from workflows.task_approvals a where a.task_id = t.id) as approvals`);

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    run_id: row.run_id,
    flow: row.flow,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    status: row.status,
    assignee: { type: row.assignee_type, id: row.assignee_id },
    allowed_roles: row.allowed_roles,
    required_approvals: row.required_approvals,
    approvals: row.approvals ?? [],
    options: row.options,
    context: row.context,
    requested_by: row.requested_by,
    escalation_level: row.escalation_level,
    due_at: iso(row.due_at),
    // Decisions recorded before the delegator's id was kept say only their email.
    decision: row.decision && {
      ...row.decision,
      by: { ...row.decision.by, on_behalf_of_user_id: row.decision.by.on_behalf_of_user_id ?? null },
    },
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
  };
}
