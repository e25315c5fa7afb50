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
    const found = await rows<RunEvent & { at: string }>(
      tx,
      sql`select at, kind, label, detail, actor, actor_label from workflows.run_events where run_id = ${runId} order by at, id`,
    );
    return { run: toRun(row), events: found.map((event) => ({ ...event, at: iso(event.at) })), segments: row.segment };
  });
  const timeline = [...events];
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
    timeline.sort((a, b) => a.at.localeCompare(b.at));
  }
  return { run, timeline, segments };
}
