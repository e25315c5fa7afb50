import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "../src/modules/ingest/index.ts";
import { type ServerProcess, startServer } from "../test/support/server-process.ts";
import { postAll } from "./support/post-load.ts";
import type { Metric } from "./support/results.ts";

/**
 * Inbound webhooks end to end against a `crossdock start` process: Shopify-style orders, signed,
 * sent by 50 connections at once; each is stored before it is answered, then mapped to a sales
 * order by the processor. Measures the rate the API answers them, the accept latency, and the rate
 * they become records (from the first request to the last record written).
 *
 * A first burst warms the server up (JIT compilation, connections, statement plans: the first
 * second after a start answers at a fraction of the rate, with waits up to a few hundred ms); the
 * figures with targets are measured after it, as a server that has been running sees a burst. The
 * first burst's own p99 is reported beside them.
 */
const SERVER = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TOTAL = {
  postgres: Number(process.env.BENCH_WEBHOOKS ?? 20_000),
  pglite: Number(process.env.BENCH_WEBHOOKS_PGLITE ?? 6_000),
};
const WARM_UP = {
  postgres: Number(process.env.BENCH_WEBHOOKS_WARM_UP ?? 3_000),
  pglite: Number(process.env.BENCH_WEBHOOKS_WARM_UP_PGLITE ?? 1_000),
};
const CONNECTIONS = 50;
const SECRET_KEY = Buffer.alloc(32, 9).toString("base64");

async function call(server: ServerProcess, method: string, url: string, token: string, body?: unknown, tenant?: string) {
  const response = await fetch(new URL(url, server.url), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...(tenant ? { "x-crossdock-tenant": tenant } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(parsed)}`);
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few known fields of the API's answers
  return parsed as Record<string, any>;
}

/** Receipts processed or quarantined since the server started, from its /metrics. */
async function receiptsSettled(server: ServerProcess): Promise<number> {
  const text = await (await fetch(new URL("/metrics", server.url))).text();
  let settled = 0;
  for (const match of text.matchAll(/^crossdock_ingest_receipts_total\{outcome="(?:processed|quarantined)"\} (\d+)$/gm)) {
    settled += Number(match[1]);
  }
  return settled;
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function benchWebhooks(kind: "postgres" | "pglite"): Promise<Metric[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `crossdock-bench-ingest-${kind}-`));
  const env: Record<string, string> = { CROSSDOCK_DATA_DIR: dataDir, CROSSDOCK_SECRET_KEY: SECRET_KEY };
  let database: string | undefined;
  if (kind === "postgres") {
    database = `crossdock_bench_${Date.now()}`;
    await admin(`create database ${database}`);
    const url = new URL(SERVER);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  const label = kind === "postgres" ? "PostgreSQL server" : "PGlite";
  const server = await startServer(env);
  try {
    const tenant = await call(server, "POST", "/api/v1/tenants", server.operatorToken, { name: "Bench Supply", slug: "bench" });
    const key = (
      await call(
        server,
        "POST",
        "/api/v1/api-keys",
        server.operatorToken,
        { name: "bench", scopes: ["ingest:read", "ingest:admin"] },
        tenant.slug,
      )
    ).secret as string;
    const mappings = await call(server, "GET", "/api/v1/ingest/mappings", key);
    const example = (mappings.data as { name: string; example: Record<string, unknown> }[]).find(
      (m) => m.name === "shopify-order",
    )?.example as Record<string, unknown>;
    const source = await call(server, "POST", "/api/v1/ingest/sources", key, {
      name: "web-shop",
      system: "ecommerce",
      mapping: { ready: "shopify-order" },
    });
    const total = TOTAL[kind];
    const warmUp = WARM_UP[kind];
    // Signed before the clock starts, as a sender on another machine would: the bench's own work
    // shares these two cores with the server.
    const timestamp = Math.floor(Date.now() / 1000);
    const deliveries = (first: number, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const n = first + i;
        const body = JSON.stringify({ ...example, id: 5_000_000_000 + n, name: `#B${n}` });
        return {
          body,
          headers: {
            "content-type": "application/json",
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(source.secret as string, timestamp, body),
            [DELIVERY_HEADER]: `bench-${n}`,
          },
        };
      });
    const send = async (first: number, count: number) => {
      const load = await postAll(
        server.url,
        `/api/v1/ingest/webhooks/${source.id}`,
        deliveries(first, count),
        CONNECTIONS,
        dataDir,
      );
      if (load.failures > 0) throw new Error(`${load.failures} webhooks were not answered 2xx`);
      // End to end: until every receipt is processed (or quarantined), as /metrics counts them; the
      // source's health, which says the same from the receipts table, is read once after, as a check:
      // read every few ms it would scan the table while the processor works.
      const expected = first + count - 1;
      let endToEndSeconds = 0;
      for (;;) {
        if ((await receiptsSettled(server)) >= expected) {
          endToEndSeconds = (performance.now() - load.startedAt) / 1000;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const health = (await call(server, "GET", `/api/v1/ingest/sources/${source.id}`, key)).health as Record<string, number>;
      if (health.backlog !== 0) throw new Error(`${health.backlog} receipts left unprocessed after /metrics counted them all`);
      return { load, health, endToEndSeconds };
    };
    const firstBurst = await send(1, warmUp);
    const { load, health, endToEndSeconds } = await send(warmUp + 1, total);
    const acceptSeconds = load.seconds;
    if (health.quarantined !== 0) throw new Error(`${health.quarantined} webhooks were quarantined`);
    if (health.received_last_hour !== warmUp + total) {
      throw new Error(`${health.received_last_hour} receipts stored, ${warmUp + total} sent`);
    }
    return [
      {
        name: `${label}: webhooks accepted (stored, answered)`,
        value: total / acceptSeconds,
        unit: "/s",
        note: `${total} signed Shopify-style orders, ${CONNECTIONS} connections, sent by ${load.client}, after ${warmUp} to warm up`,
      },
      {
        name: `${label}: webhooks end to end to records`,
        value: total / endToEndSeconds,
        unit: "/s",
        target: kind === "postgres" ? ">= 2000" : undefined,
      },
      { name: `${label}: accept latency p50`, value: load.p50Ms, unit: "ms" },
      {
        name: `${label}: accept latency p99`,
        value: load.p99Ms,
        unit: "ms",
        ...(kind === "postgres"
          ? { target: "< 50" }
          : {
              note: `the issue sets the rate and latency targets for the server; PGlite runs statements one at a time, so with ${CONNECTIONS} requests in flight each waits for those ahead of it (${CONNECTIONS} / ${Math.round(total / acceptSeconds)} per s ≈ ${Math.round((CONNECTIONS / (total / acceptSeconds)) * 1000)} ms on average)`,
            }),
      },
      {
        name: `${label}: accept latency p99, first burst after start`,
        value: firstBurst.load.p99Ms,
        unit: "ms",
        note: `the first ${warmUp} webhooks the server answers (not in the figures above)`,
      },
      {
        name: `${label}: sender's CPU per webhook`,
        value: (load.clientCpuSeconds / total) * 1e6,
        unit: "µs",
        note: `${load.client}, on the same two cores as the server`,
      },
    ];
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (database) await admin(`drop database if exists ${database} with (force)`);
  }
}
