import { DBOS } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import type { TaskOption } from "../contract/index.ts";
import { insertTask } from "../tasks/new-task.ts";
import { markTriggerDispatched } from "./apply-outcome.ts";
import { describeError, isRetryable } from "./errors.ts";
import type { AnyFlow } from "./flow-definition.ts";
import { pendingCompensations, type RunContext, StepFailedError, setPendingCompensations } from "./run-context.ts";
import { appendRunEvent } from "./run-events.ts";
import type { Runtime } from "./runtime.ts";

/** The stage a parked run's review task resumes: retry the compensations, or a person says it is resolved. */
export const PARKED_STAGE = "__parked";

const PARKED_OPTIONS: TaskOption[] = [
  { id: "retry", label: "Retry the compensation", approves: false, requires_comment: false },
  { id: "resolved", label: "Resolved by hand: close the run", approves: false, requires_comment: true },
];

/**
 * A stage failed for good: undo what the run did, newest first, each compensation a durable step
 * with retries. All undone: the run is `failed`. A compensation that fails too parks the run for a
 * person, with the reason and a review task (retry, or resolved by hand), keeping what is left to undo.
 */
export async function compensateAndFail(rt: Runtime, flow: AnyFlow, run: RunContext<unknown, unknown>, error: unknown) {
  const message = describeError(error);
  const failedStep = error instanceof StepFailedError ? error.step : null;
  await DBOS.runStep(
    () =>
      withTenant(rt.db, run.tenantId, async (tx) => {
        await appendRunEvent(tx, {
          tenantId: run.tenantId,
          runId: run.runId,
          kind: "step_failed",
          label: failedStep ? `Step ${failedStep} failed` : `Stage ${run.stage} failed`,
          detail: { error: message, stage: run.stage, step: failedStep, retryable: isRetryable(error) },
        });
        await tx.execute(sql`update workflows.runs set error = ${message}, failed_stage = ${run.stage}, failed_segment = ${run.segment},
                                    updated_at = ${rt.clock().toISOString()} where id = ${run.runId}`);
        await markTriggerDispatched(tx, run.runId, run.segment, rt.clock());
      }),
    { name: "run.failure" },
  );
  await undoAll(rt, flow, run, message);
}

/** Runs the pending compensations; parks the run if one fails, else marks it failed with `error`. */
export async function undoAll(rt: Runtime, flow: AnyFlow, run: RunContext<unknown, unknown>, error: string) {
  const pending = pendingCompensations(run.state);
  while (pending.length > 0) {
    const next = pending.at(-1) as (typeof pending)[number];
    const compensator = flow.compensators?.[next.with];
    try {
      if (!compensator) throw new Error(`The flow has no compensator "${next.with}"`);
      await run.step(`compensate:${next.with}:${next.step}`, async () => {
        await compensator(run, next.data);
        await withTenant(rt.db, run.tenantId, (tx) =>
          appendRunEvent(tx, {
            tenantId: run.tenantId,
            runId: run.runId,
            kind: "compensation",
            label: `Undid ${next.step} (${next.with})`,
            detail: { data: next.data as Record<string, unknown> },
          }),
        );
      });
      pending.pop();
      setPendingCompensations(run.state, pending);
    } catch (failure) {
      await DBOS.runStep(() => park(rt, run, next, describeError(failure), error), { name: "run.park" });
      return;
    }
  }
  await DBOS.runStep(
    () =>
      withTenant(rt.db, run.tenantId, async (tx) => {
        const now = rt.clock().toISOString();
        await tx.execute(sql`
          update workflows.runs set status = 'failed', error = ${error}, state = ${JSON.stringify(run.state)}::jsonb,
                 updated_at = ${now}, ended_at = ${now}
           where id = ${run.runId}`);
        await appendRunEvent(tx, {
          tenantId: run.tenantId,
          runId: run.runId,
          kind: "failed",
          label: "Failed",
          detail: { error },
        });
        rt.metrics.runEnded(run.flow, "failed");
      }),
    { name: "run.failed" },
  );
}

async function park(
  rt: Runtime,
  run: RunContext<unknown, unknown>,
  compensation: { with: string; step: string },
  failure: string,
  error: string,
) {
  const reason = `Undoing ${compensation.step} (${compensation.with}) failed: ${failure}`;
  const now = rt.clock();
  await withTenant(rt.db, run.tenantId, async (tx) => {
    const [exists] = (await tx.execute(sql`select 1 from workflows.waits where run_id = ${run.runId} and seq = ${run.segment}`))
      .rows;
    if (exists) return;
    const taskId = await insertTask(tx, {
      tenantId: run.tenantId,
      runId: run.runId,
      flow: run.flow,
      now,
      requestedBy: { type: run.actor.type, id: run.actor.id, label: run.actor.label ?? null },
      task: {
        kind: "review",
        title: `Parked run needs a person: ${run.flow}`,
        summary: `${reason}. The run failed first with: ${error}. Retry the compensation, or undo it by hand and close the run.`,
        assignee: { type: "role", id: "operations_manager" },
        options: PARKED_OPTIONS,
      },
    });
    await tx.execute(sql`
      insert into workflows.waits (tenant_id, run_id, seq, kind, task_id, then_stage, created_at)
      values (${run.tenantId}, ${run.runId}, ${run.segment}, 'task', ${taskId}, ${PARKED_STAGE}, ${now.toISOString()})`);
    await tx.execute(sql`
      update workflows.runs set status = 'parked', parked_reason = ${reason}, error = ${error}, state = ${JSON.stringify(run.state)}::jsonb,
             stage = ${PARKED_STAGE}, updated_at = ${now.toISOString()}
       where id = ${run.runId}`);
    await appendRunEvent(tx, {
      tenantId: run.tenantId,
      runId: run.runId,
      kind: "parked",
      label: "Parked for a person",
      detail: { reason, task_id: taskId },
    });
    await rt.notifier.taskOpened(tx, { tenantId: run.tenantId, taskId, now });
    rt.metrics.runEnded(run.flow, "parked");
  });
}
