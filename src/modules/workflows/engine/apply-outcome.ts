import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows, withTenant, writeAsTenant } from "../../../platform/db/tenant-scope.ts";
import { type RunRow, toRunWithoutInput } from "../runs/run-rows.ts";
import { insertTask } from "../tasks/new-task.ts";
import type { StageOutcome } from "./flow-definition.ts";
import type { RunContext } from "./run-context.ts";
import { appendRunEvent } from "./run-events.ts";
import { TERMINAL_STATUSES } from "./run-rows.ts";
import type { FinishedRun, Runtime } from "./runtime.ts";

/**
 * The wait that started this segment has been dispatched: a first segment is started straight
 * from the run's start, and says so here, with its first write (until then, the sweeper would
 * start it again after a crash; starting a running segment again is a no-op in DBOS).
 */
export async function markTriggerDispatched(tx: Tx, runId: string, segment: number, now: Date): Promise<void> {
  await tx.execute(sql`update workflows.waits set dispatched_at = ${now.toISOString()}
                        where run_id = ${runId} and seq = ${segment - 1} and dispatched_at is null`);
}

const plus = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

/**
 * Ends a stage durably, in one transaction: the run finishes, or it parks at a wait (creating the
 * task it waits for) with its state saved. Nothing stays in memory: the wait is a row, and the
 * next stage starts when it is resolved.
 */
export async function applyOutcome(
  rt: Runtime,
  run: RunContext<unknown, unknown>,
  outcome: StageOutcome,
): Promise<{ taskId: string | null; run: FinishedRun | null }> {
  if (outcome.type === "finish") return finishRun(rt, run, outcome.output ?? null);
  const now = rt.clock();
  const state = JSON.stringify(run.state);
  return withTenant(rt.db, run.tenantId, async (tx) => {
    const base = { tenantId: run.tenantId, runId: run.runId };
    // Done already: the step ran, then the process died before DBOS recorded it.
    const [done] = await rows<{ status: string; task_id: string | null; waited: boolean }>(
      tx,
      sql`select r.status, w.task_id, w.seq is not null as waited
            from workflows.runs r left join workflows.waits w on w.run_id = r.id and w.seq = ${run.segment}
           where r.id = ${run.runId}`,
    );
    if (done && (done.waited || TERMINAL_STATUSES.has(done.status))) return { taskId: done.task_id, run: null };
    await markTriggerDispatched(tx, run.runId, run.segment, now);
    switch (outcome.type) {
      case "wait_task": {
        const taskId = await insertTask(tx, {
          tenantId: run.tenantId,
          runId: run.runId,
          flow: run.flow,
          task: outcome.task,
          now,
          requestedBy: outcome.task.requestedBy ?? { type: run.actor.type, id: run.actor.id, label: run.actor.label ?? null },
        });
        const deadline = outcome.expireAfterSeconds && outcome.onExpire ? plus(now, outcome.expireAfterSeconds) : null;
        await tx.execute(sql`
          insert into workflows.waits (tenant_id, run_id, seq, kind, task_id, then_stage, timeout_stage, deadline, created_at)
          values (${run.tenantId}, ${run.runId}, ${run.segment}, 'task', ${taskId}, ${outcome.next}, ${outcome.onExpire ?? null}, ${deadline}, ${now.toISOString()})`);
        await park(tx, run, outcome.next, state, now);
        await appendRunEvent(tx, {
          ...base,
          kind: "wait",
          label: `Waiting for: ${outcome.task.title}`,
          detail: { task_id: taskId, assignee: outcome.task.assignee, deadline },
        });
        await rt.notifier.taskOpened(tx, { tenantId: run.tenantId, taskId, now });
        return { taskId, run: null };
      }
      case "wait_event": {
        await tx.execute(sql`
          insert into workflows.waits (tenant_id, run_id, seq, kind, event_key, then_stage, timeout_stage, deadline, created_at)
          values (${run.tenantId}, ${run.runId}, ${run.segment}, 'event', ${outcome.key}, ${outcome.next}, ${outcome.onTimeout},
                  ${plus(now, outcome.timeoutSeconds)}, ${now.toISOString()})`);
        await park(tx, run, outcome.next, state, now);
        await appendRunEvent(tx, {
          ...base,
          kind: "wait",
          label: `Waiting for event ${outcome.key}`,
          detail: { event_key: outcome.key, deadline: plus(now, outcome.timeoutSeconds) },
        });
        return { taskId: null, run: null };
      }
      case "sleep": {
        await tx.execute(sql`
          insert into workflows.waits (tenant_id, run_id, seq, kind, then_stage, deadline, resume_payload, created_at)
          values (${run.tenantId}, ${run.runId}, ${run.segment}, 'timer', ${outcome.next}, ${plus(now, outcome.seconds)},
                  ${JSON.stringify(outcome.payload ?? null)}::jsonb, ${now.toISOString()})`);
        await park(tx, run, outcome.next, state, now);
        await appendRunEvent(tx, {
          ...base,
          kind: "wait",
          label: `Sleeping until ${plus(now, outcome.seconds)}`,
          detail: { deadline: plus(now, outcome.seconds) },
        });
        return { taskId: null, run: null };
      }
    }
  });
}

/**
 * Finishes the run in one round trip (workflows.finish_run, in migrations/0006): unless it ended
 * already (a replay after a crash, or a cancel while the stage ran), it succeeds with its output
 * (its timeline's last entry is read from that) and its trigger is marked dispatched; and it answers
 * with the run as it now stands, for whoever waits for this stage.
 */
async function finishRun(
  rt: Runtime,
  run: RunContext<unknown, unknown>,
  output: unknown,
): Promise<{ taskId: null; run: FinishedRun | null }> {
  const [result] = await writeAsTenant(
    rt.db,
    run.tenantId,
    [
      sql`select workflows.finish_run(${run.runId}, ${run.segment}, ${JSON.stringify(run.state)}::jsonb,
            ${JSON.stringify(output)}::jsonb, ${rt.clock().toISOString()}) as summary`,
    ],
    // DBOS records the segment's end next, and its commit flushes this one; lost together in a
    // crash, the segment runs again and finishes the run again.
    { flushedByNextCommit: true },
  );
  const summary = result?.rows[0]?.summary as Omit<RunRow, "input" | "segment"> | null | undefined;
  if (!summary) return { taskId: null, run: null };
  rt.metrics.runEnded(run.flow, "succeeded");
  return { taskId: null, run: toRunWithoutInput(summary) };
}

async function park(tx: Tx, run: RunContext<unknown, unknown>, next: string, state: string, now: Date) {
  await tx.execute(sql`
    update workflows.runs set status = 'waiting', stage = ${next}, state = ${state}::jsonb, updated_at = ${now.toISOString()}
     where id = ${run.runId}`);
}
