import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { governanceContract } from "../../modules/governance/index.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const item = (n: number) => ({ source_system: "erp", external_id: `I-${n}`, sku: `SKU-${n}`, name: `Item ${n}`, base_uom: "EA" });

describe("the audit trail for the console", () => {
  let server: TestServer;
  let key: string;
  beforeAll(async () => {
    server = await createTestServer();
    ({ key } = await server.createTenantWithKey("acme"));
  });
  afterAll(() => server.close());

  it("names every record of a large batch, and finds a record's entries alone or in a batch", async () => {
    const batch = await server.request("POST", "/api/v1/records/items", {
      token: key,
      json: Array.from({ length: 1500 }, (_, n) => item(n)),
    });
    expect(batch.status).toBe(200);
    const ids: string[] = batch.body.results.map((row: { id: string }) => row.id);
    const [entry] = (await server.request("GET", "/api/v1/audit?action=records.item.upserted", { token: key })).body.data;
    expect(entry.data.ids).toHaveLength(1500);
    expect(entry.data).not.toHaveProperty("ids_truncated");

    const last = ids.at(-1) as string;
    const single = await server.request("POST", "/api/v1/records/items", {
      token: key,
      json: [{ ...item(1499), name: "Renamed" }],
    });
    expect(single.body.updated).toBe(1);
    const trail = await server.request("GET", `/api/v1/audit?record=${last}`, { token: key });
    expect(trail.status).toBe(200);
    expect(
      trail.body.data.map((e: { resource_id: string; data: { updated: number } }) => [e.resource_id, e.data.updated]),
    ).toEqual([
      [last, 1],
      ["batch", 0],
    ]);
    const other = await server.createTenantWithKey("other");
    expect((await server.request("GET", `/api/v1/audit?record=${last}`, { token: other.key })).body.data).toEqual([]);
    const tooLong = await server.request("GET", `/api/v1/audit?record=${"x".repeat(101)}`, { token: key });
    expect(tooLong.status).toBe(422);
  });

  it("lists the trail's actions, actors and resource types for the filters", async () => {
    await server.request("POST", "/api/v1/users", {
      token: key,
      json: { email: "casey@acme.test", name: "Casey", password: "a long enough password", roles: ["csr"] },
    });
    const response = await server.request("GET", "/api/v1/audit/facets", { token: key });
    expect(response.status).toBe(200);
    const facets = governanceContract.AuditFacets.parse(response.body);
    expect(facets.actions).toEqual(["api_key.created", "records.item.upserted", "tenant.created", "user.created"]);
    expect(facets.resource_types).toEqual(["api_key", "item", "tenant", "user"]);
    expect(facets.actors.map((actor) => actor.type)).toEqual(expect.arrayContaining(["operator", "api_key"]));
    expect(facets.actors.find((actor) => actor.type === "api_key")).toMatchObject({ label: "test" });
    const { key: reader } = await server.createTenantWithKey("reader", ["records:read"]);
    expect((await server.request("GET", "/api/v1/audit/facets", { token: reader })).status).toBe(403);
  });
});
