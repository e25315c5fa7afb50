import { loadavg } from "node:os";
import { benchCsvImport } from "./ingest-csv.ts";
import { benchWebhooks } from "./ingest-webhooks.ts";
import { type Metric, report } from "./support/results.ts";
import { measureX12 } from "./x12.ts";

/**
 * `npm run bench -- ingest` (issue 6): inbound webhooks end to end on PGlite and on the PostgreSQL
 * server (target ≥ 2,000/s on the server, p99 accept latency < 50 ms), then X12 parsing against
 * node-x12 and x12-parser (see x12.ts). The CSV import figure comes with the file drops.
 */
export async function main(): Promise<void> {
  const metrics: Metric[] = [];
  for (const kind of ["pglite", "postgres"] as const) {
    process.stdout.write(`webhooks on ${kind}…\n`);
    metrics.push(...(await benchWebhooks(kind)));
  }
  process.stdout.write("X12 parsing…\n");
  const x12 = await measureX12();
  metrics.push(...x12.metrics);
  for (const kind of ["pglite", "postgres"] as const) metrics.push(...(await benchCsvImport(kind)));
  await report("ingest", metrics, { load_average: loadavg(), node: process.version, x12: x12.context });
}
