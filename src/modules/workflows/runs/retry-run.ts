import { DBOS } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { appendAudit } from "../../governance/index.ts";
import { appendRunEvent } from "../engine/run-events.ts";

/** DBOS states in which a stage is no longer running and will not resume by itself. */
const DEAD = new Set(["ERROR", "CANCELLED", "MAX_RECOVERY_ATTEMPTS_EXCEEDED"]);

/**
 * Runs a stage again, with the reason: a `failed` run from the stage that failed (its
 * compensations have already run); a `running` run whose stage is stuck (its durable workflow
 * ended in error or was cancelled) from that stage. A parked run is retried through its review
 * task. The retried stage is a new segment, with new idempotency keys: it writes afresh.
 */
export async function retryRun(
  deps: { db: Database; clock: () => Date },
  ctx: WriteContext,
  runId: string,
  reason: string,
): Promise<void> {
  const [current] = await withTenant(deps.db, ctx.tenantId, (tx) =>
    rows<{ status: string; segment: number }>(tx, sql`select status, segment from workflows.runs where id = ${runId}`),
  );
  if (!current) throw new AppError("not_found", `Run ${runId} was not found`);
  if (current.status === "running") {
    const status = await DBOS.getWorkflowStatus(`${runId}.${current.segment}`);
    if (status && !DEAD.has(status.status)) {
      throw new AppError("conflict", `The run's stage is still ${status.status.toLowerCase()}; cancel the run, or wait for it`);
    }
  }
  const now = deps.clock().toISOString();
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [run] = await rows<{
      status: string;
      stage: string;
      segment: number;
      failed_stage: string | null;
      failed_segment: number | null;
    }>(tx, sql`select status, stage, segment, failed_stage, failed_segment from workflows.runs where id = ${runId} for update`);
    if (!run) throw new AppError("not_found", `Run ${runId} was not found`);
    if (run.status === "parked")
      throw new AppError("conflict", "A parked run is retried from its review task (retry the compensation, or close it)");
    if (run.status !== "failed" && run.status !== "running")
      throw new AppError("conflict", `A ${run.status} run cannot be retried`);
    const stage = run.status === "failed" ? run.failed_stage : run.stage;
    const from = run.status === "failed" ? run.failed_segment : run.segment;
    if (!stage || !from) throw new AppError("conflict", "The run has no failed stage to retry");
    const [taken] = await rows(tx, sql`select 1 from workflows.waits where run_id = ${runId} and seq = ${run.segment}`);
    if (taken) throw new AppError("conflict", "The run is waiting, not stuck: decide its task or cancel it");
    const [origin] = await rows<{ resume_payload: unknown }>(
      tx,
      sql`select resume_payload from workflows.waits where run_id = ${runId} and seq = ${from - 1}`,
    );
    await tx.execute(sql`
      insert into workflows.waits (tenant_id, run_id, seq, kind, then_stage, created_at, resolved_at, resume_stage, resume_payload)
      values (${ctx.tenantId}, ${runId}, ${run.segment}, 'timer', ${stage}, ${now}, ${now}, ${stage}, ${JSON.stringify(origin?.resume_payload ?? null)}::jsonb)`);
    await tx.execute(
      sql`update workflows.runs set status = 'running', error = null, ended_at = null, updated_at = ${now} where id = ${runId}`,
    );
    await appendRunEvent(tx, {
      tenantId: ctx.tenantId,
      runId,
      kind: "retried",
      label: `Retried stage ${stage}`,
      detail: { reason },
      actor: ctx.actor,
    });
    await appendAudit(tx, {
      ...ctx,
      action: "workflow.retried",
      resourceType: "workflow_run",
      resourceId: runId,
      data: { reason, stage },
    });
  });
  if (current.status === "running") await DBOS.cancelWorkflow(`${runId}.${current.segment}`).catch(() => undefined);
}
