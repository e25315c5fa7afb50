import { z } from "zod";
import { RecordLink } from "./runs.ts";

export const TaskStatus = z.enum(["open", "approved", "rejected", "decided", "cancelled", "expired"]);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** Who a task waits for: everyone holding a role, one user, or the members of a work queue. */
export const Assignee = z.object({ type: z.enum(["role", "user", "queue"]), id: z.string().min(1).max(200) });
export type Assignee = z.infer<typeof Assignee>;

/** A choice a task offers; `approve` and `reject` count approvers, the others decide at once. */
export const TaskOption = z.object({
  id: z.string(),
  label: z.string(),
  /** Approving options need every required approver; any other option decides on the first click. */
  approves: z.boolean(),
  requires_comment: z.boolean(),
});
export type TaskOption = z.infer<typeof TaskOption>;

/** What a person needs to decide: the money at stake, why policy asked them, the records, the proposal. */
export const TaskContext = z.object({
  money: z.object({ amount_minor: z.number().int(), currency: z.string() }).nullable(),
  policy: z
    .object({ policies: z.array(z.string()), approver_role: z.string().nullable(), reasons: z.array(z.string()) })
    .nullable(),
  records: z.array(RecordLink),
  document: z.object({ id: z.string(), label: z.string() }).nullable(),
  summary: z
    .object({
      text: z.string(),
      sources: z.array(z.object({ label: z.string(), ref: z.string() })),
      /** Which engine wrote the summary: "rules" (facts and templates) or a model. */
      engine: z.string(),
    })
    .nullable(),
  /** What will be written if approved; approvers may edit it. */
  proposal: z.record(z.string(), z.unknown()).nullable(),
});
export type TaskContext = z.infer<typeof TaskContext>;

export const TaskApproval = z.object({
  user_id: z.string(),
  label: z.string().describe("The approver as recorded: their email"),
  on_behalf_of: z.string().nullable().describe("The email of the colleague a delegate approved for"),
  on_behalf_of_user_id: z.string().nullable().describe("…and their user id"),
  at: z.string(),
  comment: z.string().nullable(),
});
export type TaskApproval = z.infer<typeof TaskApproval>;

export const TaskDecision = z.object({
  option: z.string(),
  by: z.object({
    user_id: z.string(),
    label: z.string().describe("The decider as recorded: their email"),
    on_behalf_of: z.string().nullable().describe("The email of the colleague a delegate decided for"),
    on_behalf_of_user_id: z.string().nullable().describe("…and their user id"),
  }),
  at: z.string(),
  comment: z.string().nullable(),
  /** The proposal as decided, edits included. */
  proposal: z.record(z.string(), z.unknown()).nullable(),
});
export type TaskDecision = z.infer<typeof TaskDecision>;

export const Task = z.object({
  id: z.string(),
  tenant_id: z.string(),
  run_id: z.string().nullable(),
  flow: z.string().nullable(),
  kind: z.enum(["approval", "review"]),
  title: z.string(),
  summary: z.string(),
  status: TaskStatus,
  assignee: Assignee,
  /** Roles whose holders may decide; empty: whoever the assignee covers. */
  allowed_roles: z.array(z.string()),
  required_approvals: z.number().int().min(1),
  approvals: z.array(TaskApproval),
  options: z.array(TaskOption),
  context: TaskContext,
  requested_by: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }),
  escalation_level: z.number().int(),
  due_at: z.string().nullable(),
  decision: TaskDecision.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Task = z.infer<typeof Task>;

export const TaskEvent = z.object({
  id: z.string(),
  task_id: z.string(),
  at: z.string(),
  kind: z.enum(["created", "approved", "decided", "commented", "reassigned", "escalated", "expired", "cancelled", "edited"]),
  actor: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }),
  comment: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TaskEvent = z.infer<typeof TaskEvent>;

export const TaskQuery = z.object({
  /** `mine` (default): what the caller may act on now; `all`: every task (tasks:admin). */
  view: z.enum(["mine", "all"]).default("mine"),
  status: z.string().optional().describe("one status or several, comma-separated; default open"),
  flow: z.string().optional(),
  run_id: z.string().optional(),
  overdue: z.enum(["true", "false"]).optional(),
  before: z.string().optional().describe("cursor: tasks created before this task id"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskQuery = z.infer<typeof TaskQuery>;

export const DecideTaskInput = z.strictObject({
  option: z.string().min(1),
  comment: z.string().max(4000).optional(),
  /** Changes to the proposal, merged over it (approving options only). */
  edits: z.record(z.string(), z.unknown()).optional(),
});
export type DecideTaskInput = z.infer<typeof DecideTaskInput>;

export const BulkDecideInput = z.strictObject({
  task_ids: z.array(z.string()).min(1).max(500),
  option: z.string().min(1),
  comment: z.string().max(4000).optional(),
});
export type BulkDecideInput = z.infer<typeof BulkDecideInput>;

/** Each task of a bulk decision: decided, or refused with the reason (the others still go through). */
export const BulkDecideResult = z.object({
  results: z.array(
    z.object({ task_id: z.string(), ok: z.boolean(), status: TaskStatus.nullable(), error: z.string().nullable() }),
  ),
});
export type BulkDecideResult = z.infer<typeof BulkDecideResult>;

export const ReassignTaskInput = z.strictObject({ to: Assignee, comment: z.string().max(4000).optional() });
export type ReassignTaskInput = z.infer<typeof ReassignTaskInput>;

export const CommentInput = z.strictObject({ comment: z.string().min(1).max(4000) });
export type CommentInput = z.infer<typeof CommentInput>;

/** What a stage waiting on a task receives when it is decided (or times out: `{ timeout: true }`). */
export const TaskResumption = z.object({
  task_id: z.string(),
  option: z.string(),
  status: TaskStatus,
  decision: TaskDecision,
  /** Who decided, with the roles they acted with (the delegator's, when on someone's behalf). */
  approver: z.object({ user_id: z.string(), label: z.string(), roles: z.array(z.string()), on_behalf_of: z.string().nullable() }),
  approvals: z.number().int(),
});
export type TaskResumption = z.infer<typeof TaskResumption>;
