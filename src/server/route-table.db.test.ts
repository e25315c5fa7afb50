import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "./testing/test-server.ts";

describe("route table", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it("every route declares the scope it needs or that it is public", () => {
    const { app, routeTable } = server.crossdock.http;
    const routes = app.routes.filter((route) => route.method !== "ALL");
    expect(routes.length).toBeGreaterThan(20);
    const undeclared = routes
      .filter((route) => !routeTable.find(route.method, route.path))
      .map((route) => `${route.method} ${route.path}`);
    expect(undeclared).toEqual([]);
  });

  it("refuses every non-public route without credentials, and with a key lacking its scope", async () => {
    const { routeTable } = server.crossdock.http;
    const { key } = await server.createTenantWithKey("walker", ["tenant:read"]);
    for (const entry of routeTable.entries) {
      if ("public" in entry.access) continue;
      const path = entry.path.replace(/:([a-z_]+)/g, "x");
      const anonymous = await server.request(entry.method, path, {
        json: entry.method === "GET" || entry.method === "DELETE" ? undefined : [],
      });
      expect(anonymous.status, `${entry.method} ${entry.path} without credentials`).toBe(401);
      if ("scope" in entry.access && entry.access.scope !== "tenant:read") {
        const lacking = await server.request(entry.method, path, {
          token: key,
          json: entry.method === "GET" || entry.method === "DELETE" ? undefined : [],
        });
        expect(lacking.status, `${entry.method} ${entry.path} without ${entry.access.scope}`).toBe(403);
        expect(lacking.body.error.message).toContain(entry.access.scope);
      }
    }
  });

  it("publishes an OpenAPI 3.1 document with every route and its access", async () => {
    const response = await server.request("GET", "/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
    const paths = Object.keys(response.body.paths);
    for (const entry of server.crossdock.http.routeTable.entries) {
      if (entry.documented === false) continue;
      const openApiPath = entry.path.replace(/:([a-z_]+)/g, "{$1}");
      expect(paths, entry.path).toContain(openApiPath);
      const operation = response.body.paths[openApiPath][entry.method.toLowerCase()];
      expect(operation.description).toMatch(/Public\.|Requires scope|Any authenticated/);
    }
  });
});
