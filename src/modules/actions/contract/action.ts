import { z } from "zod";
import { ActionKind } from "./action-kinds.ts";
import { ActionCause, ActionRequest } from "./action-request.ts";
import { PolicyDecision } from "./policy-decision.ts";

export const ActionStatus = z.enum([
  "denied",
  "awaiting_approval",
  "executing",
  "succeeded",
  "failed",
  "compensated",
  "compensation_failed",
]);
export type ActionStatus = z.infer<typeof ActionStatus>;

const ActorRef = z.object({ type: z.string(), id: z.string(), label: z.string().nullable() });

/** Who approved, when, through which task, and which policies let them. */
export const ActionApproval = z.object({
  approved_by: ActorRef.extend({ roles: z.array(z.string()) }),
  at: z.string(),
  task_id: z.string(),
  policies: z.array(z.string()),
  reasons: z.array(z.string()),
});
export type ActionApproval = z.infer<typeof ActionApproval>;

/** What the system of record answered. */
export const ActionResult = z.object({
  /** The id the target system gave the thing written (an order number), when it said. */
  external_id: z.string().nullable(),
  /** The HTTP status, for connectors that speak HTTP. */
  status: z.number().int().nullable(),
  /** One line: "201 from POST https://erp.example.com/orders", "sent to buyer@acme.example". */
  summary: z.string(),
  /** The response body (JSON, or text cut to 2,000 characters), when there was one. */
  response: z.unknown().optional(),
});
export type ActionResult = z.infer<typeof ActionResult>;

/** Why a write failed, and whether trying again may help. */
export const ActionFailure = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  /** The target system's HTTP status, when it answered. */
  status: z.number().int().nullable(),
  at: z.string(),
});
export type ActionFailure = z.infer<typeof ActionFailure>;

/** A rendered outbound request, as it was (or would be) sent: for people and auditors to read. */
export const OutboundPreview = z.object({
  method: z.string().optional(),
  url: z.string().optional(),
  /** Where a file goes, for connectors that deliver files. */
  destination: z.string().optional(),
  /** The body: JSON, or text (an X12 interchange, an email). Secrets never appear. */
  body: z.unknown().optional(),
});
export type OutboundPreview = z.infer<typeof OutboundPreview>;

/** The write that undoes a succeeded one, registered when it succeeded. */
export const Compensation = z.object({
  kind: ActionKind,
  description: z.string(),
  /** Its own idempotency key, so undoing is done at most once too. */
  idempotency_key: z.string(),
  request: OutboundPreview,
  /** Why it was run, once it was. */
  reason: z.string().nullable(),
  result: ActionResult.nullable(),
  error: ActionFailure.nullable(),
});
export type Compensation = z.infer<typeof Compensation>;

/** A stored action: one governed write, from decision to result (and its undoing). */
export const Action = z.object({
  id: z.string(),
  kind: ActionKind,
  status: ActionStatus,
  idempotency_key: z.string(),
  connector: z.string(),
  request: ActionRequest,
  decision: PolicyDecision,
  approval: ActionApproval.nullable(),
  result: ActionResult.nullable(),
  error: ActionFailure.nullable(),
  attempts: z.number().int(),
  cause: ActionCause,
  run_id: z.string().nullable(),
  requested_by: ActorRef,
  compensation: Compensation.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  executed_at: z.string().nullable(),
  compensated_at: z.string().nullable(),
});
export type Action = z.infer<typeof Action>;

/** What a dry run shows: the decision, and what would be sent where. Nothing is written. */
export const DryRunPreview = OutboundPreview.extend({
  connector: z.string(),
  connector_kind: z.string(),
  kind: ActionKind,
  /** The write that would undo it, when the connector defines one. */
  compensation: OutboundPreview.extend({ kind: ActionKind }).nullable(),
  /** What the preview cannot know yet (an id the target system assigns, a control number). */
  notes: z.array(z.string()),
});
export type DryRunPreview = z.infer<typeof DryRunPreview>;

export const ActionOutcome = z.discriminatedUnion("dry_run", [
  z.object({ dry_run: z.literal(false), action: Action }),
  z.object({ dry_run: z.literal(true), decision: PolicyDecision, would: DryRunPreview }),
]);
export type ActionOutcome = z.infer<typeof ActionOutcome>;

/** `GET /actions`: newest first, filtered, one page at a time. */
export const ActionListQuery = z
  .object({
    status: ActionStatus.optional(),
    kind: ActionKind.optional(),
    run_id: z.string().max(200).optional(),
    cause_type: z.string().max(60).optional(),
    cause_id: z.string().max(200).optional(),
    since: z.string().datetime({ offset: true }).optional().describe("only actions created at or after this time"),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((query) => !query.cause_id || query.cause_type, { message: "cause_id needs cause_type", path: ["cause_type"] });
export type ActionListQuery = z.infer<typeof ActionListQuery>;

export const ActionPage = z.object({ data: z.array(Action), next_cursor: z.string().nullable() });
export type ActionPage = z.infer<typeof ActionPage>;

export const CompensateInput = z.object({ reason: z.string().min(1).max(500) }).strict();
export type CompensateInput = z.infer<typeof CompensateInput>;
