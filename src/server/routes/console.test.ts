import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../context.ts";
import { consoleRoutes } from "./console.ts";
import type { RouteDeps } from "./route-deps.ts";

/** The console's routes on a bare app, over a build in a temporary folder (or none). */
function consoleApp(distDir: string) {
  const app = new Hono<AppEnv>();
  const declared: string[] = [];
  const pages: RouteDeps["pages"] = (routePath, handler) => {
    declared.push(routePath);
    app.get(routePath, handler);
  };
  const fallback = consoleRoutes({ pages } as RouteDeps, distDir);
  app.notFound((c) => fallback(c) ?? c.json({ error: { code: "not_found" } }, 404));
  return { app, declared };
}

describe("console routes", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), "crossdock-console-"));
    await mkdir(path.join(dist, "assets"));
    await writeFile(
      path.join(dist, "index.html"),
      '<!doctype html><div id="root"></div><script src="/assets/app-1.js"></script>',
    );
    await writeFile(path.join(dist, "assets", "app-1.js"), "console.log('hi')");
    await writeFile(path.join(dist, "secret.txt"), "not an asset");
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  it("serves the page at / and at any page path, with a strict content security policy", async () => {
    const { app, declared } = consoleApp(dist);
    expect(declared).toEqual(["/assets/*", "/"]);
    for (const url of ["/", "/records/items?q=BRG", "/settings/api-keys"]) {
      const response = await app.request(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toContain('id="root"');
    }
  });

  it("serves hashed assets for good, and nothing outside assets/", async () => {
    const { app } = consoleApp(dist);
    const script = await app.request("/assets/app-1.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(script.headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/assets/missing.js")).status).toBe(404);
    expect((await app.request("/assets/..%2Fsecret.txt")).status).toBe(404);
    // The URL parser resolves %2e%2e first: the path is /secret.txt, a page path, which gets the page.
    const dotted = await app.request("/assets/%2e%2e/secret.txt");
    expect(await dotted.text()).not.toContain("not an asset");
  });

  it("leaves API paths and writes to the API's own 404", async () => {
    const { app } = consoleApp(dist);
    for (const url of ["/api/v1/nothing-here", "/openapi.json", "/metrics"]) {
      const response = await app.request(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
    }
    expect((await app.request("/records", { method: "POST" })).status).toBe(404);
  });

  it("says how to build the console when there is no build", async () => {
    const { app } = consoleApp(path.join(dist, "nowhere"));
    const response = await app.request("/records");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build:console");
  });
});
