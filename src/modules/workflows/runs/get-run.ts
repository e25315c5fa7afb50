import { DBOS } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant, rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Run, RunEvent } from "../contract/index.ts";
import { type RunRow, toRun } from "./run-rows.ts";

const iso = (value: unknown) => new Date(value as string).toISOString();

/** The engine's own bookkeeping steps; the timeline shows the flow's steps. */
const BOOKKEEPING = new Set(["run.begin", "run.outcome", "run.failure", "run.failed", "run.park", "run.resolved", "now"]);

/** An entry and where it goes in the timeline before its time: 0 the start, 1 between (the default), 2 the finish. */
type Placed = RunEvent & { place?: number };

/** A run as listed, without its timeline: one read. */
export async function getRunSummary(db: Database, tenantId: string, runId: string): Promise<Run> {
  const [row] = await readAsTenant<RunRow>(db, tenantId, sql`select * from workflows.run_summaries r where r.id = ${runId}`, {
    name: "workflows.run-summary",
  });
  if (!row) throw new AppError("not_found", `Run ${runId} was not found`);
  return toRun(row);
}

/**
 * A run and its timeline: what the engine recorded (stages, waits, decisions, compensations,
 * failures) merged with every step each stage ran, as DBOS recorded them (name, start, end,
 * error), oldest first.
 */
export async function getRun(
  db: Database,
  tenantId: string,
  runId: string,
  options: { steps: boolean },
): Promise<{ run: Run; timeline: RunEvent[]; segments: number }> {
  const { run, events, segments } = await withTenant(db, tenantId, async (tx) => {
    const [row] = await rows<RunRow>(tx, sql`select * from workflows.run_summaries r where r.id = ${runId}`);
    if (!row) throw new AppError("not_found", `Run ${runId} was not found`);
    // The first and last entries come from the run's row (migrations/0006), around what was stored;
    // a run recorded before then has them stored.
    const found = await rows<Placed & { id: string | null }>(
      tx,
      sql`select r.created_at as at, 'started' as kind, r.started_label as label, '{}'::jsonb as detail,
                 r.started_by as actor, r.started_by_label as actor_label, 0 as place, null as id
            from workflows.runs r where r.id = ${runId} and r.started_label is not null
          union all
          select at, kind, label, detail, actor, actor_label, 1, id from workflows.run_events where run_id = ${runId}
          union all
          select r.ended_at, 'succeeded', 'Finished', jsonb_build_object('output', r.output), null, null, 2, null
            from workflows.runs r
           where r.id = ${runId} and r.status = 'succeeded'
             and not exists (select 1 from workflows.run_events e where e.run_id = r.id and e.kind = 'succeeded')
          order by place, at, id`,
    );
    const events = found.map(({ id: _, ...event }): Placed => ({ ...event, at: iso(event.at) }));
    return { run: toRun(row), events, segments: row.segment };
  });
  const timeline: Placed[] = [...events];
  if (options.steps) {
    for (let segment = 1; segment <= segments; segment++) {
      const steps = (await DBOS.listWorkflowSteps(`${runId}.${segment}`).catch(() => undefined)) ?? [];
      for (const step of steps) {
        if (BOOKKEEPING.has(step.name) || step.name.startsWith("DBOS.")) continue;
        const failed = step.error !== null && step.error !== undefined;
        timeline.push({
          at: new Date(step.startedAtEpochMs ?? step.completedAtEpochMs ?? 0).toISOString(),
          kind: failed ? "step_failed" : "step",
          label: step.name,
          detail: {
            segment,
            duration_ms:
              step.startedAtEpochMs && step.completedAtEpochMs ? step.completedAtEpochMs - step.startedAtEpochMs : null,
            ...(failed ? { error: step.error instanceof Error ? step.error.message : String(step.error) } : {}),
          },
          actor: null,
          actor_label: null,
        });
      }
    }
    // The start first and the finish last whatever their clocks say (a test's clock may run ahead).
    timeline.sort((a, b) => (a.place ?? 1) - (b.place ?? 1) || a.at.localeCompare(b.at));
  }
  return { run, timeline: timeline.map(({ place: _, ...event }) => event), segments };
}
