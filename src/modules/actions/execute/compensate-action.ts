import type { WriteContext } from "../../../platform/actor.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Action, ActionFailure, Compensation } from "../contract/index.ts";
import { ActionError, ActionNotFoundError, PermanentActionError } from "../errors.ts";
import { findById, recordTransition, toAction, updateAction } from "./action-rows.ts";
import type { ExecuteDeps } from "./execute-action.ts";

/**
 * Undoes a succeeded write with the compensation registered when it succeeded, through the same
 * connector and under its own idempotency key; done once (a compensated action is returned as it
 * is). Compensation is not decided by policy again: it restores what was there before a write
 * policy allowed. A failure is recorded (`compensation_failed`, with the error) and thrown as a
 * PermanentActionError, for a person to look at; calling again tries again.
 */
export async function compensateAction(deps: ExecuteDeps, ctx: WriteContext, actionId: string, reason: string): Promise<Action> {
  const row = await withTenant(deps.db, ctx.tenantId, (tx) => findById(tx, ctx.tenantId, actionId));
  if (!row) throw new ActionNotFoundError(actionId);
  const action = toAction(row);
  if (action.status === "compensated") return action;
  if (action.status !== "succeeded" && action.status !== "compensation_failed") {
    throw new AppError("conflict", `Only a written action can be undone; action ${actionId} is ${action.status}`);
  }
  const compensation = action.compensation;
  if (!compensation || !row.connector_id) {
    const error = new PermanentActionError(
      "not_compensable",
      `Action ${actionId} (${action.kind}) has nothing registered that undoes it`,
    );
    error.actionId = actionId;
    throw error;
  }

  try {
    const connector = await deps.connectors.openById(ctx.tenantId, row.connector_id);
    const result = await connector.adapter.compensate(compensation, {
      tenantId: ctx.tenantId,
      idempotencyKey: compensation.idempotency_key,
    });
    const done: Compensation = { ...compensation, reason, result, error: null };
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const updated = await updateAction(tx, ctx.tenantId, actionId, {
        status: "compensated",
        compensation: done,
        compensated: true,
      });
      await recordTransition(tx, ctx, updated, "action.compensated", {
        reason,
        compensation: { kind: done.kind, result: result.summary },
      });
      return toAction(updated);
    });
  } catch (thrown) {
    const cause = thrown instanceof ActionError ? thrown : null;
    const failure: ActionFailure = {
      code: cause?.code ?? "compensation_failed",
      message: (thrown as Error).message,
      retryable: cause?.retryable ?? false,
      status: cause?.upstreamStatus ?? null,
      at: new Date().toISOString(),
    };
    await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const updated = await updateAction(tx, ctx.tenantId, actionId, {
        status: "compensation_failed",
        compensation: { ...compensation, reason, error: failure },
      });
      await recordTransition(tx, ctx, updated, "action.compensation_failed", { reason, error: failure });
    });
    const error = new PermanentActionError("compensation_failed", `Undoing action ${actionId} failed: ${failure.message}`, {
      upstreamStatus: failure.status,
      cause: thrown,
    });
    error.actionId = actionId;
    throw error;
  }
}
