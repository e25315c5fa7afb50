import { sql } from "drizzle-orm";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { appendRunEvent } from "./run-events.ts";
import { type LoadedRun, lockRun, TERMINAL_STATUSES } from "./run-rows.ts";
import type { Runtime, SegmentArgs } from "./runtime.ts";

/**
 * Marks the run as running this stage and loads what the stage needs; undefined when the run
 * ended meanwhile (cancelled while the segment was queued, or already finished).
 */
export async function beginSegment(rt: Runtime, args: SegmentArgs): Promise<LoadedRun | undefined> {
  return withTenant(rt.db, args.tenantId, async (tx) => {
    const run = await lockRun(tx, args.runId);
    if (!run || TERMINAL_STATUSES.has(run.status)) return undefined;
    await tx.execute(sql`
      update workflows.runs set status = 'running', stage = ${args.stage}, segment = ${args.segment}, updated_at = ${rt.clock().toISOString()}
       where id = ${args.runId}`);
    await appendRunEvent(tx, {
      tenantId: args.tenantId,
      runId: args.runId,
      kind: "stage",
      label: `Stage ${args.stage}`,
      detail: { segment: args.segment },
    });
    return run;
  });
}
