import { sql } from "drizzle-orm";
import { readAsTenant, rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { appendRunEvent } from "./run-events.ts";
import { type LoadedRun, TERMINAL_STATUSES } from "./run-rows.ts";
import { type HandOff, type Runtime, type SegmentArgs, takeHandOff } from "./runtime.ts";

type Loaded = LoadedRun & { segment: number; ended: boolean };
/** What a stage starts from, and the hand-off of the start that recorded it in this process, if any. */
type Begun = Pick<LoadedRun, "input" | "state" | "error"> & { handOff?: HandOff };

/**
 * Loads what the stage needs and marks the run as running it; undefined when the run ended
 * meanwhile (cancelled while the segment was queued), or this segment already ended (a crash after
 * its outcome was written, before DBOS recorded the end). Not a recorded step: it reads the state
 * the previous segment saved, which nothing changes until this segment ends, so a replay reads the
 * same. The first segment only reads: the run was written as running it when it started; and when
 * this process has just recorded the run, it does not even read (its input was handed over).
 */
export async function beginSegment(rt: Runtime, args: SegmentArgs): Promise<Begun | undefined> {
  // Taken before the first await: the start that handed it over drops what is not taken by then.
  const handed = args.segment === 1 ? takeHandOff(args.runId) : undefined;
  // A run whose recording failed (an idempotency key a concurrent start took) never ran: nothing to do.
  if (handed) return (await handed.recorded) ? { input: handed.input, state: {}, error: null, handOff: handed } : undefined;
  const select = sql`
    select r.status, r.flow, r.input, r.state, r.started_by, r.error, r.segment,
           exists (select 1 from workflows.waits w where w.run_id = r.id and w.seq = ${args.segment}) as ended
      from workflows.runs r where r.id = ${args.runId}`;
  const usable = (run: Loaded | undefined) => (run && !run.ended && !TERMINAL_STATUSES.has(run.status) ? run : undefined);
  if (args.segment === 1) {
    const [run] = await readAsTenant<Loaded>(rt.db, args.tenantId, select, { name: "workflows.begin-segment" });
    // A run recorded before runs started at segment 1 still says 0: it is marked below, as later segments are.
    if (!run || run.segment >= 1) return usable(run);
  }
  return withTenant(rt.db, args.tenantId, async (tx) => {
    const run = usable((await rows<Loaded>(tx, sql`${select} for update of r`))[0]);
    if (!run || run.segment >= args.segment) return run;
    const now = rt.clock().toISOString();
    await tx.execute(sql`
      update workflows.runs set status = 'running', stage = ${args.stage}, segment = ${args.segment}, updated_at = ${now}
       where id = ${args.runId}`);
    await tx.execute(sql`
      update workflows.waits set dispatched_at = ${now} where run_id = ${args.runId} and seq = ${args.segment - 1} and dispatched_at is null`);
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
