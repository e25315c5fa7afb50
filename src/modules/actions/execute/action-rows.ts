import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Executor, Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import { appendEvents } from "../../../platform/events/event-log.ts";
import { appendAudit } from "../../governance/index.ts";
import type {
  Action,
  ActionApproval,
  ActionFailure,
  ActionRequest,
  ActionResult,
  ActionStatus,
  Compensation,
  PolicyDecision,
} from "../contract/index.ts";

/** An action as stored. */
export type ActionRow = {
  id: string;
  tenant_id: string;
  kind: Action["kind"];
  idempotency_key: string;
  request_hash: string;
  connector: string;
  connector_id: string | null;
  request: ActionRequest;
  status: ActionStatus;
  decision: PolicyDecision;
  approval: ActionApproval | null;
  result: ActionResult | null;
  error: ActionFailure | null;
  attempts: number;
  lease_until: string | null;
  lease_active: boolean;
  /** Milliseconds left on the hold, when it is active. */
  lease_left_ms: number | null;
  lease_holder: string | null;
  cause_type: string;
  cause_id: string;
  run_id: string | null;
  requested_by_type: string;
  requested_by_id: string;
  requested_by_label: string | null;
  compensation: Compensation | null;
  created_at: string;
  updated_at: string;
  executed_at: string | null;
  compensated_at: string | null;
};

export const ACTION_COLUMNS =
  sql.raw(`id, tenant_id, kind, idempotency_key, request_hash, connector, connector_id, request, status,
  decision, approval, result, error, attempts, lease_until, coalesce(lease_until > now(), false) as lease_active,
  greatest(0, extract(epoch from lease_until - now()) * 1000)::int as lease_left_ms, lease_holder, cause_type, cause_id,
  run_id, requested_by_type, requested_by_id, requested_by_label, compensation, created_at, updated_at, executed_at, compensated_at`);

const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
const isoOrNull = (value: string | null) => (value === null ? null : new Date(value).toISOString());

export function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    idempotency_key: row.idempotency_key,
    connector: row.connector,
    request: json(row.request),
    decision: json(row.decision),
    approval: json(row.approval),
    result: json(row.result),
    error: json(row.error),
    attempts: Number(row.attempts),
    cause: { type: row.cause_type, id: row.cause_id },
    run_id: row.run_id,
    requested_by: { type: row.requested_by_type, id: row.requested_by_id, label: row.requested_by_label },
    compensation: json(row.compensation),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    executed_at: isoOrNull(row.executed_at),
    compensated_at: isoOrNull(row.compensated_at),
  };
}

export async function findByKey(executor: Executor, tenantId: string, key: string, lock = false): Promise<ActionRow | undefined> {
  const [row] = await rows<ActionRow>(
    executor,
    sql`select ${ACTION_COLUMNS} from actions.actions where tenant_id = ${tenantId} and idempotency_key = ${key}
        ${lock ? sql`for update` : sql``}`,
  );
  return row;
}

export async function findById(executor: Executor, tenantId: string, id: string, lock = false): Promise<ActionRow | undefined> {
  const [row] = await rows<ActionRow>(
    executor,
    sql`select ${ACTION_COLUMNS} from actions.actions where tenant_id = ${tenantId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  return row;
}

/** A new action: who asked, for what, what policy said, and where it stands. */
export type NewAction = {
  id: string;
  request: ActionRequest;
  requestHash: string;
  connectorId: string;
  status: ActionStatus;
  decision: PolicyDecision;
  approval: ActionApproval | null;
  attempts: number;
  leaseMs: number | null;
  leaseHolder: string | null;
};

export async function insertAction(tx: Tx, ctx: WriteContext, action: NewAction): Promise<ActionRow> {
  const { request } = action;
  const [row] = await rows<ActionRow>(
    tx,
    sql`insert into actions.actions (tenant_id, id, kind, idempotency_key, request_hash, connector, connector_id, request, status,
          decision, approval, attempts, lease_until, lease_holder, cause_type, cause_id, run_id, requested_by_type, requested_by_id,
          requested_by_label)
        values (${ctx.tenantId}, ${action.id}, ${request.kind}, ${request.idempotency_key}, ${action.requestHash}, ${request.connector},
          ${action.connectorId}, ${JSON.stringify(request)}::jsonb, ${action.status}, ${JSON.stringify(action.decision)}::jsonb,
          ${action.approval ? JSON.stringify(action.approval) : null}::jsonb, ${action.attempts},
          ${action.leaseMs === null ? null : sql`now() + make_interval(secs => ${action.leaseMs / 1000})`}, ${action.leaseHolder},
          ${request.cause.type}, ${request.cause.id}, ${request.run_id ?? null},
          ${ctx.actor.type}, ${ctx.actor.id}, ${ctx.actor.label ?? null})
        returning ${ACTION_COLUMNS}`,
  );
  if (!row) throw new Error("action insert returned nothing");
  return row;
}

/** The columns a transition may change; those left out keep their value. */
export type ActionChange = {
  status?: ActionStatus;
  decision?: PolicyDecision;
  approval?: ActionApproval | null;
  result?: ActionResult | null;
  error?: ActionFailure | null;
  connectorId?: string;
  attempts?: "increment";
  leaseMs?: number | null;
  leaseHolder?: string | null;
  executed?: true;
  compensated?: true;
  compensation?: Compensation | null;
};

export async function updateAction(tx: Tx, tenantId: string, id: string, change: ActionChange): Promise<ActionRow> {
  const sets = [sql`updated_at = now()`];
  const jsonb = (value: unknown) => sql`${value === null ? null : JSON.stringify(value)}::jsonb`;
  if (change.status !== undefined) sets.push(sql`status = ${change.status}`);
  if (change.decision !== undefined) sets.push(sql`decision = ${jsonb(change.decision)}`);
  if (change.approval !== undefined) sets.push(sql`approval = ${jsonb(change.approval)}`);
  if (change.result !== undefined) sets.push(sql`result = ${jsonb(change.result)}`);
  if (change.error !== undefined) sets.push(sql`error = ${jsonb(change.error)}`);
  if (change.compensation !== undefined) sets.push(sql`compensation = ${jsonb(change.compensation)}`);
  if (change.connectorId !== undefined) sets.push(sql`connector_id = ${change.connectorId}`);
  if (change.attempts === "increment") sets.push(sql`attempts = attempts + 1`);
  if (change.leaseMs !== undefined) {
    sets.push(
      change.leaseMs === null
        ? sql`lease_until = null`
        : sql`lease_until = now() + make_interval(secs => ${change.leaseMs / 1000})`,
    );
  }
  if (change.leaseHolder !== undefined) sets.push(sql`lease_holder = ${change.leaseHolder}`);
  if (change.executed) sets.push(sql`executed_at = now()`);
  if (change.compensated) sets.push(sql`compensated_at = now()`);
  const [row] = await rows<ActionRow>(
    tx,
    sql`update actions.actions set ${sql.join(sets, sql`, `)} where tenant_id = ${tenantId} and id = ${id} returning ${ACTION_COLUMNS}`,
  );
  if (!row) throw new Error(`action ${id} vanished`);
  return row;
}

/** What the trail and the event log say about an action: `action.executed`, `action.denied`, … */
export type ActionEvent =
  | "action.denied"
  | "action.approval_required"
  | "action.executed"
  | "action.failed"
  | "action.compensated"
  | "action.compensation_failed";

/**
 * Audits a transition and appends its event, in the transaction that made it: the deciding
 * policies and version, the connector, the cause and the run, and what the step added.
 */
export async function recordTransition(
  tx: Tx,
  ctx: WriteContext,
  row: ActionRow,
  event: ActionEvent,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const action = toAction(row);
  const data = {
    kind: action.kind,
    status: action.status,
    summary: action.request.summary ?? null,
    connector: action.connector,
    connector_id: row.connector_id,
    idempotency_key: action.idempotency_key,
    effect: action.decision.effect,
    policies: action.decision.policies,
    policy_version: action.decision.policy_version,
    policy_source: action.decision.source,
    approver_role: action.decision.approver_role,
    cause: action.cause,
    run_id: action.run_id,
    attempts: action.attempts,
    ...(action.approval
      ? {
          approval: {
            approved_by: action.approval.approved_by,
            task_id: action.approval.task_id,
            policies: action.approval.policies,
          },
        }
      : {}),
    ...extra,
  };
  await appendAudit(tx, { ...ctx, action: event, resourceType: "action", resourceId: action.id, data });
  await appendEvents(tx, [
    {
      tenantId: ctx.tenantId,
      type: event,
      subjectType: "action",
      subjectId: action.id,
      payload: {
        id: action.id,
        kind: action.kind,
        status: action.status,
        connector: action.connector,
        cause: action.cause,
        run_id: action.run_id,
        external_id: action.result?.external_id ?? null,
      },
      actor: `${ctx.actor.type}:${ctx.actor.id}`,
      requestId: ctx.requestId,
    },
  ]);
}
