import type { Registry } from "prom-client";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import type { Records } from "../../records/index.ts";
import {
  createConnector,
  deleteConnector,
  getConnector,
  listConnectors,
  requestRun,
  resetCursor,
  type StoreDeps,
  updateConnector,
} from "./connector-store.ts";
import { createConnectorShared, createTokenCache } from "./connectors/index.ts";
import type { PullConnectorUpdate, PullRunNowInput, PullRunQuery } from "./contract/index.ts";
import { previewResource } from "./preview.ts";
import { createPullMetrics } from "./pull-metrics.ts";
import { getRun, listRuns } from "./run-reads.ts";
import type { PullFaults, RunDeps } from "./run-stream.ts";
import { type PullScheduler, startPullScheduler } from "./scheduler.ts";

export type PullDeps = {
  db: Database;
  records: Records;
  logger: Logger;
  keyring: Keyring;
  metricsRegistry: Registry;
  clock?: () => Date;
  /** How often the scheduler looks for due streams (default 5 s; a run asked for now starts at once), how many run at once here (default 2), how long a claim lasts unrenewed (default 60 s). */
  tickMs?: number;
  concurrency?: number;
  leaseMs?: number;
  faults?: PullFaults;
};

/**
 * Pull connectors: sources Crossdock polls (REST APIs, SQL databases), each resource read on a
 * schedule from a saved cursor, its rows written as records or quarantined. See README.md.
 */
export function createPull(deps: PullDeps) {
  const clock = deps.clock ?? (() => new Date());
  const store: StoreDeps = { db: deps.db, keyring: deps.keyring, clock };
  const shared = createConnectorShared(createTokenCache());
  const runDeps: RunDeps = {
    db: deps.db,
    records: deps.records,
    logger: deps.logger,
    keyring: deps.keyring,
    clock,
    metrics: createPullMetrics(deps.metricsRegistry, deps.db, clock),
    shared,
    leaseMs: deps.leaseMs ?? 60_000,
    faults: deps.faults,
  };
  let scheduler: PullScheduler | undefined;
  return {
    create: (ctx: WriteContext, input: unknown) => createConnector(store, ctx, input),
    list: (tenantId: string) => listConnectors(store, tenantId),
    get: (tenantId: string, idOrName: string) => getConnector(store, tenantId, idOrName),
    update: (ctx: WriteContext, idOrName: string, update: PullConnectorUpdate) => updateConnector(store, ctx, idOrName, update),
    delete: (ctx: WriteContext, idOrName: string) => deleteConnector(store, ctx, idOrName),
    pause: (ctx: WriteContext, idOrName: string) => updateConnector(store, ctx, idOrName, { status: "paused" }, "paused"),
    async resume(ctx: WriteContext, idOrName: string) {
      const resumed = await updateConnector(store, ctx, idOrName, { status: "active" }, "resumed");
      scheduler?.poke();
      return resumed;
    },
    /** Asks for a run now (of one resource, or all); the scheduler starts it at once. */
    async runNow(ctx: WriteContext, idOrName: string, input: PullRunNowInput = {}) {
      const streams = await requestRun(store, ctx, idOrName, input);
      scheduler?.poke();
      return streams;
    },
    resetCursor: (ctx: WriteContext, idOrName: string, resource: string) => resetCursor(store, ctx, idOrName, resource),
    runs: {
      list: (tenantId: string, idOrName: string, query: PullRunQuery) => listRuns(deps.db, tenantId, idOrName, query),
      get: (tenantId: string, idOrName: string, runId: string) => getRun(deps.db, tenantId, idOrName, runId),
    },
    preview: (tenantId: string, idOrName: string, resource: string) =>
      previewResource({ db: deps.db, keyring: deps.keyring, shared }, tenantId, idOrName, resource),
    /** Starts running due streams in the background (after launch). */
    start() {
      scheduler ??= startPullScheduler(runDeps, { tickMs: deps.tickMs ?? 5_000, concurrency: deps.concurrency ?? 2 });
    },
    /** Runs what is due until nothing is, here (tests, the CLI); with the scheduler, or a scheduler of its own for the while. */
    async drain() {
      const draining = scheduler ?? startPullScheduler(runDeps, { tickMs: null, concurrency: deps.concurrency ?? 2 });
      await draining.drain();
      if (draining !== scheduler) await draining.stop();
    },
    async stop() {
      await scheduler?.stop();
      scheduler = undefined;
    },
  };
}
