import { z } from "@hono/zod-openapi";
import type { RouteDeps } from "./route-deps.ts";

/** Liveness, readiness and Prometheus metrics. */
export function healthRoutes({ routes, db, metrics, isReady }: RouteDeps) {
  const Health = z.object({ status: z.string() });
  routes(
    {
      method: "get",
      path: "/healthz",
      tags: ["health"],
      summary: "The process is alive",
      access: { public: true },
      responses: { 200: { description: "alive", content: { "application/json": { schema: Health } } } },
    },
    (c) => c.json({ status: "ok" }),
  );
  routes(
    {
      method: "get",
      path: "/readyz",
      tags: ["health"],
      summary: "Ready to serve: the database answers and start-up has finished",
      access: { public: true },
      responses: {
        200: { description: "ready", content: { "application/json": { schema: Health.extend({ database: z.string() }) } } },
        503: { description: "not ready", content: { "application/json": { schema: Health.extend({ reason: z.string() }) } } },
      },
    },
    async (c) => {
      if (!isReady()) return c.json({ status: "starting", reason: "start-up has not finished" }, 503);
      try {
        await db.pool.query("select 1");
        return c.json({ status: "ready", database: db.kind });
      } catch (error) {
        return c.json({ status: "unavailable", reason: `database: ${(error as Error).message}` }, 503);
      }
    },
  );
  routes(
    {
      method: "get",
      path: "/metrics",
      tags: ["health"],
      summary: "Prometheus metrics",
      access: { public: true },
      responses: { 200: { description: "Prometheus text format", content: { "text/plain": { schema: z.string() } } } },
    },
    async (c) => c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType }),
  );
}
