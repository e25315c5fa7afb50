import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordsSummary } from "../../modules/records/index.ts";
import { sweepIdempotencyKeys } from "../idempotency.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const item = (n: number, extra: Record<string, unknown> = {}) => ({
  source_system: "erp",
  external_id: `I-${n}`,
  sku: `SKU-${n}`,
  name: `Item ${n}`,
  base_uom: "EA",
  ...extra,
});

describe("records through the REST API", () => {
  let server: TestServer;
  let key: string;
  beforeAll(async () => {
    server = await createTestServer({ CROSSDOCK_BODY_LIMIT_MB: "2" });
    ({ key } = await server.createTenantWithKey("rec"));
  });
  afterAll(() => server.close());

  it("upserts a JSON array, reads one back by id and by external id, and lists it", async () => {
    const written = await server.request("POST", "/api/v1/records/items", {
      token: key,
      json: [item(1, { list_price: 12.5, currency: "USD" }), item(2)],
    });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: [] });
    const id = written.body.results[0].id;
    expect(id).toMatch(/^item_/);
    const one = await server.request("GET", `/api/v1/records/items/${id}`, { token: key });
    expect(one.body).toMatchObject({ id, external_id: "I-1", sku: "SKU-1", list_price: "12.5", currency: "USD", version: 1 });
    const byExternal = await server.request("GET", "/api/v1/records/items/by-external-id/erp/I-1", { token: key });
    expect(byExternal.body.id).toBe(id);
    const list = await server.request("GET", "/api/v1/records/items?sort=-sku&limit=1", { token: key });
    expect(list.body.data.map((row: { sku: string }) => row.sku)).toEqual(["SKU-2"]);
    const next = await server.request("GET", `/api/v1/records/items?sort=-sku&limit=1&cursor=${list.body.next_cursor}`, {
      token: key,
    });
    expect(next.body.data.map((row: { sku: string }) => row.sku)).toEqual(["SKU-1"]);
    expect((await server.request("GET", "/api/v1/records/items/item_01aaaaaaaaaaaaaaaaaaaaaaaa", { token: key })).status).toBe(
      404,
    );
  });

  it("accepts JSONL, and keeps a change history per record", async () => {
    const body = [item(1, { name: "Item one, renamed" }), item(3)].map((row) => JSON.stringify(row)).join("\n");
    const written = await server.request("POST", "/api/v1/records/items", {
      token: key,
      body,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(written.body).toMatchObject({ inserted: 1, updated: 1 });
    const id = written.body.results[0].id;
    const history = await server.request("GET", `/api/v1/records/items/${id}/history`, { token: key });
    expect(history.status).toBe(200);
    expect(history.body.data).toHaveLength(2);
  });

  it("returns the first result for a retried Idempotency-Key and writes nothing twice", async () => {
    const batch = [item(10), item(11)];
    const first = await server.request("POST", "/api/v1/records/items", {
      token: key,
      json: batch,
      headers: { "idempotency-key": "sync-42" },
    });
    expect(first.body.inserted).toBe(2);
    const retry = await server.request("POST", "/api/v1/records/items", {
      token: key,
      json: batch,
      headers: { "idempotency-key": "sync-42" },
    });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const audit = await server.request("GET", "/api/v1/audit?action=records.item.upserted&limit=100", { token: key });
    const batchesWith10 = audit.body.data.filter((entry: { data: { ids?: string[] } }) =>
      entry.data.ids?.includes(first.body.results[0].id),
    );
    expect(batchesWith10).toHaveLength(1);
    const reused = await server.request("POST", "/api/v1/records/items", {
      token: key,
      json: [item(12)],
      headers: { "idempotency-key": "sync-42" },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
  });

  it("forgets an Idempotency-Key after its retention, at the next use or by the sweep", async () => {
    const send = (key_: string, n: number) =>
      server.request("POST", "/api/v1/records/items", { token: key, json: [item(n)], headers: { "idempotency-key": key_ } });
    expect((await send("old-1", 90)).status).toBe(200);
    expect((await send("old-2", 91)).status).toBe(200);
    expect((await send("fresh", 92)).status).toBe(200);
    // Age two keys past the default 24 hours.
    await server.crossdock.db.pool.query(
      "update platform.idempotency_keys set created_at = now() - interval '25 hours' where key in ('old-1', 'old-2')",
    );
    // An expired key is a new request: a different body is accepted rather than refused as a reuse.
    const reused = await send("old-1", 93);
    expect(reused.status).toBe(200);
    expect(reused.headers.get("idempotent-replayed")).toBeNull();
    expect(reused.body.results[0].external_id).toBe("I-93");

    expect(await sweepIdempotencyKeys(server.crossdock.db, 24)).toBe(1);
    const { rows: left } = await server.crossdock.db.pool.query<{ key: string }>(
      "select key from platform.idempotency_keys where key in ('old-1', 'old-2', 'fresh') order by key",
    );
    expect(left.map((row) => row.key)).toEqual(["fresh", "old-1"]);
    expect((await send("fresh", 92)).headers.get("idempotent-replayed")).toBe("true");
  });

  it("rejects a whole atomic batch with an error per row, and writes nothing", async () => {
    const response = await server.request("POST", "/api/v1/records/items", {
      token: key,
      json: [
        item(20),
        { ...item(21), colour: "red" },
        { ...item(22), list_price: "a lot" },
        { source_system: "erp", external_id: "I-23", sku: "SKU-23" },
        item(20),
      ],
    });
    expect(response.status).toBe(422);
    const details = response.body.error.details as { index: number; path?: string; message: string }[];
    expect(details.find((d) => d.index === 1)).toMatchObject({ path: "colour", message: expect.stringMatching(/not a field/) });
    expect(details.find((d) => d.index === 2)?.path).toMatch(/list_price/);
    expect(details.filter((d) => d.index === 3).map((d) => d.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/name/)]),
    );
    expect(details.find((d) => d.index === 4)?.message).toMatch(/repeats the record of row 0/);
    expect((await server.request("GET", "/api/v1/records/items/by-external-id/erp/I-20", { token: key })).status).toBe(404);
  });

  it("sums up the record types, and counts a filtered list when asked", async () => {
    const { key: own } = await server.createTenantWithKey("summary");
    await server.request("POST", "/api/v1/records/items", { token: own, json: [item(1), item(2), item(3)] });
    const summary = await server.request("GET", "/api/v1/records", { token: own });
    expect(summary.status).toBe(200);
    expect(RecordsSummary.parse(summary.body).data[0]).toMatchObject({
      type: "item",
      path: "items",
      title: "Item",
      count: 3,
      last_updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(summary.body.data.find((entry: { type: string }) => entry.type === "customer")).toMatchObject({ count: 0 });

    const page = await server.request("GET", "/api/v1/records/items?limit=2&total=true", { token: own });
    expect(page.body).toMatchObject({ total: 3, next_cursor: expect.any(String) });
    expect(page.body.data).toHaveLength(2);
    const next = await server.request("GET", `/api/v1/records/items?limit=2&total=true&cursor=${page.body.next_cursor}`, {
      token: own,
    });
    expect(next.body).toMatchObject({ total: 3, next_cursor: null });
    const filtered = await server.request("GET", "/api/v1/records/items?external_id=I-2&total=true", { token: own });
    expect(filtered.body.total).toBe(1);
    expect((await server.request("GET", "/api/v1/records/items", { token: own })).body).not.toHaveProperty("total");
    expect((await server.request("GET", "/api/v1/records/items?total=1", { token: own })).status).toBe(422);

    const openapi = (await server.request("GET", "/openapi.json")).body;
    const listed = openapi.paths["/api/v1/records/items"].get;
    expect(listed.parameters.map((p: { name: string }) => p.name)).toContain("total");
    expect(JSON.stringify(listed.responses["200"])).toContain("total");
  });

  it("writes the valid rows of a partial batch and reports the others", async () => {
    const response = await server.request("POST", "/api/v1/records/items?mode=partial", {
      token: key,
      json: [item(30), { ...item(31), base_uom: 7 }],
    });
    expect(response.status).toBe(200);
    expect(response.body.inserted).toBe(1);
    expect(response.body.rejected).toEqual([
      expect.objectContaining({ index: 1, external_id: "I-31", path: expect.stringMatching(/base_uom/) }),
    ]);
    expect(response.body.results[1].status).toBe("rejected");
  });

  it("refuses malformed bodies, oversized batches and unknown media types, and keeps serving", async () => {
    const malformed = await server.request("POST", "/api/v1/records/items", {
      token: key,
      body: '[{"external_id": ',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_json");
    const badLine = await server.request("POST", "/api/v1/records/items", {
      token: key,
      body: `${JSON.stringify(item(40))}\n{nope`,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(badLine.status).toBe(400);
    expect(badLine.body.error.message).toMatch(/Line 2/);
    const notArray = await server.request("POST", "/api/v1/records/items", { token: key, json: item(41) });
    expect(notArray.status).toBe(400);
    const tooMany = await server.request("POST", "/api/v1/records/items", {
      token: key,
      body: `[${Array(10_001).fill("{}").join(",")}]`,
      headers: { "content-type": "application/json" },
    });
    expect(tooMany.status).toBe(413);
    const tooLarge = await server.request("POST", "/api/v1/records/items", {
      token: key,
      body: JSON.stringify([item(42, { description: "x".repeat(2_500_000) })]),
      headers: { "content-type": "application/json" },
    });
    expect(tooLarge.status).toBe(413);
    const xml = await server.request("POST", "/api/v1/records/items", {
      token: key,
      body: "<items/>",
      headers: { "content-type": "application/xml" },
    });
    expect(xml.status).toBe(415);
    const unknownType = await server.request("POST", "/api/v1/records/widgets", { token: key, json: [] });
    expect(unknownType.status).toBe(404);
    const badFilter = await server.request("GET", "/api/v1/records/items?limit=5000", { token: key });
    expect(badFilter.status).toBe(422);
    expect(badFilter.body.error.details[0].path).toBe("limit");
    expect((await server.request("GET", "/api/v1/records/items?limit=1", { token: key })).status).toBe(200);
  });
});
