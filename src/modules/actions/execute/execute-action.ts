import type { Actor, WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { Logger } from "../../../platform/logger.ts";
import { digest } from "../../governance/index.ts";
import type { PreparedWrite } from "../connectors/connector.ts";
import type { Connectors, OpenConnector } from "../connectors/connectors.ts";
import {
  type ActionApproval,
  type ActionFailure,
  type ActionOutcome,
  ActionRequest,
  type ActionRequestInput,
  type ActionStatus,
  type Compensation,
  type PolicyDecision,
} from "../contract/index.ts";
import { ActionError, RetryableActionError } from "../errors.ts";
import { policyPrincipal } from "../policy/entities.ts";
import type { Policies } from "../policy/policies.ts";
import { invalidInput } from "../validation.ts";
import { type ActionRow, findByKey, insertAction, recordTransition, toAction, updateAction } from "./action-rows.ts";
import { type ApprovalInput, acceptedApproval, refuseSelfApproval } from "./approval.ts";
import { requestHash } from "./request-hash.ts";

export type ExecuteOptions = {
  /** A person's approval, from a decided task: checked against policy (and never the requester's own). */
  approval?: ApprovalInput | undefined;
  /** Decide and render, and say what would be sent; write nothing, not even the action. */
  dryRun?: boolean | undefined;
  /** The requester's roles, when a person asks (policy knows people by their roles). */
  roles?: readonly string[] | undefined;
};

export type ExecuteDeps = {
  db: Database;
  policies: Policies;
  connectors: Connectors;
  logger: Logger;
  /** This process, as it holds actions it is writing: its executor id and this incarnation of it. */
  holder: { executorId: string; incarnation: string };
};

const holderName = (holder: ExecuteDeps["holder"]) => `${holder.executorId}#${holder.incarnation}`;

/**
 * Whether an executing action is still held by a live attempt: its hold has not run out, and it
 * is not a previous incarnation of this very executor (which a restart proves dead).
 */
function heldByAnother(row: ActionRow, holder: ExecuteDeps["holder"]): boolean {
  if (row.status !== "executing" || !row.lease_active) return false;
  const [executorId, incarnation] = (row.lease_holder ?? "").split("#");
  return !(executorId === holder.executorId && incarnation !== holder.incarnation);
}

/** Statuses after which a retry of the same write returns what happened and sends nothing. */
const SETTLED: readonly ActionStatus[] = ["succeeded", "compensated", "compensation_failed"];

/** How much longer than one attempt's own timeout an attempt holds the action. */
const LEASE_MARGIN_MS = 30_000;

function parseRequest(input: ActionRequestInput): ActionRequest {
  const parsed = ActionRequest.safeParse(input);
  if (!parsed.success) throw invalidInput("action request", parsed.error);
  return parsed.data;
}

function isUniqueViolation(error: unknown): boolean {
  for (
    let current = error as { code?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (current.code === "23505") return true;
  }
  return false;
}

function failureOf(error: ActionError): ActionFailure {
  return {
    code: error.code,
    message: error.message,
    retryable: error.retryable,
    status: error.upstreamStatus,
    at: new Date().toISOString(),
  };
}

/** Anything a connector throws becomes an ActionError; an unexpected one may pass on a later attempt. */
function asActionError(error: unknown): ActionError {
  if (error instanceof ActionError) return error;
  return new RetryableActionError("connector_unavailable", `The write failed unexpectedly: ${(error as Error).message}`, {
    cause: error,
  });
}

/**
 * Stores a decision that ends here (denied, or waiting for an approval): a new action, or the
 * existing one brought up to date; the trail hears of it when its status changes.
 */
async function settleWithoutWriting(
  deps: ExecuteDeps,
  ctx: WriteContext,
  write: { id: string; request: ActionRequest; hash: string; connector: OpenConnector; decision: PolicyDecision },
  status: "denied" | "awaiting_approval",
): Promise<ActionRow> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findByKey(tx, ctx.tenantId, write.request.idempotency_key, true);
    if (existing && (SETTLED.includes(existing.status) || existing.status === "executing")) return existing;
    const unchanged = existing?.status === status && digest(toAction(existing).decision) === digest(write.decision);
    if (existing && unchanged) return existing;
    const row = existing
      ? await updateAction(tx, ctx.tenantId, existing.id, { status, decision: write.decision, connectorId: write.connector.id })
      : await insertAction(tx, ctx, {
          id: write.id,
          request: write.request,
          requestHash: write.hash,
          connectorId: write.connector.id,
          status,
          decision: write.decision,
          approval: null,
          attempts: 0,
          leaseMs: null,
          leaseHolder: null,
        });
    if (existing?.status !== status) {
      await recordTransition(tx, ctx, row, status === "denied" ? "action.denied" : "action.approval_required", {
        reasons: write.decision.reasons,
      });
    }
    return row;
  });
}

/**
 * Takes the action for one attempt: marks it executing, counts the attempt and holds it for the
 * attempt's timeout. Another attempt still within its hold makes this one wait (retryable); a
 * settled action is returned as it is.
 */
async function claim(
  deps: ExecuteDeps,
  ctx: WriteContext,
  write: {
    id: string;
    request: ActionRequest;
    hash: string;
    connector: OpenConnector;
    decision: PolicyDecision;
    approval: ActionApproval | null;
  },
  leaseMs: number,
): Promise<{ row: ActionRow; claimed: boolean }> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findByKey(tx, ctx.tenantId, write.request.idempotency_key, true);
    if (existing && SETTLED.includes(existing.status)) return { row: existing, claimed: false };
    if (existing && heldByAnother(existing, deps.holder)) {
      throw new RetryableActionError(
        "action_in_progress",
        `Action ${existing.id} is being written by another attempt; try again shortly`,
        {
          retryAfterMs: existing.lease_left_ms,
        },
      );
    }
    const change = {
      status: "executing" as const,
      decision: write.decision,
      approval: write.approval,
      connectorId: write.connector.id,
      error: null,
      attempts: "increment" as const,
      leaseMs,
      leaseHolder: holderName(deps.holder),
    };
    const row = existing
      ? await updateAction(tx, ctx.tenantId, existing.id, change)
      : await insertAction(tx, ctx, {
          id: write.id,
          request: write.request,
          requestHash: write.hash,
          connectorId: write.connector.id,
          status: "executing",
          decision: write.decision,
          approval: write.approval,
          attempts: 1,
          leaseMs,
          leaseHolder: holderName(deps.holder),
        });
    return { row, claimed: true };
  });
}

async function send(deps: ExecuteDeps, ctx: WriteContext, row: ActionRow, prepared: PreparedWrite): Promise<ActionRow> {
  let result: Awaited<ReturnType<PreparedWrite["send"]>>;
  try {
    result = await prepared.send();
  } catch (thrown) {
    const error = asActionError(thrown);
    error.actionId = row.id;
    const failure = failureOf(error);
    await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const failed = await updateAction(tx, ctx.tenantId, row.id, {
        status: "failed",
        error: failure,
        leaseMs: null,
        leaseHolder: null,
      });
      await recordTransition(tx, ctx, failed, "action.failed", { error: failure });
    });
    throw error;
  }
  const registered = prepared.compensationFor(result);
  const compensation: Compensation | null = registered
    ? { ...registered, idempotency_key: `${row.id}:undo`, reason: null, result: null, error: null }
    : null;
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const succeeded = await updateAction(tx, ctx.tenantId, row.id, {
      status: "succeeded",
      result,
      error: null,
      compensation,
      leaseMs: null,
      leaseHolder: null,
      executed: true,
    });
    await recordTransition(tx, ctx, succeeded, "action.executed", {
      external_id: result.external_id,
      result: result.summary,
      compensation: compensation ? { kind: compensation.kind, description: compensation.description } : null,
    });
    return succeeded;
  });
}

async function executeOnce(
  deps: ExecuteDeps,
  ctx: WriteContext,
  request: ActionRequest,
  options: ExecuteOptions,
): Promise<ActionOutcome> {
  const hash = requestHash(request);
  const existingRow = await withTenant(deps.db, ctx.tenantId, (tx) => findByKey(tx, ctx.tenantId, request.idempotency_key));
  if (existingRow && existingRow.request_hash !== hash) {
    throw new AppError(
      "conflict",
      `Idempotency key ${request.idempotency_key} was used for a different write (action ${existingRow.id}); a new write needs a new key`,
      { details: [{ path: "idempotency_key", message: "already used for a different write", code: "idempotency_key_reused" }] },
    );
  }
  if (existingRow && SETTLED.includes(existingRow.status) && !options.dryRun)
    return { dry_run: false, action: toAction(existingRow) };

  const connector = await deps.connectors.open(ctx.tenantId, request.connector);
  const id = existingRow?.id ?? newId("act");
  const prepared = connector.adapter.prepare({
    tenantId: ctx.tenantId,
    kind: request.kind,
    payload: request.payload,
    idempotencyKey: request.idempotency_key,
    actionId: options.dryRun ? "dry-run" : id,
  });
  const principal = policyPrincipal(ctx.actor, options.roles);
  const asked = { principal, kind: request.kind, facts: request.facts, connector: request.connector };
  const decision = await deps.policies.decide(ctx.tenantId, asked);

  let approval: ActionApproval | null = null;
  const earlier = existingRow ? toAction(existingRow).approval : null;
  if (earlier && !options.approval && decision.effect === "approval_required") {
    // An approval given to an earlier attempt still counts if policy, as it is now, lets that person approve.
    const approver = policyPrincipal(
      { type: earlier.approved_by.type as Actor["type"], id: earlier.approved_by.id },
      earlier.approved_by.roles,
    );
    if ((await deps.policies.mayApprove(ctx.tenantId, { ...asked, approver })).allowed) approval = earlier;
  }
  if (options.approval) {
    const requesters = [ctx.actor];
    if (existingRow)
      requesters.push({ type: existingRow.requested_by_type as WriteContext["actor"]["type"], id: existingRow.requested_by_id });
    refuseSelfApproval(options.approval, requesters);
    if (decision.effect === "approval_required") {
      const approver = policyPrincipal(options.approval.approved_by, options.approval.approved_by.roles);
      approval = acceptedApproval(options.approval, await deps.policies.mayApprove(ctx.tenantId, { ...asked, approver }));
    }
  }

  if (options.dryRun) {
    const notes = [...prepared.notes];
    if (existingRow && SETTLED.includes(existingRow.status))
      notes.unshift(`already written as action ${existingRow.id}: nothing would be sent again`);
    return {
      dry_run: true,
      decision,
      would: {
        connector: connector.name,
        connector_kind: connector.kind,
        kind: request.kind,
        ...prepared.preview,
        compensation: prepared.compensationPreview,
        notes,
      },
    };
  }

  const write = { id, request, hash, connector, decision, approval };
  if (decision.effect === "deny")
    return { dry_run: false, action: toAction(await settleWithoutWriting(deps, ctx, write, "denied")) };
  if (decision.effect === "approval_required" && !approval) {
    return { dry_run: false, action: toAction(await settleWithoutWriting(deps, ctx, write, "awaiting_approval")) };
  }
  const { row, claimed } = await claim(deps, ctx, write, prepared.timeoutMs + LEASE_MARGIN_MS);
  if (!claimed) return { dry_run: false, action: toAction(row) };
  return { dry_run: false, action: toAction(await send(deps, ctx, row, prepared)) };
}

/**
 * One governed write: idempotent by the request's key, decided by policy (an approval checked
 * too), stored as an action, carried by the connector with the key, audited at every step, and
 * registered with what undoes it. Denied or awaiting approval come back as the action; a failed
 * write throws RetryableActionError or PermanentActionError after recording the failure.
 */
export async function executeAction(
  deps: ExecuteDeps,
  ctx: WriteContext,
  input: ActionRequestInput,
  options: ExecuteOptions = {},
): Promise<ActionOutcome> {
  const request = parseRequest(input);
  try {
    return await executeOnce(deps, ctx, request, options);
  } catch (error) {
    // The same write arriving twice at once: the other one stored the action first; go by it.
    if (isUniqueViolation(error)) return executeOnce(deps, ctx, request, options);
    throw error;
  }
}
