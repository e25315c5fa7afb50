import { randomBytes } from "node:crypto";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { Registry } from "prom-client";
import { loadConfig } from "../../../../platform/config.ts";
import { withTenant } from "../../../../platform/db/tenant-scope.ts";
import { createEventBus } from "../../../../platform/events/event-bus.ts";
import { appendEvents } from "../../../../platform/events/event-log.ts";
import { platformMigrations } from "../../../../platform/index.ts";
import { createLogger } from "../../../../platform/logger.ts";
import { createKeyring } from "../../../../platform/secret-key.ts";
import { createTestDatabase } from "../../../../platform/testing/test-database.ts";
import { createWorkflowEngine } from "../../../../platform/workflows/engine.ts";
import { governanceMigrations, listEntries } from "../../../governance/index.ts";
import type { WebhookDelivery } from "../contract/webhooks-out.ts";
import type { SenderOptions } from "../sender.ts";
import { createWebhooksOut } from "../webhooks-out.ts";

// The module's own migrations, named as the module names them, without loading the rest of ingest.
const ingestMigrations = { module: "ingest", directory: new URL("../../migrations/", import.meta.url) };

/**
 * Outbound webhooks on a fresh database with the durable engine and the event bus running, a
 * clock the test moves, and retry jitter at its ceiling (so delays are the backoff's upper bounds)
 * unless `random` says otherwise. The sender's loop is not started: tests call `deliverDue`, or
 * `webhooks.start()` to watch the background sender.
 */
export async function createWebhooksFixture(options: { sender?: Partial<SenderOptions>; random?: () => number } = {}) {
  const test = await createTestDatabase([platformMigrations, governanceMigrations, ingestMigrations]);
  const logger = createLogger({ level: "silent" });
  let now = new Date("2026-12-01T09:00:00.000Z");
  const metricsRegistry = new Registry();
  const webhooks = createWebhooksOut({
    db: test.db,
    logger,
    keyring: createKeyring({ secretKey: randomBytes(32).toString("base64"), dataDir: "memory://", databaseKind: test.db.kind }),
    metricsRegistry,
    clock: () => now,
    random: options.random ?? (() => 0.999999),
    sender: { timeoutMs: 2_000, pollMs: 20, ...options.sender },
  });
  const bus = createEventBus({ db: test.db, logger, pollMs: 20 });
  webhooks.subscribe(bus);
  const config = loadConfig({
    LOG_LEVEL: "silent",
    CROSSDOCK_DATA_DIR: "memory://",
    CROSSDOCK_APP_VERSION: "webhooks-out-test",
    ...(test.url ? { DATABASE_URL: test.url } : {}),
  });
  const engine = createWorkflowEngine({ db: test.db, config, logger });
  await engine.launch();
  await bus.start();

  return {
    db: test.db,
    webhooks,
    metricsRegistry,
    now: () => now,
    /** Moves the clock to `at`, or forward by `ms`. */
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    moveTo(at: Date | string) {
      now = new Date(at);
    },
    ctx: (tenantId: string) => ({ tenantId, actor: { type: "user" as const, id: "usr_ops", label: "ops@harbor.example" } }),
    /** Appends an event as a module would, in a transaction of its tenant; returns its id. */
    async emit(tenantId: string, type: string, payload: Record<string, unknown> = {}): Promise<string> {
      const [id] = await withTenant(test.db, tenantId, (tx) =>
        appendEvents(tx, [{ tenantId, type, subjectType: "test", subjectId: String(payload.id ?? "x"), payload }]),
      );
      return id as string;
    },
    /** Runs the event bus until every event so far has been fanned out. */
    dispatch: () => bus.drain({ timeoutMs: 20_000 }),
    /** Every delivery of a subscription, oldest first. */
    async deliveries(tenantId: string, subscriptionId: string): Promise<WebhookDelivery[]> {
      const page = await webhooks.deliveries.list(tenantId, subscriptionId, { limit: 200 });
      return page.data.reverse();
    },
    async audit(tenantId: string, resourceId: string) {
      const page = await withTenant(test.db, tenantId, (tx) =>
        listEntries(tx, tenantId, { resource_id: resourceId, limit: 100 }),
      );
      return page.data.map((entry) => entry.action).reverse();
    },
    /** A counter or gauge's value on /metrics, by its labels. */
    async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
      const metric = await metricsRegistry.getSingleMetric(name)?.get();
      const value = metric?.values.find((entry) =>
        Object.entries(labels).every(([key, wanted]) => String(entry.labels[key]) === wanted),
      );
      return value?.value ?? 0;
    },
    async close() {
      await webhooks.stop();
      await bus.stop();
      await engine.shutdown();
      await DBOS.shutdown().catch(() => undefined);
      await test.drop();
    },
  };
}

export type WebhooksFixture = Awaited<ReturnType<typeof createWebhooksFixture>>;
