import { randomBytes } from "node:crypto";
import { type Actions, actionsMigrations, createActions } from "../src/modules/actions/index.ts";
import { governanceMigrations } from "../src/modules/governance/index.ts";
import { createTenancy, tenancyMigrations } from "../src/modules/tenancy/index.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrations.ts";
import { openPglite } from "../src/platform/db/pglite.ts";
import { openPostgres } from "../src/platform/db/postgres.ts";
import { platformMigrations } from "../src/platform/index.ts";
import { createLogger } from "../src/platform/logger.ts";
import { createMailer } from "../src/platform/mail/mailer.ts";
import { createServerDatabase } from "../src/platform/testing/test-database.ts";
import { type Metric, report } from "./support/results.ts";

/**
 * Policy decisions as flows make them: `actions.decide` end to end (the tenant's policy set looked
 * up in the database, Cedar's "auto" and, when that says no, "propose" evaluated on the set kept
 * parsed), 10,000 times with varied amounts, confidences, kinds and tiers, on PGlite and on the
 * PostgreSQL server. Target: well under 5 ms per decision.
 */
const SERVER = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 10_000);
const KINDS = ["sales_order.create", "purchase_order.create", "ap_invoice.post", "order.hold", "customer_message.send"] as const;

async function setUp(db: Database): Promise<{ actions: Actions; tenantId: string }> {
  await migrate(db, [platformMigrations, governanceMigrations, tenancyMigrations, actionsMigrations]);
  const config = loadConfig({
    LOG_LEVEL: "silent",
    CROSSDOCK_DATA_DIR: "memory://",
    CROSSDOCK_SECRET_KEY: randomBytes(32).toString("base64"),
  });
  const mailer = createMailer({ from: "bench@localhost" });
  const tenancy = createTenancy({ db, sessionTtlHours: 1, mailer });
  const tenant = await tenancy.createTenant({ actor: { type: "operator", id: "bench" } }, { name: "Bench", slug: "bench" });
  return { actions: createActions({ db, logger: createLogger({ level: "silent" }), mailer, config }), tenantId: tenant.id };
}

async function measure(name: string, db: Database): Promise<Metric[]> {
  const { actions, tenantId } = await setUp(db);
  const ctx = { tenantId, actor: { type: "system" as const, id: "flow:bench" } };
  const effects: Record<string, number> = {};
  const timings: number[] = [];
  for (let n = 0; n < DECISIONS + 500; n++) {
    const request = {
      kind: KINDS[n % KINDS.length] ?? "sales_order.create",
      idempotency_key: `bench-${n}`,
      connector: "erp",
      payload: {},
      facts: {
        amount_minor: (n * 7_919) % 20_000_000,
        currency: "USD",
        confidence: (n % 100) / 100,
        customer_tier: n % 50 === 0 ? "blocked" : "gold",
      },
      cause: { type: "bench", id: String(n) },
    };
    const started = performance.now();
    const decision = await actions.decide(ctx, request);
    const elapsed = performance.now() - started;
    // The first 500 warm the JIT and the connection; they are not counted.
    if (n >= 500) {
      timings.push(elapsed);
      effects[decision.effect] = (effects[decision.effect] ?? 0) + 1;
    }
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN;
  const note = `${DECISIONS} decisions: ${Object.entries(effects)
    .map(([effect, count]) => `${count} ${effect}`)
    .join(", ")}`;
  return [
    { name: `decide p50 (${name})`, value: at(0.5), unit: "ms", target: "< 5", note },
    { name: `decide p99 (${name})`, value: at(0.99), unit: "ms", target: "< 5" },
    { name: `decide max (${name})`, value: timings.at(-1) ?? Number.NaN, unit: "ms" },
  ];
}

export async function main() {
  const metrics: Metric[] = [];
  const pglite = await openPglite("memory://");
  try {
    metrics.push(...(await measure("PGlite", pglite)));
  } finally {
    await pglite.close();
  }
  let server: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  try {
    server = await createServerDatabase(SERVER);
  } catch (error) {
    process.stdout.write(`PostgreSQL server at ${SERVER} not reachable (${(error as Error).message}); measured PGlite only\n`);
  }
  if (server) {
    const db = await openPostgres(server.url, 4, () => undefined);
    try {
      metrics.push(...(await measure("PostgreSQL", db)));
    } finally {
      await db.close();
      await server.drop();
    }
  }
  await report("policy", metrics, { decisions: DECISIONS, node: process.version });
}
