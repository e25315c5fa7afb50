import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PullConnector, PullRun, type PullStream, type Source } from "../../modules/ingest/index.ts";
import { startTargetServer, type TargetServer } from "../../platform/testing/http-target-server.ts";
import { usingServer } from "../../platform/testing/test-database.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const API_KEY = "erp-key-0123456789abcdef";

const items = Array.from({ length: 7 }, (_, index) => ({
  id: `I-${index + 1}`,
  sku: `SKU-${index + 1}`,
  name: `Item ${index + 1}`,
  price: "2.50",
}));

describe(`the pull connectors API (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let server: TestServer;
  let erp: TargetServer;
  let admin: { key: string };
  let reader: { key: string };
  let other: { key: string };
  let created: PullConnector;

  const input = (name: string) => ({
    name,
    kind: "rest",
    system: "erp",
    interval_seconds: 3600,
    connection: { base_url: `${erp.url}/api`, auth: { type: "api_key", name: "X-Api-Key", value: API_KEY } },
    resources: {
      items: {
        path: "/items",
        query: { page: "{page}", per_page: "{page_size}" },
        items_path: "items",
        paging: { type: "page", first_page: 1 },
        page_size: 5,
        mapping: {
          version: 1,
          records: [
            {
              type: "item",
              fields: {
                external_id: "id",
                sku: "sku",
                name: "name",
                base_uom: { const: "EA" },
                list_price: "price",
                currency: { const: "USD" },
              },
            },
          ],
        },
      },
    },
  });

  beforeAll(async () => {
    erp = await startTargetServer({
      handle: (request) => {
        if (request.headers["x-api-key"] !== API_KEY) return { status: 401, body: { error: "bad key" } };
        const url = new URL(request.path, "http://erp");
        const page = Number(url.searchParams.get("page"));
        const size = Number(url.searchParams.get("per_page"));
        return { status: 200, body: { items: items.slice((page - 1) * size, page * size) } };
      },
    });
    server = await createTestServer({ CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 9).toString("base64") });
    admin = await server.createTenantWithKey("harbor");
    const key = await server.request("POST", "/api/v1/api-keys", {
      token: server.operatorToken,
      tenant: "harbor",
      json: { name: "reader", scopes: ["ingest:read"] },
    });
    reader = { key: key.body.secret };
    other = await server.createTenantWithKey("bayside");
  });
  afterAll(async () => {
    await server?.crossdock.ingest.pull.stop();
    await server?.close();
    await erp?.close();
  });

  const call = (method: string, path: string, token: string, json?: unknown) =>
    server.request(method, `/api/v1/ingest/pull-connectors${path}`, { token, ...(json !== undefined ? { json } : {}) });
  const drain = () => server.crossdock.ingest.pull.drain();

  it("creates a connector, answering with its secret masked, never again in full", async () => {
    const response = await call("POST", "", admin.key, input("acme-erp"));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    created = PullConnector.parse(response.body);
    expect(created.connection.auth).toEqual({ type: "api_key", in: "header", name: "X-Api-Key", value: "••••cdef" });
    expect(created.streams).toEqual([
      expect.objectContaining({ resource: "items", running: false, last_run: null, lag_seconds: null }),
    ]);
    const read = await call("GET", `/${created.name}`, reader.key);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(API_KEY);
    const audit = await server.request("GET", `/api/v1/audit?resource_id=${created.id}`, { token: admin.key });
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(["ingest.pull_connector.created"]);
    expect(JSON.stringify(audit.body)).not.toContain(API_KEY);
  });

  it("refuses bad configurations with the field named, a taken name, readers, and other tenants", async () => {
    const bad = await call("POST", "", admin.key, {
      ...input("bad-erp"),
      resources: { items: { ...input("x").resources.items, query: { page: "{pg}" } } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "resources.items.query.page" })]),
    );
    const badMapping = await call("POST", "", admin.key, {
      ...input("bad-mapping"),
      resources: {
        items: {
          ...input("x").resources.items,
          mapping: { version: 1, records: [{ type: "item", fields: { external_id: "id" } }] },
        },
      },
    });
    expect(badMapping.status).toBe(422);
    expect(badMapping.body.error.details[0].path).toMatch(/^resources\.items\.mapping/);
    expect((await call("POST", "", admin.key, input("acme-erp"))).status).toBe(409);
    expect((await call("POST", "", reader.key, input("reader-erp"))).status).toBe(403);
    expect((await call("GET", `/${created.id}`, other.key)).status).toBe(404);
  });

  it("runs now, and lists the run with what it read, wrote and quarantined", async () => {
    const asked = await call("POST", `/${created.id}/run`, admin.key, {});
    expect(asked.status).toBe(202);
    expect(asked.body.data.map((stream: PullStream) => stream.resource)).toEqual(["items"]);
    await drain();
    const runs = await call("GET", `/${created.id}/runs`, reader.key);
    expect(runs.status).toBe(200);
    const [run] = runs.body.data.map((entry: unknown) => PullRun.parse(entry));
    expect(run).toMatchObject({
      status: "succeeded",
      trigger: "manual",
      pages: 2,
      rows_read: 7,
      rows_written: 7,
      rows_quarantined: 0,
    });
    expect((await call("GET", `/${created.id}/runs/${run?.id}`, reader.key)).body.id).toBe(run?.id);
    const shown = PullConnector.parse((await call("GET", `/${created.id}`, reader.key)).body);
    expect(shown.streams[0]).toMatchObject({ running: false, last_run: { id: run?.id, status: "succeeded" } });
    expect(shown.streams[0]?.lag_seconds).toBeGreaterThanOrEqual(0);
    const records = await server.request("GET", "/api/v1/records/items?source_system=acme-erp", { token: admin.key });
    expect(records.body.data).toHaveLength(7);
    // The resource is a source of kind pull, whose receipts are its quarantine.
    const sources = await server.request("GET", "/api/v1/ingest/sources", { token: reader.key });
    const source = sources.body.data.find((entry: Source) => entry.id === shown.streams[0]?.source_id);
    expect(source).toMatchObject({ name: "acme-erp-items", kind: "pull", source_system: "acme-erp" });
  });

  it("previews a resource's first page, mapped, writing nothing", async () => {
    const preview = await call("POST", `/${created.id}/resources/items/preview`, admin.key);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ resource: "items", rows_read: 5, problem_rows: 0, more: true });
    expect(preview.body.rows[0].records[0]).toMatchObject({ type: "item", row: { external_id: "I-1", sku: "SKU-1" } });
  });

  it("pauses (a run now is refused) and resumes, each audited", async () => {
    const paused = await call("POST", `/${created.id}/pause`, admin.key);
    expect(paused.body.status).toBe("paused");
    expect((await call("POST", `/${created.id}/run`, admin.key, {})).status).toBe(409);
    const resumed = await call("POST", `/${created.id}/resume`, admin.key);
    expect(resumed.body.status).toBe("active");
    const audit = await server.request("GET", `/api/v1/audit?resource_id=${created.id}`, { token: admin.key });
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining([
        "ingest.pull_connector.paused",
        "ingest.pull_connector.resumed",
        "ingest.pull_connector.run_requested",
      ]),
    );
  });

  it("keeps the stored secret when the masked value comes back, and takes a new one", async () => {
    const kept = await call("PATCH", `/${created.id}`, admin.key, {
      interval_seconds: 600,
      connection: { ...created.connection, timeout_ms: 5_000 },
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ interval_seconds: 600, connection: { timeout_ms: 5_000, auth: { value: "••••cdef" } } });
    await call("POST", `/${created.id}/run`, admin.key, {});
    await drain();
    expect((await call("GET", `/${created.id}/runs?limit=1`, reader.key)).body.data[0].status).toBe("succeeded");

    const changed = await call("PATCH", `/${created.id}`, admin.key, {
      connection: { ...created.connection, auth: { type: "api_key", name: "X-Api-Key", value: "a-wrong-key-000000000000" } },
    });
    expect(changed.body.connection.auth.value).toBe("••••0000");
    await call("POST", `/${created.id}/run`, admin.key, {});
    await drain();
    const [failed] = (await call("GET", `/${created.id}/runs?limit=1&status=failed`, reader.key)).body.data;
    expect(failed.error).toMatchObject({ retryable: false, status: 401 });
    expect(JSON.stringify(failed)).not.toContain("a-wrong-key");
  });

  it("counts runs and rows on /metrics", async () => {
    const metrics = await server.request("GET", "/metrics");
    expect(metrics.body).toMatch(/crossdock_ingest_pull_runs_total\{status="succeeded"\} [1-9]/);
    expect(metrics.body).toMatch(/crossdock_ingest_pull_rows_total\{outcome="written"\} 7/);
    expect(metrics.body).toMatch(
      new RegExp(`crossdock_ingest_pull_lag_seconds\\{connector="${created.id}",resource="items"\\} \\d`),
    );
  });

  it("publishes every route in the OpenAPI document, with its scope", async () => {
    const document = await server.request("GET", "/openapi.json");
    expect(document.status).toBe(200);
    const paths = Object.keys(document.body.paths).filter((path) => path.startsWith("/api/v1/ingest/pull-connectors"));
    expect(paths.sort()).toEqual([
      "/api/v1/ingest/pull-connectors",
      "/api/v1/ingest/pull-connectors/{id}",
      "/api/v1/ingest/pull-connectors/{id}/pause",
      "/api/v1/ingest/pull-connectors/{id}/resources/{resource}/preview",
      "/api/v1/ingest/pull-connectors/{id}/resources/{resource}/reset",
      "/api/v1/ingest/pull-connectors/{id}/resume",
      "/api/v1/ingest/pull-connectors/{id}/run",
      "/api/v1/ingest/pull-connectors/{id}/runs",
      "/api/v1/ingest/pull-connectors/{id}/runs/{run}",
    ]);
    const create = document.body.paths["/api/v1/ingest/pull-connectors"].post;
    expect(JSON.stringify(create.requestBody)).toContain("oauth2_client_credentials");
    expect(create.description).toContain("Requires scope `ingest:admin`");
    expect(document.body.paths["/api/v1/ingest/pull-connectors/{id}/runs"].get.description).toContain(
      "Requires scope `ingest:read`",
    );
  });

  it("deletes a connector; its source stays, paused, with its quarantine", async () => {
    expect((await call("DELETE", `/${created.id}`, admin.key)).status).toBe(204);
    expect((await call("GET", `/${created.id}`, reader.key)).status).toBe(404);
    const sources = await server.request("GET", "/api/v1/ingest/sources", { token: reader.key });
    expect(sources.body.data.find((entry: Source) => entry.name === "acme-erp-items")).toMatchObject({ status: "paused" });
    // Made again under the same name, it takes its source back.
    const again = await call("POST", "", admin.key, input("acme-erp"));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.streams[0].source_id).toBe(created.streams[0]?.source_id);
  });
});
