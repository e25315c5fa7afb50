import { sql } from "drizzle-orm";
import { probeQueues } from "../../../platform/db/queue-probe.ts";
import { rows, withSystem } from "../../../platform/db/tenant-scope.ts";
import { repeatEvery } from "../../../platform/repeat-every.ts";
import { dueNotifications } from "../notify/notifier.ts";
import { escalateOverdueTasks, overdueTasks } from "../tasks/escalate-tasks.ts";
import { appendTaskEvent } from "../tasks/task-events.ts";
import { dispatchRun } from "./dispatch.ts";
import { appendRunEvent } from "./run-events.ts";
import type { Runtime } from "./runtime.ts";

type Expired = {
  tenant_id: string;
  run_id: string;
  seq: number;
  kind: "task" | "event" | "timer";
  task_id: string | null;
  timeout_stage: string | null;
};

/** A resolved wait whose next stage did not start within this long is started by the sweeper. */
const STRAGGLER_MS = 2_000;

/** Waits whose deadline has come: timers to wake, tasks and events timing out. */
const isDue = (now: Date) => sql`resolved_at is null and deadline <= ${now.toISOString()}`;
/** Resolved waits whose next stage has not started (a crash between the two). */
const isStraggler = (now: Date) =>
  sql`resolved_at is not null and dispatched_at is null and resume_stage is not null
      and resolved_at <= ${new Date(now.getTime() - STRAGGLER_MS).toISOString()}`;

/**
 * The durable timers, without a process per timer: every pass resolves the waits whose deadline
 * has come (timers wake, waits time out, their tasks expire), escalates overdue tasks, starts the
 * next stage of any run a crash left resolved but not started, and sends due notifications. It asks
 * first, in one round trip, which of these have anything due, and claims only where there is work;
 * rows are claimed with SKIP LOCKED, so several processes can sweep at once.
 */
export async function sweepOnce(
  rt: Runtime,
): Promise<{ expired: number; escalated: number; dispatched: number; notified: number }> {
  const now = rt.clock();
  const due = await probeQueues(rt.db, {
    waits: sql`select 1 from workflows.waits where ${isDue(now)}`,
    tasks: overdueTasks(now),
    stragglers: sql`select 1 from workflows.waits where ${isStraggler(now)}`,
    notifications: dueNotifications(now),
  });
  const toDispatch = new Map<string, string>();
  const expired = due.waits ? await resolveDueWaits(rt, now, toDispatch) : 0;
  const escalated = due.tasks ? await escalateOverdueTasks(rt, now) : 0;
  if (due.stragglers) {
    const started = await withSystem(rt.db, (tx) =>
      rows<{ tenant_id: string; run_id: string }>(
        tx,
        sql`select distinct tenant_id, run_id from workflows.waits where ${isStraggler(now)} limit 200`,
      ),
    );
    for (const row of started) toDispatch.set(row.run_id, row.tenant_id);
  }
  let dispatched = 0;
  for (const [runId, tenantId] of toDispatch) {
    try {
      dispatched += (await dispatchRun(rt, tenantId, runId)).length;
    } catch (error) {
      rt.logger.error({ err: error, runId }, "could not start a run's next stage; the next pass tries again");
    }
  }
  // An escalation tells people: what it queued goes out in this pass too.
  const notified = due.notifications || escalated > 0 ? await rt.notifier.deliverDue(now) : 0;
  return { expired, escalated, dispatched, notified };
}

/** Resolves the waits whose deadline has come, adding their runs to `toDispatch`; how many. */
async function resolveDueWaits(rt: Runtime, now: Date, toDispatch: Map<string, string>): Promise<number> {
  return withSystem(rt.db, async (tx) => {
    const due = await rows<Expired>(
      tx,
      sql`select tenant_id, run_id, seq, kind, task_id, timeout_stage from workflows.waits
       where ${isDue(now)} order by deadline limit 200 for update skip locked`,
    );
    for (const wait of due) {
      if (wait.kind === "timer") {
        await tx.execute(sql`update workflows.waits set resolved_at = ${now.toISOString()}, resume_stage = then_stage
                          where run_id = ${wait.run_id} and seq = ${wait.seq}`);
      } else {
        const payload = { timeout: true, task_id: wait.task_id };
        await tx.execute(sql`update workflows.waits set resolved_at = ${now.toISOString()}, resume_stage = ${wait.timeout_stage},
                                resume_payload = ${JSON.stringify(payload)}::jsonb
                          where run_id = ${wait.run_id} and seq = ${wait.seq}`);
        if (wait.task_id) {
          await tx.execute(sql`update workflows.tasks set status = 'expired', updated_at = ${now.toISOString()}
                            where id = ${wait.task_id} and status = 'open'`);
          await appendTaskEvent(tx, {
            tenantId: wait.tenant_id,
            taskId: wait.task_id,
            kind: "expired",
            actor: { type: "system", id: "sla", label: "SLA" },
            at: now,
          });
        }
        await appendRunEvent(tx, {
          tenantId: wait.tenant_id,
          runId: wait.run_id,
          kind: "resumed",
          label: wait.task_id ? "The task expired unanswered" : "The event did not come in time",
          detail: { task_id: wait.task_id, next_stage: wait.timeout_stage },
        });
      }
      toDispatch.set(wait.run_id, wait.tenant_id);
    }
    return due.length;
  });
}

/**
 * Sweeps every `intervalMs` until stopped; a failing pass is logged and the next one tries again.
 * A pass still running when the next is due is not queued behind: that tick is skipped.
 */
export function startSweeper(rt: Runtime, intervalMs: number): { stop(): Promise<void> } {
  return repeatEvery(intervalMs, async () => {
    const started = performance.now();
    await sweepOnce(rt)
      .then(() => rt.metrics.sweepFinished(performance.now() - started))
      .catch((error) => rt.logger.error({ err: error }, "workflow sweep failed"));
  });
}
