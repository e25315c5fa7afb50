import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { Registry } from "prom-client";
import { MIGRATIONS } from "../src/main.ts";
import { createIngest } from "../src/modules/ingest/index.ts";
import { createRecords } from "../src/modules/records/index.ts";
import type { Database } from "../src/platform/db/database.ts";
import { migrate } from "../src/platform/db/migrations.ts";
import { openPglite } from "../src/platform/db/pglite.ts";
import { openPostgres } from "../src/platform/db/postgres.ts";
import { createLogger } from "../src/platform/logger.ts";
import { createKeyring } from "../src/platform/secret-key.ts";
import type { Metric } from "./support/results.ts";

/**
 * CSV import end to end (issue 6: "CSV import throughput for a 1,000,000-line item master"): a
 * generated item master is dropped in a file drop's folder and imported by the watcher as in
 * production — streamed, mapped row by row with a saved mapping, upserted in chunks of 5,000, the
 * file moved to processed/ with its report. Measures records per second from the drop to the
 * report, and the process's peak RSS while it runs (the file is never held in memory). Against
 * it, in the same run, the rate of records.upsert alone on the same rows (no file, no mapping).
 * BENCH_CSV_LINES shrinks the file for a quick run.
 */
const SERVER = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const LINES = Number(process.env.BENCH_CSV_LINES ?? 1_000_000);
/** Rows upserted directly for the anchor: enough for a steady rate, fewer than the file's. */
const ANCHOR_ROWS = Math.min(LINES, Number(process.env.BENCH_CSV_ANCHOR_ROWS ?? 100_000));
const TENANT = "ten_bench_csv";

const CATEGORIES = ["fasteners", "electrical", "safety", "abrasives", "fluid power", "janitorial"];
const HEADER = [
  "Item No",
  "Description",
  "Long Description",
  "Status",
  "UOM",
  "Category",
  "Product Line",
  "Brand",
  "Manufacturer",
  "Mfr Part No",
  "UPC",
  "Currency",
  "Std Cost",
  "List Price",
  "Weight (lb)",
  "Stocked",
  "Hazmat",
];

/** An item master row as an ERP exports it: 17 columns, some quoted. */
function csvLine(n: number): string {
  return [
    `SKU-${String(n).padStart(7, "0")}`,
    `"Hex cap screw M${6 + (n % 10)} x ${20 + (n % 80)} mm, zinc"`,
    "Grade 8.8 steel DIN 933 fully threaded",
    n % 50 === 0 ? "I" : "A",
    "ea",
    CATEGORIES[n % CATEGORIES.length],
    `PL-${n % 40}`,
    `Brand ${n % 25}`,
    `"Maker ${n % 60}, GmbH"`,
    `MPN-${n * 7}`,
    String(10_000_000_000 + n).padStart(12, "0"),
    "USD",
    ((n % 900) / 100 + 0.01).toFixed(2),
    ((n % 900) / 50 + 0.05).toFixed(2),
    ((n % 300) / 100 + 0.1).toFixed(3),
    n % 3 === 0 ? "N" : "Y",
    n % 97 === 0 ? "Y" : "N",
  ].join(",");
}

const MAPPING = {
  version: 1,
  records: [
    {
      type: "item",
      fields: {
        external_id: '["Item No"]',
        sku: '["Item No"]',
        name: "Description",
        description: '["Long Description"]',
        status: { path: "Status", map: { values: { A: "active", I: "inactive" } } },
        base_uom: { path: "UOM", case: "upper" },
        category: "Category",
        product_line: '["Product Line"]',
        brand: "Brand",
        manufacturer: "Manufacturer",
        manufacturer_part_number: '["Mfr Part No"]',
        gtin: "UPC",
        currency: "Currency",
        standard_cost: '["Std Cost"]',
        list_price: '["List Price"]',
        weight: '["Weight (lb)"]',
        weight_uom: { const: "LB" },
        is_stocked: "Stocked",
        is_hazardous: "Hazmat",
      },
    },
  ],
};

/** The same item as the mapping makes it, for the direct upsert. */
function itemRow(n: number) {
  return {
    source_system: "erp-direct",
    external_id: `SKU-${String(n).padStart(7, "0")}`,
    sku: `SKU-${String(n).padStart(7, "0")}`,
    name: `Hex cap screw M${6 + (n % 10)} x ${20 + (n % 80)} mm, zinc`,
    description: "Grade 8.8 steel DIN 933 fully threaded",
    status: n % 50 === 0 ? "inactive" : "active",
    base_uom: "EA",
    category: CATEGORIES[n % CATEGORIES.length],
    product_line: `PL-${n % 40}`,
    brand: `Brand ${n % 25}`,
    manufacturer: `Maker ${n % 60}, GmbH`,
    manufacturer_part_number: `MPN-${n * 7}`,
    gtin: String(10_000_000_000 + n).padStart(12, "0"),
    currency: "USD",
    standard_cost: ((n % 900) / 100 + 0.01).toFixed(2),
    list_price: ((n % 900) / 50 + 0.05).toFixed(2),
    weight: ((n % 300) / 100 + 0.1).toFixed(3),
    weight_uom: "LB",
    is_stocked: n % 3 !== 0,
    is_hazardous: n % 97 === 0,
  };
}

async function writeItemMaster(file: string, lines: number): Promise<number> {
  const out = createWriteStream(file);
  let chunk = `${HEADER.map((name) => (name.includes(" ") ? `"${name}"` : name)).join(",")}\n`;
  for (let n = 1; n <= lines; n++) {
    chunk += `${csvLine(n)}\n`;
    if (chunk.length > 1 << 20 || n === lines) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end();
  await once(out, "close");
  return (await stat(file)).size;
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

/** Samples the process's RSS every 100 ms; the peak since it started. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export async function benchCsvImport(kind: "pglite" | "postgres"): Promise<Metric[]> {
  const label = kind === "postgres" ? "PostgreSQL server" : "PGlite";
  const work = await mkdtemp(path.join(tmpdir(), `crossdock-bench-csv-${kind}-`));
  let database: string | undefined;
  let db: Database;
  if (kind === "postgres") {
    database = `crossdock_bench_csv_${Date.now()}`;
    await admin(`create database ${database}`);
    const url = new URL(SERVER);
    url.pathname = `/${database}`;
    db = await openPostgres(url.toString(), 10, () => undefined);
  } else {
    db = await openPglite(path.join(work, "pg"));
  }
  const root = path.join(work, "drops");
  const ingest = createIngest({
    db,
    records: createRecords({ db }),
    logger: createLogger({ level: "warn" }),
    keyring: createKeyring({ secretKey: randomBytes(32).toString("base64"), dataDir: work, databaseKind: db.kind }),
    metricsRegistry: new Registry(),
    fileDropsDir: root,
  });
  try {
    await migrate(db, MIGRATIONS);
    const ctx = { tenantId: TENANT, actor: { type: "operator" as const, id: "bench" } };
    const drop = await ingest.files.create(ctx, {
      name: "item-master",
      system: "erp",
      source_system: "erp",
      mapping: MAPPING,
      format: { type: "csv" },
      location: { type: "folder" },
      settle_seconds: 0,
      poll_seconds: 3600,
    });
    const staging = path.join(work, "generated");
    await mkdir(staging, { recursive: true });
    const generated = path.join(staging, "item-master.csv");
    process.stdout.write(`  generating ${LINES.toLocaleString("en-US")} lines…\n`);
    const bytes = await writeItemMaster(generated, LINES);
    const rssBefore = process.memoryUsage().rss;

    // The import, from the file appearing in the folder to its report.
    const memory = rssSampler();
    const started = performance.now();
    await rename(generated, path.join((drop.location as { path: string }).path, "item-master.csv"));
    ingest.files.start();
    let imported: Awaited<ReturnType<typeof ingest.files.imports.list>>["data"][number] | undefined;
    for (;;) {
      await ingest.files.scanAll();
      [imported] = (await ingest.files.imports.list(TENANT, { drop: drop.id, limit: 1 })).data;
      if (imported && (imported.status === "processed" || imported.status === "failed")) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    const peakRss = memory.stop();
    await ingest.files.stop();
    if (imported?.status !== "processed" || imported.rejected > 0 || imported.inserted !== LINES) {
      throw new Error(`the import did not write every row: ${JSON.stringify({ ...imported, report: imported?.report?.error })}`);
    }

    // The anchor: records.upsert alone, in the importer's batch size, on the same items.
    const records = createRecords({ db });
    const anchorStarted = performance.now();
    for (let from = 1; from <= ANCHOR_ROWS; from += 5_000) {
      const rows = Array.from({ length: Math.min(5_000, ANCHOR_ROWS - from + 1) }, (_, index) => itemRow(from + index));
      const result = await records.upsert(ctx, "item", rows, { mode: "partial" });
      if (result.rejected.length > 0) throw new Error(`direct upsert refused rows: ${JSON.stringify(result.rejected[0])}`);
    }
    const anchorRate = ANCHOR_ROWS / ((performance.now() - anchorStarted) / 1000);

    const rate = LINES / seconds;
    const mb = (value: number) => value / 1024 / 1024;
    return [
      {
        name: `${label}: CSV import, item master end to end`,
        value: rate,
        unit: "records/s",
        anchor: { name: "records.upsert alone, same items, batches of 5,000", value: anchorRate, unit: "records/s" },
        note: `${LINES.toLocaleString("en-US")} lines, ${mb(bytes).toFixed(0)} MB, 17 columns, in ${seconds.toFixed(1)} s`,
      },
      {
        name: `${label}: CSV import, peak RSS`,
        value: mb(peakRss),
        unit: "MB",
        note: `${mb(rssBefore).toFixed(0)} MB before the import; the file is ${mb(bytes).toFixed(0)} MB`,
      },
    ];
  } finally {
    await ingest.files.stop();
    await db.close();
    await rm(work, { recursive: true, force: true });
    if (database) await admin(`drop database if exists ${database} with (force)`);
  }
}
