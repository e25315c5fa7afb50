import { sql } from "drizzle-orm";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withSystem } from "../../../platform/db/tenant-scope.ts";
import type { PullRunStatus } from "./contract/index.ts";

export type PullMetrics = {
  runFinished(status: Exclude<PullRunStatus, "running">): void;
  page(counts: {
    read: number;
    written: number;
    unchanged: number;
    quarantined: number;
    requests: number;
    retries: number;
  }): void;
};

/**
 * Prometheus metrics of pull connectors: runs by outcome, rows by what became of them, requests and
 * retries; and, read when scraped, per stream (connector id and resource) the lag (seconds since the
 * start of its last successful run) and whether it is running.
 */
export function createPullMetrics(registry: Registry, db: Database, clock: () => Date): PullMetrics {
  const runs = new Counter({
    name: "crossdock_ingest_pull_runs_total",
    help: "Pull connector runs finished, by status (succeeded, failed, stopped)",
    labelNames: ["status"],
    registers: [registry],
  });
  const rowCounter = new Counter({
    name: "crossdock_ingest_pull_rows_total",
    help: "Rows pulled from sources, by outcome (read, written, unchanged, quarantined)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const requests = new Counter({
    name: "crossdock_ingest_pull_requests_total",
    help: "Requests (or queries) made to pull sources, and how many of them were retries",
    labelNames: ["kind"],
    registers: [registry],
  });
  type StreamState = { connector_id: string; resource: string; caught_up_at: string | null; running: boolean };
  const streams = () =>
    withSystem(db, (tx) =>
      rows<StreamState>(
        tx,
        sql`select connector_id, resource, caught_up_at, run_id is not null as running from ingest.pull_streams`,
      ),
    );
  new Gauge({
    name: "crossdock_ingest_pull_lag_seconds",
    help: "Seconds since the start of each pull stream's last successful run (how old its newest data may be)",
    labelNames: ["connector", "resource"],
    registers: [registry],
    async collect() {
      this.reset();
      const now = clock().getTime();
      for (const stream of await streams()) {
        if (!stream.caught_up_at) continue;
        this.set(
          { connector: stream.connector_id, resource: stream.resource },
          Math.max(0, (now - new Date(stream.caught_up_at).getTime()) / 1000),
        );
      }
    },
  });
  new Gauge({
    name: "crossdock_ingest_pull_running",
    help: "Pull streams with a run in progress (or interrupted, waiting to be resumed)",
    registers: [registry],
    async collect() {
      this.set((await streams()).filter((stream) => stream.running).length);
    },
  });
  return {
    runFinished: (status) => runs.inc({ status }),
    page(counts) {
      for (const outcome of ["read", "written", "unchanged", "quarantined"] as const) {
        if (counts[outcome] > 0) rowCounter.inc({ outcome }, counts[outcome]);
      }
      if (counts.requests > 0) requests.inc({ kind: "sent" }, counts.requests);
      if (counts.retries > 0) requests.inc({ kind: "retry" }, counts.retries);
    },
  };
}
