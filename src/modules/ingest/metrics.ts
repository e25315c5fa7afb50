import { sql } from "drizzle-orm";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Database } from "../../platform/db/database.ts";
import { withSystem } from "../../platform/db/tenant-scope.ts";

export type IngestMetrics = {
  webhookAnswered(status: number): void;
  processed(outcome: "processed" | "quarantined", count: number): void;
};

/**
 * Prometheus metrics of ingestion: webhooks answered by status (202 stored, 200 duplicate, 401
 * refused…), receipts processed and quarantined, and — read when scraped — the backlog waiting to
 * be processed, the age of its oldest receipt (the lag), and what sits in quarantine.
 */
export function createIngestMetrics(registry: Registry, db: Database, clock: () => Date): IngestMetrics {
  const answered = new Counter({
    name: "crossdock_ingest_webhooks_total",
    help: "Inbound webhooks answered, by HTTP status (202 stored, 200 a duplicate delivery, 4xx refused)",
    labelNames: ["status"],
    registers: [registry],
  });
  const outcomes = new Counter({
    name: "crossdock_ingest_receipts_total",
    help: "Receipts processed into records, or quarantined for a person",
    labelNames: ["outcome"],
    registers: [registry],
  });
  // Both gauges below are read from one query per scrape.
  let read: { at: number; state: ReturnType<typeof readState> } | undefined;
  const state = () => {
    const at = Date.now();
    if (!read || at - read.at > 1_000) read = { at, state: readState() };
    return read.state;
  };
  const readState = async () =>
    withSystem(db, async (tx) => {
      const result = await tx.execute(sql`select
          (select count(*) from ingest.receipts where status = 'received') as backlog,
          (select min(received_at) from ingest.receipts where status = 'received') as oldest,
          (select count(*) from ingest.receipts where status = 'quarantined') as quarantined`);
      return result.rows[0] as { backlog: string; oldest: string | null; quarantined: string };
    });
  new Gauge({
    name: "crossdock_ingest_backlog",
    help: "Receipts stored and not yet processed, and receipts in quarantine",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const now = await state();
      this.set({ state: "received" }, Number(now.backlog));
      this.set({ state: "quarantined" }, Number(now.quarantined));
    },
  });
  new Gauge({
    name: "crossdock_ingest_lag_seconds",
    help: "Age of the oldest receipt not yet processed",
    registers: [registry],
    async collect() {
      const { oldest } = await state();
      this.set(oldest ? Math.max(0, (clock().getTime() - new Date(oldest).getTime()) / 1000) : 0);
    },
  });
  return {
    webhookAnswered: (status) => answered.inc({ status: String(status) }),
    processed: (outcome, count) => {
      if (count > 0) outcomes.inc({ outcome }, count);
    },
  };
}
