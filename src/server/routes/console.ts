import type { Context } from "hono";
import { CONSOLE_DIST_DIR } from "../console/console-dir.ts";
import { createConsoleFiles } from "../console/console-files.ts";
import type { AppEnv } from "../context.ts";
import type { RouteDeps } from "./route-deps.ts";

/** Paths that belong to the API and its operations endpoints, never to the console. */
const NOT_CONSOLE = /^\/(api|openapi\.json|healthz|readyz|metrics)(\/|$)/;

// The console is a same-origin app: it loads nothing from elsewhere and calls only this API.
// Images may be data: URLs (tenant logos are stored that way).
const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-cache",
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Console not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1d2433}code{background:#eef1f5;padding:0 .3em;border-radius:3px}</style>
</head><body><h1>The console is not built</h1>
<p>This server has no console build in <code>web/dist</code>. Run <code>npm run build:console</code>, or start with
<code>npm start</code>, which builds it when needed.</p>
<p>The REST API works without it: <a href="/openapi.json">OpenAPI description</a>.</p></body></html>`;

/**
 * The console (web/dist), served by the API's own process on its port: hashed assets with a long
 * cache life, and index.html for every other page path, where the console's router takes over.
 * Returns the handler for those other paths, which the app calls when no route matched.
 */
export function consoleRoutes({ pages }: RouteDeps, distDir = CONSOLE_DIST_DIR) {
  const files = createConsoleFiles(distDir);

  async function page(c: Context<AppEnv>) {
    const html = await files.index();
    if (!html) return c.body(NOT_BUILT, 503, { ...HTML_HEADERS, "cache-control": "no-store" });
    return c.body(html, 200, HTML_HEADERS);
  }

  pages("/assets/*", async (c) => {
    const file = await files.asset(c.req.path);
    if (!file) return c.json({ error: { code: "not_found", message: `No console file ${c.req.path}` } }, 404);
    return c.body(file.body, 200, {
      "content-type": file.contentType,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
  });
  pages("/", page);
  // Every other page path (/records/items, /settings/users…) arrives through the app's not-found
  // handler, so API requests never pass a catch-all route on their way.
  return (c: Context<AppEnv>) =>
    (c.req.method === "GET" || c.req.method === "HEAD") && !NOT_CONSOLE.test(c.req.path) ? page(c) : undefined;
}
