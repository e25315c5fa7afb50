import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { newId } from "../../../platform/ids.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import type { Records } from "../../records/index.ts";
import { compileSourceMapping } from "../sources/source-mapping.ts";
import { type ConnectorRow, findConnectorRow } from "./connector-rows.ts";
import {
  type ConnectorShared,
  describePullFailure,
  type OpenedConnector,
  openPullConnector,
  type PullConnector,
  type PullCursor,
  PullError,
  type PullPage,
} from "./connectors/index.ts";
import type { PullRunError } from "./contract/index.ts";
import type { PullMetrics } from "./pull-metrics.ts";
import { openSecrets } from "./secrets.ts";
import { type PageWritten, writePage } from "./write-page.ts";

/** Fault injection for tests: called after a page's rows are written and before its cursor is saved. */
export type PullFaults = {
  afterWrite?(at: { runId: string; resource: string; page: number; signal: AbortSignal }): Promise<void> | void;
};

export type RunDeps = {
  db: Database;
  records: Records;
  logger: Logger;
  keyring: Keyring;
  clock: () => Date;
  metrics: PullMetrics;
  shared: ConnectorShared;
  /** How long a claim holds a stream without being renewed. */
  leaseMs: number;
  faults?: PullFaults | undefined;
};

/** A stream as the scheduler claimed it. */
export type ClaimedStream = {
  tenant_id: string;
  connector_id: string;
  resource: string;
  source_id: string;
  cursor: PullCursor | null;
  run_id: string | null;
  requested_at: string | null;
  lease_token: string;
};

/** Why a run's signal was aborted: this process is stopping (hand the run over), or another process took it. */
export const SHUTDOWN = "shutdown";
export const LEASE_LOST = "lease_lost";

const streamKey = (stream: ClaimedStream) =>
  sql`connector_id = ${stream.connector_id} and resource = ${stream.resource} and lease_token = ${stream.lease_token}`;

/** Loads the connector with its secrets opened, as a run uses it. */
export async function openConnectorRow(keyring: Keyring, row: ConnectorRow): Promise<OpenedConnector> {
  const connection = openSecrets(
    await keyring.key(),
    { tenantId: row.tenant_id, connectorId: row.id, kind: row.kind },
    row.connection,
    row.secrets,
  );
  return { id: row.id, kind: row.kind, connection, resources: row.resources };
}

/** Starts the stream's run, or resumes the one a stopped process left; null when the claim was lost meanwhile. */
async function beginRun(deps: RunDeps, stream: ClaimedStream): Promise<string | null> {
  const now = deps.clock().toISOString();
  return withTenant(deps.db, stream.tenant_id, async (tx) => {
    if (stream.run_id) {
      const [resumed] = await rows<{ id: string }>(
        tx,
        sql`update ingest.pull_runs set resumed = resumed + 1 where id = ${stream.run_id} and status = 'running' returning id`,
      );
      if (resumed) return resumed.id;
    }
    const id = newId("prun");
    const [claimed] = await rows<{ ok: number }>(
      tx,
      sql`update ingest.pull_streams set run_id = ${id}, requested_at = null where ${streamKey(stream)} returning 1 as ok`,
    );
    if (!claimed) return null;
    await tx.execute(sql`insert into ingest.pull_runs (tenant_id, id, connector_id, resource, trigger, status, started_at, cursor_start)
                         values (${stream.tenant_id}, ${id}, ${stream.connector_id}, ${stream.resource},
                                 ${stream.requested_at ? "manual" : "schedule"}, 'running', ${now}, ${JSON.stringify(stream.cursor)}::jsonb)`);
    return id;
  });
}

type Counts = PageWritten & { read: number; requests: number; retries: number };

/** Saves the page's cursor and counts; says whether to go on, or why not (the connector was paused, the claim was lost). */
async function savePage(
  deps: RunDeps,
  stream: ClaimedStream,
  runId: string,
  cursor: PullCursor,
  counts: Counts,
): Promise<"go" | "paused" | "lost"> {
  const json = JSON.stringify(cursor);
  const leasedUntil = new Date(deps.clock().getTime() + deps.leaseMs).toISOString();
  return withTenant(deps.db, stream.tenant_id, async (tx) => {
    const [held] = await rows<{ ok: number }>(
      tx,
      sql`update ingest.pull_streams set cursor = ${json}::jsonb, leased_until = ${leasedUntil} where ${streamKey(stream)} returning 1 as ok`,
    );
    if (!held) return "lost";
    const [connector] = await rows<{ status: string }>(
      tx,
      sql`update ingest.pull_runs
             set pages = pages + 1, rows_read = rows_read + ${counts.read}, rows_written = rows_written + ${counts.written},
                 rows_unchanged = rows_unchanged + ${counts.unchanged}, rows_quarantined = rows_quarantined + ${counts.quarantined},
                 requests = requests + ${counts.requests}, retries = retries + ${counts.retries}, cursor_end = ${json}::jsonb
           where id = ${runId}
       returning (select status from ingest.pull_connectors where id = ${stream.connector_id}) as status`,
    );
    return connector?.status === "active" ? "go" : "paused";
  });
}

async function finishRun(
  deps: RunDeps,
  stream: ClaimedStream,
  runId: string,
  outcome: { status: "succeeded" | "failed" | "stopped"; error?: PullRunError; retryAfterMs?: number | null },
): Promise<void> {
  const now = deps.clock();
  const success = outcome.status === "succeeded";
  const waitAtLeast = Math.ceil((outcome.retryAfterMs ?? 0) / 1000);
  const ended = await withTenant(deps.db, stream.tenant_id, async (tx) => {
    await tx.execute(sql`update ingest.pull_runs set status = ${outcome.status}, finished_at = ${now.toISOString()},
                                error = ${outcome.error ? JSON.stringify(outcome.error) : null}::jsonb
                          where id = ${runId} and status = 'running'
                            -- Only while the claim is ours: a process that lost it must not end the run another took over.
                            and exists (select 1 from ingest.pull_streams where ${streamKey(stream)})`);
    return rows<{ ok: number }>(
      tx,
      sql`
      update ingest.pull_streams s
         set run_id = null, last_run_id = ${runId}, lease_token = null, leased_until = null,
             next_run_at = case when s.requested_at is not null and ${waitAtLeast} = 0 then ${now.toISOString()}::timestamptz
                                else ${now.toISOString()}::timestamptz
                                     + make_interval(secs => greatest(c.interval_seconds, ${waitAtLeast})) end,
             last_success_at = case when ${success} then ${now.toISOString()}::timestamptz else s.last_success_at end,
             caught_up_at = case when ${success} then (select started_at from ingest.pull_runs where id = ${runId}) else s.caught_up_at end
        from ingest.pull_connectors c
       where c.id = s.connector_id and ${streamKey(stream)}
   returning 1 as ok`,
    );
  });
  if (ended.length > 0) deps.metrics.runFinished(outcome.status);
}

/** Lets the stream go at once, its run left to be resumed (this process is stopping). */
async function releaseStream(deps: RunDeps, stream: ClaimedStream): Promise<void> {
  await withTenant(deps.db, stream.tenant_id, (tx) =>
    tx.execute(sql`update ingest.pull_streams set lease_token = null, leased_until = null where ${streamKey(stream)}`),
  );
}

/**
 * Runs a claimed stream to its last page: reads a page from the saved cursor, writes its rows
 * (records, or quarantine), then saves the cursor — so a run stopped anywhere (a crash, a killed
 * process, a failed request) resumes from the last page written, and a page read again is written
 * idempotently. Ends the run succeeded, failed (with the error; the next run starts where this one
 * stopped) or stopped (the connector was paused). Aborted by `signal`, it leaves the run to be
 * resumed: by any process once released (shutdown), or by whoever took the claim over.
 */
export async function runStream(deps: RunDeps, stream: ClaimedStream, signal: AbortSignal): Promise<void> {
  const log = deps.logger.child({ connector: stream.connector_id, resource: stream.resource });
  let runId: string | null = null;
  let connector: PullConnector | undefined;
  try {
    runId = await beginRun(deps, stream);
    if (!runId) return;
    const currentRun = runId;
    const row = await withTenant(deps.db, stream.tenant_id, (tx) => findConnectorRow(tx, stream.connector_id));
    const resource = row.resources[stream.resource];
    if (!resource) throw new PullError(`The connector has no resource ${stream.resource} any more`, { retryable: false });
    let mapping: ReturnType<typeof compileSourceMapping>;
    try {
      mapping = compileSourceMapping(resource.mapping as Record<string, unknown>);
    } catch (error) {
      throw new PullError(`The resource's mapping cannot be used: ${(error as Error).message}`, { retryable: false });
    }
    connector = openPullConnector(await openConnectorRow(deps.keyring, row), deps.shared, (waitMs, why) => {
      log.warn({ run: currentRun, wait_ms: waitMs }, `pull: retrying: ${why}`);
    });
    const ctx = {
      tenantId: stream.tenant_id,
      actor: { type: "system" as const, id: row.id, label: `ingest:${row.name}` },
      requestId: currentRun,
    };
    let cursor = stream.cursor;
    for (let page = 1; ; page++) {
      signal.throwIfAborted();
      const read: PullPage = await connector.readPage(stream.resource, cursor, signal);
      const written = await writePage(
        deps,
        { ctx, sourceId: stream.source_id, sourceSystem: row.source_system, mapping },
        read.rows,
      );
      await deps.faults?.afterWrite?.({ runId: currentRun, resource: stream.resource, page, signal });
      signal.throwIfAborted();
      const counts = { ...written, read: read.rows.length, requests: read.requests, retries: read.retries };
      deps.metrics.page(counts);
      const next = await savePage(deps, stream, currentRun, read.cursor, counts);
      if (next === "lost") return;
      if (next === "paused") {
        await finishRun(deps, stream, currentRun, { status: "stopped" });
        return;
      }
      if (read.done) break;
      if (JSON.stringify(read.cursor) === JSON.stringify(cursor)) {
        throw new PullError(
          "The source pointed to the page just read as the next one; stopping rather than reading it for ever",
          {
            retryable: false,
          },
        );
      }
      cursor = read.cursor;
    }
    await finishRun(deps, stream, currentRun, { status: "succeeded" });
  } catch (error) {
    if (signal.aborted) {
      if (signal.reason === SHUTDOWN) await releaseStream(deps, stream).catch(() => undefined);
      return;
    }
    const failure = describePullFailure(error);
    log.warn({ run: runId, err: error }, `pull: the run failed: ${failure.message}`);
    if (!runId) return;
    await finishRun(deps, stream, runId, {
      status: "failed",
      error: { message: failure.message, retryable: failure.retryable, status: failure.status, at: deps.clock().toISOString() },
      retryAfterMs: failure.retryAfterMs,
    }).catch((finishing: unknown) => log.error({ err: finishing }, "pull: could not record the failed run; its lease runs out"));
  } finally {
    await connector?.close();
  }
}
