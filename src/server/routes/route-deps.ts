import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Handler } from "hono";
import type { Actions } from "../../modules/actions/index.ts";
import type { Ai } from "../../modules/ai/index.ts";
import type { Documents } from "../../modules/documents/index.ts";
import type { Ingest } from "../../modules/ingest/index.ts";
import type { Records } from "../../modules/records/index.ts";
import type { Tenancy } from "../../modules/tenancy/index.ts";
import type { Workflows } from "../../modules/workflows/index.ts";
import type { Config } from "../../platform/config.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppEnv } from "../context.ts";
import type { HttpMetrics } from "../metrics.ts";
import type { defineRoute } from "../route-access.ts";

type RouteSpec = Parameters<typeof defineRoute>[2];

/** What each route file gets: the app, a way to declare routes, and the modules. */
export type RouteDeps = {
  app: OpenAPIHono<AppEnv>;
  routes: (spec: RouteSpec, handler: Handler<AppEnv>) => void;
  rawRoutes: (spec: RouteSpec, handler: Handler<AppEnv>) => void;
  /** A console page or file: public, served as is, left out of the OpenAPI document. */
  pages: (path: string, handler: Handler<AppEnv>) => void;
  config: Config;
  db: Database;
  tenancy: Tenancy;
  records: Records;
  actions: Actions;
  workflows: Workflows;
  ingest: Ingest;
  documents: Documents;
  ai: Ai;
  metrics: HttpMetrics;
  isReady: () => boolean;
};
