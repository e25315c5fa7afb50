import { DBOS } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { flowKey } from "./flow-definition.ts";
import { TERMINAL_STATUSES } from "./run-rows.ts";
import { type Runtime, segmentWorkflow } from "./runtime.ts";

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
 */
export async function dispatchRun(rt: Runtime, tenantId: string, runId: string): Promise<number> {
  const resolved = await withTenant(rt.db, tenantId, (tx) =>
    rows<ResolvedWait>(
      tx,
      sql`select w.seq, w.resume_stage, w.resume_payload, r.flow, r.flow_version, r.status
            from workflows.waits w join workflows.runs r on r.id = w.run_id
           where w.run_id = ${runId} and w.resolved_at is not null and w.dispatched_at is null and w.resume_stage is not null
           order by w.seq`,
    ),
  );
  let started = 0;
  for (const wait of resolved) {
    if (!TERMINAL_STATUSES.has(wait.status)) {
      const key = flowKey(wait.flow, wait.flow_version);
      const workflow = segmentWorkflow(key);
      if (!workflow) {
        rt.logger.error({ runId, flow: key }, "a run waits for a flow version this process does not have; it stays undispatched");
        continue;
      }
      const segment = wait.seq + 1;
      await DBOS.startWorkflow(workflow, { workflowID: `${runId}.${segment}` })({
        tenantId,
        runId,
        flowKey: key,
        stage: wait.resume_stage,
        resumed: wait.resume_payload,
        segment,
      });
      started += 1;
    }
    await withTenant(rt.db, tenantId, (tx) =>
      tx.execute(
        sql`update workflows.waits set dispatched_at = ${rt.clock().toISOString()} where run_id = ${runId} and seq = ${wait.seq}`,
      ),
    );
  }
  return started;
}
