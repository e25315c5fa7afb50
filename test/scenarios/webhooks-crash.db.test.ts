import { randomBytes, randomInt } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "../../src/modules/ingest/index.ts";
import { createServerDatabase } from "../../src/platform/testing/test-database.ts";
import { type ServerProcess, startServer } from "../support/server-process.ts";

/** Deliveries per round; each round's process is killed while they arrive and are processed. */
const DELIVERIES = 150;
const ROUNDS = 2;

// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by the assertions
type Body = any;

describe(`webhooks with the process killed (SIGKILL) between receipt and processing (${process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite on disk"})`, () => {
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;
  let key: string;
  let source: { id: string; secret: string };
  let example: Record<string, unknown>;

  const call = async (method: string, url: string, options: { json?: unknown; token?: string; tenant?: string } = {}) => {
    const response = await fetch(new URL(url, server?.url), {
      method,
      headers: {
        authorization: `Bearer ${options.token ?? key}`,
        "content-type": "application/json",
        ...(options.tenant ? { "x-crossdock-tenant": options.tenant } : {}),
      },
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    });
    const body = (await response.json()) as Body;
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };

  /** Sends delivery `n` as the shop would; the answer's status, or 0 when the process died under it. */
  const deliver = async (n: number): Promise<number> => {
    const body = JSON.stringify({ ...example, id: 7_000_000_000 + n, name: `#K${n}` });
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(new URL(`/api/v1/ingest/webhooks/${source.id}`, server?.url), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(source.secret, timestamp, body),
          [DELIVERY_HEADER]: `crash-${n}`,
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "crossdock-webhooks-crash-"));
    database = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : undefined;
    env = {
      CROSSDOCK_DATA_DIR: dataDir,
      CROSSDOCK_SECRET_KEY: randomBytes(32).toString("base64"),
      CROSSDOCK_SKIP_CONSOLE_BUILD: "1",
      LOG_LEVEL: "silent",
      ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: "" }),
    };
    server = await startServer(env);
    const tenant = await call("POST", "/api/v1/tenants", {
      token: server.operatorToken,
      json: { name: "Harbor Supply", slug: "harbor" },
    });
    key = (
      await call("POST", "/api/v1/api-keys", {
        token: server.operatorToken,
        tenant: tenant.slug,
        json: { name: "crash", scopes: ["ingest:read", "ingest:admin", "records:read"] },
      })
    ).secret;
    example = (await call("GET", "/api/v1/ingest/mappings")).data.find((m: Body) => m.name === "shopify-order").example;
    source = await call("POST", "/api/v1/ingest/sources", {
      json: { name: "web-shop", system: "ecommerce", mapping: { ready: "shopify-order" } },
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("stores every answered delivery, and processes each once after restarts", async () => {
    const plan: string[] = [];
    let unanswered: number[] = [];
    /** Receipts stored but not yet processed when each killed process was started again. */
    const stranded: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Deliveries arrive 10 at a time; the process dies the moment the k-th is answered, with
      // some stored and answered, some handed to processing in memory, some records half-written.
      const first = round * DELIVERIES;
      const numbers = [...unanswered, ...Array.from({ length: DELIVERIES }, (_, i) => first + i)];
      const killAfter = randomInt(1, DELIVERIES);
      plan.push(`round ${round}: killed when ${killAfter} of ${numbers.length} deliveries were answered`);
      const answers = new Map<number, number>();
      let answered = 0;
      let killing: Promise<void> | undefined;
      const sending = (async () => {
        for (let at = 0; at < numbers.length; at += 10) {
          const batch = numbers.slice(at, at + 10);
          await Promise.all(
            batch.map(async (n) => {
              const status = await deliver(n);
              answers.set(n, status);
              if (status >= 200 && status < 300 && ++answered === killAfter) killing = server?.kill();
            }),
          );
        }
      })();
      await sending;
      await (killing ?? server?.kill());
      // What was answered 2xx is the process's promise; the rest the shop sends again.
      unanswered = numbers.filter((n) => !((answers.get(n) ?? 0) >= 200 && (answers.get(n) ?? 0) < 300));
      server = await startServer(env);
      stranded.push((await call("GET", `/api/v1/ingest/sources/${source.id}`)).health.backlog);
      plan.push(`  ${numbers.length - unanswered.length} answered; ${stranded.at(-1)} stored and not processed at the restart`);
    }
    // The crash landed between receipt and processing, at least once.
    expect(Math.max(...stranded), plan.join("\n")).toBeGreaterThan(0);
    // The shop's last retries, to a process left running.
    for (const n of unanswered) expect(await deliver(n), `delivery ${n}`).toBeLessThan(300);

    const total = ROUNDS * DELIVERIES;
    // Receipts handed over in memory when the process died wait out their lease, then are claimed.
    let health: Body;
    const deadline = Date.now() + 90_000;
    for (;;) {
      health = (await call("GET", `/api/v1/ingest/sources/${source.id}`)).health;
      if (health.backlog === 0 || Date.now() > deadline) break;
      await pause(250);
    }
    expect(health.backlog, plan.join("\n")).toBe(0);
    expect(health.quarantined, plan.join("\n")).toBe(0);
    // Each delivery stored once, whatever was sent again.
    expect(health.received_last_hour, plan.join("\n")).toBe(total);
    const summary = (await call("GET", "/api/v1/records")).data as { type: string; count: number }[];
    expect(summary.find((row) => row.type === "sales_order")?.count, plan.join("\n")).toBe(total);
    // Processed once: an order written again by a pass replayed after a crash is unchanged, never
    // a new version; nothing is quarantined for having been tried too often.
    let cursor: string | null = null;
    const versions = new Map<number, number>();
    do {
      const page: Body = await call("GET", `/api/v1/records/sales-orders?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      for (const order of page.data as { version: number }[]) versions.set(order.version, (versions.get(order.version) ?? 0) + 1);
      cursor = page.next_cursor;
    } while (cursor);
    expect(Object.fromEntries(versions), plan.join("\n")).toEqual({ 1: total });
  }, 300_000);
});
