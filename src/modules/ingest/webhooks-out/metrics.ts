import { sql } from "drizzle-orm";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withSystem } from "../../../platform/db/tenant-scope.ts";
import type { WebhookAttemptOutcome } from "./contract/webhooks-out.ts";

export type WebhookMetrics = {
  attemptFinished(outcome: WebhookAttemptOutcome, ms: number): void;
  deadLettered(): void;
};

/**
 * Prometheus metrics of outbound webhooks: attempts by outcome and their latency, deliveries
 * dead-lettered, and — read when scraped — deliveries pending and dead, and attempts in flight.
 */
export function createWebhookMetrics(registry: Registry, db: Database, inFlight: () => number): WebhookMetrics {
  const attempts = new Counter({
    name: "crossdock_webhook_attempts_total",
    help: "Outbound webhook attempts, by outcome (delivered, failed, timed_out)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "crossdock_webhook_attempt_duration_seconds",
    help: "Outbound webhook attempt latency, by outcome",
    labelNames: ["outcome"],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: "crossdock_webhook_deliveries_total",
    help: "Outbound webhook deliveries finished, by outcome (delivered, dead_lettered)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  new Gauge({
    name: "crossdock_webhook_deliveries",
    help: "Outbound webhook deliveries now, by status: pending (waiting or retrying) and dead (dead-lettered, replayable)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const [counts] = await withSystem(db, (tx) =>
        rows<{ pending: number; dead: number }>(
          tx,
          sql`select (select count(*) from ingest.webhook_deliveries where status = 'pending')::int as pending,
                     (select count(*) from ingest.webhook_deliveries where status = 'dead')::int as dead`,
        ),
      );
      this.set({ status: "pending" }, counts?.pending ?? 0);
      this.set({ status: "dead" }, counts?.dead ?? 0);
    },
  });
  new Gauge({
    name: "crossdock_webhook_attempts_in_flight",
    help: "Outbound webhook attempts this process is waiting on",
    registers: [registry],
    collect() {
      this.set(inFlight());
    },
  });
  return {
    attemptFinished(outcome, ms) {
      attempts.inc({ outcome });
      latency.observe({ outcome }, ms / 1000);
      if (outcome === "delivered") deliveries.inc({ outcome: "delivered" });
    },
    deadLettered: () => deliveries.inc({ outcome: "dead_lettered" }),
  };
}
