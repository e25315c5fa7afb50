import { z } from "@hono/zod-openapi";
import type { RouteDeps } from "./route-deps.ts";

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Crossdock</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1d2433}code{background:#eef1f5;padding:0 .3em;border-radius:3px}</style>
</head>
<body>
<h1>Crossdock is running</h1>
<p>The console is not built yet. Everything it will show is available through the REST API.</p>
<ul>
<li><a href="/openapi.json">API description (OpenAPI 3.1)</a></li>
<li><a href="/readyz">Readiness</a> · <a href="/metrics">Metrics</a></li>
</ul>
<p>Create a tenant and an API key with <code>npx crossdock tenants create</code> and <code>npx crossdock api-keys create</code>.</p>
</body>
</html>`;

/** A placeholder home page until the console (web/) is built. */
export function consoleRoutes({ routes }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/",
      tags: ["console"],
      summary: "The console",
      access: { public: true },
      responses: { 200: { description: "HTML", content: { "text/html": { schema: z.string() } } } },
    },
    (c) => c.html(PAGE),
  );
}
