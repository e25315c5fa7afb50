import { sql } from "drizzle-orm";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Database } from "../../../platform/db/database.ts";
import { withSystem } from "../../../platform/db/tenant-scope.ts";

export type FileMetrics = {
  imported(outcome: "processed" | "failed" | "duplicate"): void;
  rows(outcome: "written" | "rejected" | "skipped", count: number): void;
};

/**
 * Prometheus metrics of file drops: files imported by outcome, rows by outcome (written, rejected
 * into quarantine, skipped by the mapping), and — read when scraped — the files waiting or being
 * imported and the age of the oldest (the lag).
 */
export function createFileMetrics(registry: Registry, db: Database, clock: () => Date): FileMetrics {
  const files = new Counter({
    name: "crossdock_ingest_files_total",
    help: "Files taken from drops: processed (with any rejected rows in quarantine), failed (unreadable), duplicate (imported before)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const rows = new Counter({
    name: "crossdock_ingest_file_rows_total",
    help: "Rows of dropped files: written to records, rejected into quarantine, or skipped by the mapping",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const state = () =>
    withSystem(db, async (tx) => {
      const result = await tx.execute(sql`select count(*) as backlog, min(detected_at) as oldest
                                            from ingest.file_imports where status in ('pending', 'running')`);
      return result.rows[0] as { backlog: string; oldest: string | null };
    });
  new Gauge({
    name: "crossdock_ingest_file_backlog",
    help: "Files found in drops and not yet imported",
    registers: [registry],
    async collect() {
      this.set(Number((await state()).backlog));
    },
  });
  new Gauge({
    name: "crossdock_ingest_file_lag_seconds",
    help: "Age of the oldest file found in a drop and not yet imported",
    registers: [registry],
    async collect() {
      const { oldest } = await state();
      this.set(oldest ? Math.max(0, (clock().getTime() - new Date(oldest).getTime()) / 1000) : 0);
    },
  });
  return {
    imported: (outcome) => files.inc({ outcome }),
    rows: (outcome, count) => {
      if (count > 0) rows.inc({ outcome }, count);
    },
  };
}
