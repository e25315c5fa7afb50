import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { type ServerProcess, startServer } from "../test/support/server-process.ts";
import { type Metric, report } from "./support/results.ts";

/**
 * Records through the HTTP API, as an integrator would use it, against a `crossdock start`
 * process: bulk upsert throughput, single-record GET latency under 50 concurrent clients, and
 * start-up time on an existing data directory — on a PostgreSQL server and on embedded PGlite.
 */
const SERVER = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BATCH = 1_000;
// Two senders: one batch is parsed and validated while the other is written.
const SENDERS = Number(process.env.BENCH_SENDERS ?? 2);
const TOTAL = {
  postgres: Number(process.env.BENCH_RECORDS ?? 60_000),
  pglite: Number(process.env.BENCH_RECORDS_PGLITE ?? 30_000),
};
const GET_SECONDS = Number(process.env.BENCH_GET_SECONDS ?? 10);

const CATEGORIES = ["fasteners", "electrical", "safety", "abrasives", "fluid power", "janitorial"];

/** An item of 19 fields, like an ERP item-master export row. */
function item(n: number, revision = 0) {
  return {
    source_system: "erp",
    external_id: `ITEM-${n}`,
    sku: `SKU-${String(n).padStart(7, "0")}`,
    name: `Hex cap screw M${6 + (n % 10)} x ${20 + (n % 80)} mm, zinc${revision ? ` r${revision}` : ""}`,
    description: "Grade 8.8 steel, DIN 933, fully threaded",
    status: "active",
    base_uom: "EA",
    category: CATEGORIES[n % CATEGORIES.length],
    product_line: `PL-${n % 40}`,
    brand: `Brand ${n % 25}`,
    manufacturer: `Maker ${n % 60} GmbH`,
    manufacturer_part_number: `MPN-${n * 7}`,
    gtin: String(4_000_000_000_000 + n).padStart(14, "0"),
    currency: "USD",
    standard_cost: ((n % 500) / 100 + 0.05).toFixed(2),
    list_price: ((n % 500) / 50 + 0.25).toFixed(2),
    weight: "0.012",
    weight_uom: "KG",
    is_stocked: n % 7 !== 0,
  };
}

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
  // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads a few known fields of the API's answers
  const json = (await response.json()) as any;
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

async function upsertAll(
  server: ServerProcess,
  key: string,
  total: number,
  revision: number,
): Promise<{ perSecond: number; counts: Record<string, number> }> {
  const batches = Array.from({ length: Math.ceil(total / BATCH) }, (_, b) =>
    Array.from({ length: Math.min(BATCH, total - b * BATCH) }, (_, i) => item(b * BATCH + i, revision)),
  );
  const counts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const result = await call(server, "POST", "/api/v1/records/items", key, batch);
        counts.inserted += result.inserted;
        counts.updated += result.updated;
        counts.unchanged += result.unchanged;
        counts.rejected += result.rejected.length;
      }
    }),
  );
  return { perSecond: total / ((performance.now() - started) / 1000), counts };
}

async function latency(server: ServerProcess, key: string, paths: string[]) {
  const result = await autocannon({
    url: server.url,
    connections: 50,
    duration: GET_SECONDS,
    headers: { authorization: `Bearer ${key}` },
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: paths[Math.floor(Math.random() * paths.length)] as string }),
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

async function runBackend(kind: "postgres" | "pglite"): Promise<Metric[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `crossdock-bench-${kind}-`));
  const env: Record<string, string> = { CROSSDOCK_DATA_DIR: dataDir };
  let database: string | undefined;
  if (kind === "postgres") {
    database = `crossdock_bench_${Date.now()}`;
    await admin(`create database ${database}`);
    const url = new URL(SERVER);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  const label = kind === "postgres" ? "PostgreSQL server" : "PGlite";
  const metrics: Metric[] = [];
  try {
    let server = await startServer(env);
    const tenant = await call(server, "POST", "/api/v1/tenants", server.operatorToken, { name: "Bench Supply", slug: "bench" });
    const key = (
      await call(
        server,
        "POST",
        "/api/v1/api-keys",
        server.operatorToken,
        { name: "bench", scopes: ["records:read", "records:write"] },
        tenant.slug,
      )
    ).secret as string;

    const total = TOTAL[kind];
    const inserted = await upsertAll(server, key, total, 0);
    if (inserted.counts.inserted !== total) throw new Error(`expected ${total} inserted, got ${JSON.stringify(inserted.counts)}`);
    const updated = await upsertAll(server, key, total, 1);
    const unchanged = await upsertAll(server, key, total, 1);
    if (unchanged.counts.unchanged !== total)
      throw new Error(`expected ${total} unchanged, got ${JSON.stringify(unchanged.counts)}`);
    metrics.push({
      name: `${label}: bulk upsert, new records`,
      value: inserted.perSecond,
      unit: "records/s",
      target: kind === "postgres" ? ">= 20000" : ">= 8000",
      note: `${total} items of 19 fields, batches of ${BATCH}, ${SENDERS} concurrent senders`,
    });
    metrics.push({
      name: `${label}: bulk upsert, every record changed`,
      value: updated.perSecond,
      unit: "records/s",
      target: kind === "postgres" ? ">= 20000" : ">= 8000",
    });
    metrics.push({ name: `${label}: bulk upsert, nothing changed (retry)`, value: unchanged.perSecond, unit: "records/s" });

    const page = await call(server, "GET", "/api/v1/records/items?limit=1000", key);
    const paths = (page.data as { id: string }[]).map((record) => `/api/v1/records/items/${record.id}`);
    const floor = await latency(server, key, ["/healthz"]);
    const get = await latency(server, key, paths);
    if (get.errors > 0) throw new Error(`${get.errors} GET requests failed`);
    const anchor = { name: "GET /healthz p99, same load", value: floor.p99, unit: "ms" };
    metrics.push({ name: `${label}: GET one record, 50 clients, p50`, value: get.p50, unit: "ms" });
    metrics.push({
      name: `${label}: GET one record, 50 clients, p99`,
      value: get.p99,
      unit: "ms",
      target: kind === "postgres" ? "< 20" : undefined,
      anchor,
    });
    metrics.push({ name: `${label}: GET one record, 50 clients, throughput`, value: get.rps, unit: "requests/s" });

    const exit = await server.stop();
    if (exit !== 0) throw new Error(`server exited with ${exit} on SIGINT`);
    server = await startServer(env);
    metrics.push({
      name: `${label}: start to ready, existing data`,
      value: server.readyMs / 1000,
      unit: "s",
      target: "< 3",
      note: `spawn to ready, including Node start; the server's own count: ${server.printedReadySeconds} s`,
    });
    await server.stop();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    if (database) await admin(`drop database if exists ${database} with (force)`);
  }
  return metrics;
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  await client.query(statement);
  await client.end();
}

export async function main() {
  const only = process.env.BENCH_BACKEND;
  const metrics: Metric[] = [];
  for (const kind of ["postgres", "pglite"] as const) {
    if (only && only !== kind) continue;
    process.stderr.write(`records benchmark on ${kind}…\n`);
    metrics.push(...(await runBackend(kind)));
  }
  await report("records", metrics, {
    cores: (await import("node:os")).cpus().length,
    batch: BATCH,
    senders: SENDERS,
    node: process.version,
  });
}
