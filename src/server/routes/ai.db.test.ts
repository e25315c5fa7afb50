import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usingServer } from "../../platform/testing/test-database.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const KEY = "sk-live-route-test-7777";

describe(`the AI layer through the API (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let server: TestServer;
  let admin: string;
  let reader: string;
  let outsider: string;

  beforeAll(async () => {
    server = await createTestServer({ CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 5).toString("base64") });
    ({ key: admin } = await server.createTenantWithKey("harbor"));
    ({ key: reader } = await server.createTenantWithKey("harbor-auditors", ["ai:read"]));
    ({ key: outsider } = await server.createTenantWithKey("bayside"));
  });
  afterAll(() => server?.close());

  const provider = {
    name: "ollama",
    kind: "openai-compatible",
    base_url: "http://127.0.0.1:11434/v1",
    models: ["llama3.1:8b"],
    default_model: "llama3.1:8b",
    external: false,
    api_key: KEY,
  };

  it("adds a provider with its key kept secret, refuses a bad one with the field named, and checks scopes", async () => {
    const created = await server.request("POST", "/api/v1/ai/providers", { token: admin, json: provider });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "ollama", api_key: "••••7777", external: false });
    expect(JSON.stringify(created.body)).not.toContain(KEY);

    const bad = await server.request("POST", "/api/v1/ai/providers", {
      token: admin,
      json: { ...provider, name: "other", default_model: "gpt-5" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ path: "default_model" }));
    const taken = await server.request("POST", "/api/v1/ai/providers", { token: admin, json: provider });
    expect(taken.status).toBe(409);

    const denied = await server.request("POST", "/api/v1/ai/providers", { token: reader, json: { ...provider, name: "mine" } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain("ai:admin");
    expect((await server.request("GET", "/api/v1/ai/providers", { token: admin })).body.data).toHaveLength(1);
    expect((await server.request("GET", "/api/v1/ai/providers", { token: outsider })).body.data).toEqual([]);
    expect((await server.request("PUT", "/api/v1/ai/providers/ollama", { token: outsider, json: provider })).status).toBe(404);
  });

  it("sets the budget and shows this month's use; lists no calls before any were made", async () => {
    const set = await server.request("PUT", "/api/v1/ai/budget", {
      token: admin,
      json: { monthly_cost_limit: "250.00", calls_per_minute: 60 },
    });
    expect(set.status).toBe(200);
    const usage = await server.request("GET", "/api/v1/ai/budget", { token: admin });
    expect(usage.body).toEqual({
      monthly_cost_limit: "250.00",
      calls_per_minute: 60,
      month_cost: "0.000000",
      month_calls: 0,
      last_minute_calls: 0,
    });
    const invalid = await server.request("PUT", "/api/v1/ai/budget", { token: admin, json: { monthly_cost_limit: "lots" } });
    expect(invalid.status).toBe(422);
    expect((await server.request("GET", "/api/v1/ai/calls", { token: admin })).body).toEqual({ data: [] });
    expect((await server.request("GET", "/api/v1/ai/calls/aic_nothing", { token: admin })).status).toBe(404);
  });

  it("removes a provider", async () => {
    expect((await server.request("DELETE", "/api/v1/ai/providers/ollama", { token: admin })).status).toBe(204);
    expect((await server.request("GET", "/api/v1/ai/providers", { token: admin })).body.data).toEqual([]);
  });
});
