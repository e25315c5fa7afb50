import { DBOS } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { appendAudit } from "../../governance/index.ts";
import { appendRunEvent } from "../engine/run-events.ts";
import { TERMINAL_STATUSES } from "../engine/run-rows.ts";
import { appendTaskEvent } from "../tasks/task-events.ts";

/**
 * Stops a run for good, with the reason: its waits are closed without continuing, its open tasks
 * cancelled, and a stage running now is cancelled at its next step. What it already wrote stays;
 * undoing that is a person's call (the timeline shows what was written where).
 */
export async function cancelRun(
  deps: { db: Database; clock: () => Date },
  ctx: WriteContext,
  runId: string,
  reason: string,
): Promise<void> {
  const now = deps.clock().toISOString();
  const segment = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [run] = await rows<{ status: string; segment: number }>(
      tx,
      sql`select status, segment from workflows.runs where id = ${runId} for update`,
    );
    if (!run) throw new AppError("not_found", `Run ${runId} was not found`);
    if (TERMINAL_STATUSES.has(run.status))
      throw new AppError("conflict", `The run has already ${run.status === "cancelled" ? "been cancelled" : run.status}`);
    await tx.execute(
      sql`update workflows.runs set status = 'cancelled', updated_at = ${now}, ended_at = ${now} where id = ${runId}`,
    );
    await tx.execute(sql`update workflows.waits set resolved_at = ${now}, resume_stage = null, dispatched_at = ${now}
                          where run_id = ${runId} and resolved_at is null`);
    const tasks = await rows<{ id: string }>(
      tx,
      sql`update workflows.tasks set status = 'cancelled', updated_at = ${now} where run_id = ${runId} and status = 'open' returning id`,
    );
    for (const task of tasks) {
      await appendTaskEvent(tx, {
        tenantId: ctx.tenantId,
        taskId: task.id,
        kind: "cancelled",
        actor: { type: ctx.actor.type, id: ctx.actor.id, label: ctx.actor.label ?? null },
        at: new Date(now),
        comment: reason,
      });
    }
    // Who stopped the run is the event's actor: the timeline names them.
    await appendRunEvent(tx, {
      tenantId: ctx.tenantId,
      runId,
      kind: "cancelled",
      label: "Cancelled",
      detail: { reason },
      actor: ctx.actor,
    });
    await appendAudit(tx, {
      ...ctx,
      action: "workflow.cancelled",
      resourceType: "workflow_run",
      resourceId: runId,
      data: { reason },
    });
    return run.segment;
  });
  if (segment > 0) await DBOS.cancelWorkflow(`${runId}.${segment}`).catch(() => undefined);
}
