import { DBOS, Error as DBOSErrors } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { applyOutcome } from "./apply-outcome.ts";
import { beginSegment } from "./begin-segment.ts";
import { PermanentError } from "./errors.ts";
import { compensateAndFail, PARKED_STAGE, undoAll } from "./fail-run.ts";
import type { StageOutcome } from "./flow-definition.ts";
import { createRunContext } from "./run-context.ts";
import { appendRunEvent } from "./run-events.ts";
import { flowDefinition, runtime, type SegmentArgs } from "./runtime.ts";

/** The decision a resumed stage receives from a task. */
type TaskResumption = {
  task_id: string;
  option: string;
  decision: { by: { user_id: string; label: string }; comment: string | null };
};

/**
 * One stage of a run, as one durable workflow (`<run id>.<segment>`): load the run, run the stage,
 * and end it durably — finished, waiting, or failed and compensated. A crash anywhere resumes here
 * from the last finished step.
 */
export async function runSegment(args: SegmentArgs): Promise<void> {
  const rt = runtime();
  const flow = flowDefinition(args.flowKey);
  if (!flow) throw new Error(`No flow ${args.flowKey} is registered in this process`);
  const loaded = await beginSegment(rt, args);
  if (!loaded) return;
  const run = createRunContext<unknown, unknown>({
    runtime: rt,
    runId: args.runId,
    tenantId: args.tenantId,
    flow: flow.name,
    stage: args.stage,
    segment: args.segment,
    input: loaded.input,
    state: loaded.state,
  });

  if (args.stage === PARKED_STAGE) {
    const resumption = args.resumed as TaskResumption;
    if (resumption.option === "retry") {
      await undoAll(rt, flow, run, loaded.error ?? "failed");
      return;
    }
    await DBOS.runStep(
      () =>
        withTenant(rt.db, args.tenantId, async (tx) => {
          const now = rt.clock().toISOString();
          await tx.execute(
            sql`update workflows.runs set status = 'failed', parked_reason = null, updated_at = ${now}, ended_at = ${now} where id = ${args.runId}`,
          );
          await appendRunEvent(tx, {
            tenantId: args.tenantId,
            runId: args.runId,
            kind: "failed",
            label: "Closed: resolved by hand",
            detail: { comment: resumption.decision.comment },
            actor: { type: "user", id: resumption.decision.by.user_id, label: resumption.decision.by.label },
          });
        }),
      { name: "run.resolved" },
    );
    return;
  }

  let outcome: StageOutcome;
  try {
    const stage = flow.stages[args.stage];
    if (!stage) throw new PermanentError(`The flow ${flow.name} v${flow.version} has no stage "${args.stage}"`);
    outcome = await stage(run, args.resumed);
  } catch (error) {
    if (error instanceof DBOSErrors.DBOSWorkflowCancelledError) throw error;
    await compensateAndFail(rt, flow, run, error);
    return;
  }
  // Not a recorded step: applying an outcome twice (a crash before DBOS recorded the end) is a no-op.
  const { run: finished } = await applyOutcome(rt, run, outcome);
  if (finished && loaded.handOff) loaded.handOff.finished = finished;
}
