import { DBOS, type WorkflowHandle } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { type AnyFlow, flowKey } from "./flow-definition.ts";
import { TERMINAL_STATUSES } from "./run-rows.ts";
import { type HandOff, handOff, type Runtime, segmentWorkflow, takeHandOff } from "./runtime.ts";

type ResolvedWait = {
  seq: number;
  resume_stage: string;
  resume_payload: unknown;
  flow: string;
  flow_version: number;
  status: string;
};

/**
 * Starts the next stage of a run whose wait has been resolved: segment `<seq>+1` as the durable
 * workflow `<run id>.<seq+1>`. Starting the same segment twice is one start (DBOS keys runs by id),
 * so whoever resolves a wait dispatches at once, and the sweeper catches any that a crash left behind.
 * Returns the handles of the segments started, each settling when its stage ends.
 */
export async function dispatchRun(rt: Runtime, tenantId: string, runId: string): Promise<WorkflowHandle<void>[]> {
  const resolved = await withTenant(rt.db, tenantId, (tx) =>
    rows<ResolvedWait>(
      tx,
      sql`select w.seq, w.resume_stage, w.resume_payload, r.flow, r.flow_version, r.status
            from workflows.waits w join workflows.runs r on r.id = w.run_id
           where w.run_id = ${runId} and w.resolved_at is not null and w.dispatched_at is null and w.resume_stage is not null
           order by w.seq`,
    ),
  );
  const started: WorkflowHandle<void>[] = [];
  for (const wait of resolved) {
    if (!TERMINAL_STATUSES.has(wait.status)) {
      const key = flowKey(wait.flow, wait.flow_version);
      const workflow = segmentWorkflow(key);
      if (!workflow) {
        rt.logger.error({ runId, flow: key }, "a run waits for a flow version this process does not have; it stays undispatched");
        continue;
      }
      const segment = wait.seq + 1;
      const handle = await DBOS.startWorkflow(workflow, { workflowID: `${runId}.${segment}` })({
        tenantId,
        runId,
        flowKey: key,
        stage: wait.resume_stage,
        resumed: wait.resume_payload,
        segment,
      });
      started.push(handle);
      // The segment marks its wait dispatched as it begins; until then, a sweep may start it again (a no-op).
      continue;
    }
    await withTenant(rt.db, tenantId, (tx) =>
      tx.execute(
        sql`update workflows.waits set dispatched_at = ${rt.clock().toISOString()} where run_id = ${runId} and seq = ${wait.seq}`,
      ),
    );
  }
  return started;
}

/**
 * Starts the first stage of a run `startRun` records, handing it `handed`: the input the run is
 * recorded with and whether that recording committed (the stage does nothing before it knows); the
 * stage leaves the finished run there.
 */
export async function startFirstStage(
  tenantId: string,
  runId: string,
  flow: AnyFlow,
  handed: HandOff,
): Promise<WorkflowHandle<void>> {
  const key = flowKey(flow.name, flow.version);
  const workflow = segmentWorkflow(key);
  if (!workflow) throw new Error(`No flow ${key} is registered in this process`);
  handOff(runId, handed);
  try {
    return await DBOS.startWorkflow(workflow, { workflowID: `${runId}.1` })({
      tenantId,
      runId,
      flowKey: key,
      stage: "start",
      resumed: null,
      segment: 1,
    });
  } finally {
    // Taken as the stage began; still here if DBOS did not run it (a workflow of that id existed).
    takeHandOff(runId);
  }
}

/**
 * Settles when the started segments have ended (however they ended), or after `ms`, whichever is
 * first; true if they all ended in time.
 */
export async function stagesEnded(started: WorkflowHandle<void>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([
    Promise.allSettled(started.map((handle) => handle.getResult())),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    }),
  ]);
  clearTimeout(timer);
  return ended !== undefined;
}
