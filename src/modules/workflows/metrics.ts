import { sql } from "drizzle-orm";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { Database } from "../../platform/db/database.ts";
import { withSystem } from "../../platform/db/tenant-scope.ts";

export type FlowMetrics = {
  stepFinished(flow: string, step: string, outcome: "ok" | "failed", ms: number): void;
  runStarted(flow: string): void;
  runEnded(flow: string, status: "succeeded" | "failed" | "parked" | "cancelled"): void;
  sweepFinished(ms: number): void;
};

/**
 * Prometheus metrics of the flows: step latency and failures per flow and step, runs started and
 * ended, and — read when scraped — how much waits: runs parked at a wait, resolved waits not yet
 * dispatched (and the oldest one's age), open and overdue tasks, pending notifications.
 */
export function createFlowMetrics(registry: Registry, db: Database, clock: () => Date): FlowMetrics {
  const steps = new Histogram({
    name: "crossdock_workflow_step_duration_seconds",
    help: "Workflow step latency, by flow, step and outcome",
    labelNames: ["flow", "step", "outcome"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const failures = new Counter({
    name: "crossdock_workflow_step_failures_total",
    help: "Workflow steps that failed for good (after retries), by flow and step",
    labelNames: ["flow", "step"],
    registers: [registry],
  });
  const started = new Counter({
    name: "crossdock_workflow_runs_started_total",
    help: "Runs started, by flow",
    labelNames: ["flow"],
    registers: [registry],
  });
  const ended = new Counter({
    name: "crossdock_workflow_runs_ended_total",
    help: "Runs ended, by flow and status",
    labelNames: ["flow", "status"],
    registers: [registry],
  });
  const sweeps = new Histogram({
    name: "crossdock_workflow_sweep_duration_seconds",
    help: "One pass of the sweeper: due timers and deadlines, escalations, stragglers, notifications",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: "crossdock_workflow_queue_depth",
    help: "Work waiting, by kind: runs waiting, resolved waits not dispatched, open and overdue tasks, pending notifications",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      const now = clock().toISOString();
      const counts = await withSystem(db, async (tx) => {
        const result = await tx.execute(sql`select
            (select count(*) from workflows.runs where status = 'waiting') as waiting_runs,
            (select count(*) from workflows.waits where resolved_at is not null and dispatched_at is null and resume_stage is not null) as undispatched,
            (select count(*) from workflows.tasks where status = 'open') as open_tasks,
            (select count(*) from workflows.tasks where status = 'open' and due_at < ${now}) as overdue_tasks,
            (select count(*) from workflows.notifications where status = 'pending') as pending_notifications`);
        return result.rows[0] as Record<string, string>;
      });
      for (const [kind, value] of Object.entries(counts)) this.set({ kind }, Number(value));
    },
  });
  new Gauge({
    name: "crossdock_workflow_dispatch_age_seconds",
    help: "Age of the oldest resolved wait whose next stage has not started",
    registers: [registry],
    async collect() {
      const now = clock();
      const oldest = await withSystem(db, async (tx) => {
        const result = await tx.execute(sql`select min(resolved_at) as oldest from workflows.waits
           where resolved_at is not null and dispatched_at is null and resume_stage is not null`);
        return (result.rows[0] as { oldest: string | null }).oldest;
      });
      this.set(oldest ? Math.max(0, (now.getTime() - new Date(oldest).getTime()) / 1000) : 0);
    },
  });
  return {
    stepFinished(flow, step, outcome, ms) {
      // Step names carry ids after a colon (compensate:…); the label keeps the kind of step only.
      const name = step.split(":")[0] ?? step;
      steps.observe({ flow, step: name, outcome }, ms / 1000);
      if (outcome === "failed") failures.inc({ flow, step: name });
    },
    runStarted: (flow) => started.inc({ flow }),
    runEnded: (flow, status) => ended.inc({ flow, status }),
    sweepFinished: (ms) => sweeps.observe(ms / 1000),
  };
}
