import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECORD_TYPES } from "../modules/records/index.ts";
import { rows, withTenant } from "../platform/index.ts";
import { createTestServer, type TestServer } from "../server/testing/test-server.ts";
import { generateWorld } from "./generate-world.ts";
import { LOAD_ORDER, loadWorld, type RecordsApi } from "./load-world.ts";
import type { DemoWorld } from "./world.ts";

/** Loads the small demo business into a fresh database through the records API, as `npm run demo` does. */
describe("loading the demo world", { timeout: 120_000 }, () => {
  let server: TestServer;
  let world: DemoWorld;
  let tenantId: string;
  let api: RecordsApi;

  beforeAll(async () => {
    server = await createTestServer();
    const { tenant, key } = await server.createTenantWithKey("harbor");
    tenantId = tenant.id;
    api = {
      async request<T>(method: string, apiPath: string, options: { json?: unknown; headers?: Record<string, string> } = {}) {
        const response = await server.request(method, apiPath, { token: key, json: options.json, headers: options.headers });
        if (response.status >= 400) throw new Error(`${method} ${apiPath}: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body as T;
      },
    };
    world = generateWorld({ scale: "small", seed: 3 });
  });
  afterAll(() => server.close());

  const countsInDatabase = () =>
    withTenant(server.crossdock.db, tenantId, async (tx) => {
      const counts: Record<string, number> = {};
      for (const name of LOAD_ORDER) {
        const plural = RECORD_TYPES.find((type) => type.name === name)?.plural;
        const table = sql.raw(`records.${plural}`);
        counts[name] = (await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${table}`))[0]?.n ?? 0;
      }
      return counts;
    });

  it("writes every record of the world, and loading again writes nothing twice", async () => {
    const summary = await loadWorld(api, "harbor", world);
    const expected = Object.fromEntries(LOAD_ORDER.map((name) => [name, world.records[name].length]));
    expect(summary.records).toBe(Object.values(expected).reduce((sum, n) => sum + n, 0));
    expect(await countsInDatabase()).toEqual(expected);

    await loadWorld(api, "harbor", world);
    expect(await countsInDatabase()).toEqual(expected);
  });

  it("reads back as the world wrote it, lines included", async () => {
    const order = world.records.sales_order.at(-10);
    const stored = await api.request<Record<string, unknown> & { lines: unknown[] }>(
      "GET",
      `/api/v1/records/sales-orders/by-external-id/erp/${order?.external_id}`,
    );
    expect(stored).toMatchObject({ order_number: order?.order_number, customer_external_id: order?.customer_external_id });
    expect(stored.lines).toHaveLength(order?.lines?.length ?? -1);
    const late = world.truth.lateShipments.at(-1);
    const shipment = await api.request<{ tracking_events: { status: string }[] }>(
      "GET",
      `/api/v1/records/shipments/by-external-id/tms/${late?.shipmentExternalId}`,
    );
    expect(shipment.tracking_events.length).toBeGreaterThan(0);
  });
});
