import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { AppEnv } from "./context.ts";

export type HttpMetrics = {
  registry: Registry;
  middleware: MiddlewareHandler<AppEnv>;
  /** Counts a request answered outside Hono's chain (see webhook-listener.ts) as the middleware would. */
  observe(request: { method: string; route: string; status: number; seconds: number }): void;
};

/** Prometheus metrics for `/metrics`: request counts and latency per route, plus the process's own. */
export function createHttpMetrics(registry: Registry = new Registry()): HttpMetrics {
  collectDefaultMetrics({ register: registry, prefix: "crossdock_" });
  const requests = new Counter({
    name: "crossdock_http_requests_total",
    help: "HTTP requests, by method, route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "crossdock_http_request_duration_seconds",
    help: "HTTP request latency, by method and route",
    labelNames: ["method", "route"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const observe: HttpMetrics["observe"] = ({ method, route, status, seconds }) => {
    requests.inc({ method, route, status: String(status) });
    duration.observe({ method, route }, seconds);
  };
  return {
    registry,
    observe,
    middleware: async (c, next) => {
      const started = performance.now();
      try {
        await next();
      } finally {
        // The matched pattern (`/api/v1/records/items/:id`), never the raw path, so labels stay few.
        // No route matched: a 404, or a page of the console (its paths are the browser's, not routes).
        const matched = routePath(c, -1);
        const route = matched !== "*" ? matched : c.res.status === 404 ? "unmatched" : "console page";
        observe({ method: c.req.method, route, status: c.res.status, seconds: (performance.now() - started) / 1000 });
      }
    },
  };
}
