import { RECORD_TYPES, type RecordTypeName } from "../modules/records/index.ts";
import type { DemoWorld } from "./world.ts";

/** The part of an API client the loader needs: the CLI's client, in-process or over HTTP, fits it. */
export type RecordsApi = {
  request<T>(
    method: string,
    apiPath: string,
    options?: { tenant?: string | undefined; json?: unknown; headers?: Record<string, string> },
  ): Promise<T>;
};

/** Master data first, so every reference a record makes names something already loaded. */
export const LOAD_ORDER: RecordTypeName[] = [
  "location",
  "supplier",
  "item",
  "customer",
  "ship_to",
  "item_xref",
  "price_list",
  "price_agreement",
  "purchase_order",
  "sales_order",
  "receipt",
  "shipment",
  "invoice",
  "inventory_movement",
  "inventory_balance",
  "service_case",
];

const BATCH = 1_000;
const IN_FLIGHT = 2;

export type LoadProgress = (type: RecordTypeName, loaded: number, total: number) => void;
export type LoadSummary = { records: number; byType: Partial<Record<RecordTypeName, number>>; seconds: number };

/**
 * Loads the world into a tenant through the records API, as a customer's integration would:
 * batches of 1,000, each with an Idempotency-Key, so loading again after an interruption writes
 * nothing twice. A rejected record stops the load with the API's reasons.
 */
export async function loadWorld(
  api: RecordsApi,
  tenant: string,
  world: DemoWorld,
  progress?: LoadProgress,
): Promise<LoadSummary> {
  const started = performance.now();
  const byType: LoadSummary["byType"] = {};
  let records = 0;
  for (const name of LOAD_ORDER) {
    const type = RECORD_TYPES.find((candidate) => candidate.name === name);
    if (!type) throw new Error(`unknown record type ${name}`);
    const rows = world.records[name] as unknown[];
    const batches = Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, b) => rows.slice(b * BATCH, (b + 1) * BATCH));
    let loaded = 0;
    let next = 0;
    progress?.(name, 0, rows.length);
    await Promise.all(
      Array.from({ length: Math.min(IN_FLIGHT, batches.length) }, async () => {
        while (next < batches.length) {
          const index = next++;
          const batch = batches[index] as unknown[];
          const result = await api.request<{ rejected: { message: string; path?: string; external_id?: string }[] }>(
            "POST",
            `/api/v1/records/${type.path}`,
            { tenant, json: batch, headers: { "idempotency-key": `demo-${world.seed}-${world.scale}-${name}-${index}` } },
          );
          if (result.rejected.length > 0) {
            const first = result.rejected[0];
            throw new Error(
              `the API rejected ${type.plural} ${first?.external_id ?? ""}: ${first?.path ?? ""} ${first?.message ?? ""}`,
            );
          }
          loaded += batch.length;
          progress?.(name, loaded, rows.length);
        }
      }),
    );
    byType[name] = rows.length;
    records += rows.length;
  }
  return { records, byType, seconds: (performance.now() - started) / 1000 };
}
