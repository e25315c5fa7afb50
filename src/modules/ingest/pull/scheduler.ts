import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { rows, withSystem } from "../../../platform/db/tenant-scope.ts";
import { type ClaimedStream, LEASE_LOST, type RunDeps, runStream, SHUTDOWN } from "./run-stream.ts";

export type SchedulerOptions = {
  /** How often to look for due streams when nothing pokes; null: only when poked or drained. */
  tickMs: number | null;
  /** Streams this process runs at once. */
  concurrency: number;
};

export type PullScheduler = {
  /** Something is due now (a manual run): look at once. */
  poke(): void;
  /** Resolves once nothing is due and nothing runs in this process (tests, the CLI). */
  drain(): Promise<void>;
  /** Stops: runs in progress are handed over at their next step, to be resumed from their cursor. */
  stop(): Promise<void>;
};

/**
 * Claims the due streams: those whose next run has come, and those whose run was left unfinished by
 * a process that stopped (its lease ran out). The claim is a lease with a token, `for update skip
 * locked`, so processes share the work; every write of the run is fenced by the token.
 */
async function claimDue(deps: RunDeps, limit: number): Promise<ClaimedStream[]> {
  if (limit <= 0) return [];
  const now = deps.clock();
  const leasedUntil = new Date(now.getTime() + deps.leaseMs).toISOString();
  return withSystem(deps.db, (tx) =>
    rows<ClaimedStream>(
      tx,
      sql`update ingest.pull_streams s
             set lease_token = ${randomUUID()} || ':' || s.resource, leased_until = ${leasedUntil}
            from (select st.connector_id, st.resource
                    from ingest.pull_streams st
                    join ingest.pull_connectors c on c.id = st.connector_id
                   where c.status = 'active'
                     and (st.leased_until is null or st.leased_until < ${now.toISOString()})
                     and (st.run_id is not null or st.next_run_at <= ${now.toISOString()})
                   order by st.run_id is null, st.next_run_at
                   limit ${limit}
                     for update of st skip locked) due
           where s.connector_id = due.connector_id and s.resource = due.resource
       returning s.tenant_id, s.connector_id, s.resource, s.source_id, s.cursor, s.run_id, s.requested_at, s.lease_token`,
    ),
  );
}

/** Renews the claim while the run goes on; a claim found taken over aborts the run. */
function keepLease(deps: RunDeps, stream: ClaimedStream, controller: AbortController): () => void {
  const timer = setInterval(
    () => {
      const until = new Date(deps.clock().getTime() + deps.leaseMs).toISOString();
      withSystem(deps.db, (tx) =>
        rows<{ ok: number }>(
          tx,
          sql`update ingest.pull_streams set leased_until = ${until}
               where connector_id = ${stream.connector_id} and resource = ${stream.resource} and lease_token = ${stream.lease_token}
           returning 1 as ok`,
        ),
      )
        .then((held) => {
          if (held.length === 0) controller.abort(LEASE_LOST);
        })
        .catch((error: unknown) => deps.logger.warn({ err: error }, "pull: could not renew a lease; trying again"));
    },
    Math.max(50, Math.floor(deps.leaseMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Runs pull streams in the background: claims what is due every tick (or when poked), up to
 * `concurrency` at once, and runs each to its last page (run-stream.ts). A failing claim is logged
 * and tried again at the next tick.
 */
export function startPullScheduler(deps: RunDeps, options: SchedulerOptions): PullScheduler {
  let stopped = false;
  const running = new Map<string, { done: Promise<void>; controller: AbortController }>();
  let passing: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const start = (stream: ClaimedStream) => {
    const controller = new AbortController();
    const stopRenewing = keepLease(deps, stream, controller);
    const key = `${stream.connector_id}/${stream.resource}`;
    const done = runStream(deps, stream, controller.signal)
      .catch((error: unknown) => deps.logger.error({ err: error, stream: key }, "pull: a run stopped unexpectedly"))
      .finally(() => {
        stopRenewing();
        running.delete(key);
        if (!stopped) poke();
      });
    running.set(key, { done, controller });
  };

  const pass = (): Promise<number> => {
    passing ??= (async () => {
      try {
        if (stopped) return 0;
        const claimed = await claimDue(deps, options.concurrency - running.size);
        for (const stream of claimed) start(stream);
        return claimed.length;
      } catch (error) {
        deps.logger.error({ err: error }, "pull: claiming due streams failed; trying again at the next tick");
        return 0;
      } finally {
        passing = undefined;
      }
    })();
    return passing;
  };

  const tick = (every: number) => {
    timer = undefined;
    void pass().finally(() => {
      if (!stopped) {
        timer = setTimeout(() => tick(every), every);
        timer.unref();
      }
    });
  };
  function poke() {
    if (stopped) return;
    void pass();
  }
  const every = options.tickMs;
  if (every !== null) {
    timer = setTimeout(() => tick(every), 0);
    timer.unref();
  }

  return {
    poke,
    async drain() {
      for (;;) {
        const claimed = await pass();
        if (claimed === 0 && running.size === 0) return;
        if (running.size > 0) await Promise.race([...running.values()].map((run) => run.done));
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await passing;
      for (const run of running.values()) run.controller.abort(SHUTDOWN);
      await Promise.all([...running.values()].map((run) => run.done));
    },
  };
}
