import { getRequestListener } from "@hono/node-server";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Registry } from "prom-client";
import type { Actions } from "../modules/actions/index.ts";
import type { Ai } from "../modules/ai/index.ts";
import type { Documents } from "../modules/documents/index.ts";
import type { Ingest, WebhooksOut } from "../modules/ingest/index.ts";
import type { Records } from "../modules/records/index.ts";
import type { Tenancy } from "../modules/tenancy/index.ts";
import type { Workflows } from "../modules/workflows/index.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";
import { authenticate } from "./authenticate.ts";
import type { AppContext, AppEnv } from "./context.ts";
import { validationError } from "./error-response.ts";
import { handleError } from "./errors.ts";
import { graphqlRoutes } from "./graphql/graphql-routes.ts";
import { createHttpMetrics } from "./metrics.ts";
import type { OperatorAccess } from "./operator-access.ts";
import { requestId } from "./request-id.ts";
import { createRouteTable, definePage, defineRawRoute, defineRoute } from "./route-access.ts";
import { actionRoutes } from "./routes/actions.ts";
import { aiRoutes } from "./routes/ai.ts";
import { apiKeyRoutes } from "./routes/api-keys.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { brandingRoutes } from "./routes/branding.ts";
import { connectorRoutes } from "./routes/connectors.ts";
import { consoleRoutes } from "./routes/console.ts";
import { documentRoutes } from "./routes/documents.ts";
import { documentSetupRoutes } from "./routes/documents-setup.ts";
import { ediRoutes } from "./routes/edi.ts";
import { fileImportRoutes } from "./routes/file-imports.ts";
import { healthRoutes } from "./routes/health.ts";
import { ingestRoutes } from "./routes/ingest.ts";
import { policyRoutes } from "./routes/policies.ts";
import { pullConnectorRoutes } from "./routes/pull-connectors.ts";
import { recordRoutes } from "./routes/records.ts";
import type { RouteDeps } from "./routes/route-deps.ts";
import { runRoutes } from "./routes/runs.ts";
import { taskRoutes } from "./routes/tasks.ts";
import { tenantRoutes } from "./routes/tenants.ts";
import { userRoutes } from "./routes/users.ts";
import { webhookSubscriptionRoutes } from "./routes/webhook-subscriptions.ts";
import { withWebhookFastPath } from "./webhook-listener.ts";

export type HttpAppDeps = {
  config: Config;
  logger: Logger;
  db: Database;
  tenancy: Tenancy;
  records: Records;
  actions: Actions;
  workflows: Workflows;
  ingest: Ingest;
  documents: Documents;
  ai: Ai;
  webhooksOut: WebhooksOut;
  /** The one Prometheus registry /metrics serves: HTTP's and the modules' metrics. */
  metricsRegistry?: Registry;
  operator: OperatorAccess;
  isReady: () => boolean;
};

/** The HTTP API: every route declares its access; the OpenAPI document is built from the same schemas. */
export function createHttpApp(deps: HttpAppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const target = (result as { target?: string }).target;
      throw validationError(target === "query" ? "query string" : target === "param" ? "path" : "request body", result.error);
    },
  });
  const metrics = createHttpMetrics(deps.metricsRegistry);
  const table = createRouteTable();
  app.use("*", requestId(deps.logger));
  app.use("*", metrics.middleware);
  const maxBytes = deps.config.bodyLimitMb * 1024 * 1024;
  const limitBody = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(
        "payload_too_large",
        `The request body is larger than the ${deps.config.bodyLimitMb} MB limit; send smaller batches`,
      );
    },
  });
  // Reads have no body, and a declared length is checked from the header (Node reads no more than
  // it declares): touching the body would make the adapter build a full Request for each request.
  app.use("*", (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && /^\d+$/.test(declared) && c.req.header("transfer-encoding") === undefined) {
      return Number(declared) > maxBytes ? limitBody(c, next) : next();
    }
    return limitBody(c, next);
  });
  app.use("*", authenticate({ tenancy: deps.tenancy, operator: deps.operator, config: deps.config }));
  app.onError(handleError);
  let consolePage: ((c: AppContext) => Promise<Response> | undefined) | undefined;
  // A GET no route took is a page of the console (its router knows it); anything else is a 404.
  app.notFound(
    (c) =>
      consolePage?.(c) ??
      c.json(
        { error: { code: "not_found", message: `No route for ${c.req.method} ${c.req.path}`, request_id: c.get("requestId") } },
        404,
      ),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key (`cdk_…`) created in the console or with `crossdock api-keys create`",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "crossdock_session",
  });

  const routeDeps: RouteDeps = {
    app,
    routes: (spec, handler) => defineRoute(app, { table, tenancy: deps.tenancy }, spec, handler),
    rawRoutes: (spec, handler) => defineRawRoute(app, { table, tenancy: deps.tenancy }, spec, handler),
    pages: (path, handler) => definePage(app, table, path, handler),
    config: deps.config,
    db: deps.db,
    tenancy: deps.tenancy,
    records: deps.records,
    actions: deps.actions,
    workflows: deps.workflows,
    ingest: deps.ingest,
    documents: deps.documents,
    ai: deps.ai,
    metrics,
    isReady: deps.isReady,
  };
  for (const register of [
    healthRoutes,
    authRoutes,
    brandingRoutes,
    tenantRoutes,
    userRoutes,
    apiKeyRoutes,
    auditRoutes,
    recordRoutes,
    graphqlRoutes,
    actionRoutes,
    policyRoutes,
    connectorRoutes,
    runRoutes,
    taskRoutes,
    ingestRoutes,
    ediRoutes,
    fileImportRoutes,
    pullConnectorRoutes,
    documentSetupRoutes,
    documentRoutes,
    aiRoutes,
  ]) {
    register(routeDeps);
  }
  webhookSubscriptionRoutes(routeDeps, deps.webhooksOut);

  const document = () =>
    app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "Crossdock API",
        version: "1",
        description: "The REST API of Crossdock, the AI operations layer for wholesale distributors.",
      },
    });
  routeDeps.routes(
    {
      method: "get",
      path: "/openapi.json",
      tags: ["health"],
      summary: "This API's OpenAPI 3.1 description",
      access: { public: true },
      responses: { 200: { description: "OpenAPI document" } },
    },
    (c) => c.json(document()),
  );
  consolePage = consoleRoutes(routeDeps);
  /** What Node's HTTP server runs: webhooks answered ahead of Hono (see webhook-listener.ts), the rest by Hono. */
  const listener = withWebhookFastPath({ ingest: deps.ingest, metrics, logger: deps.logger }, getRequestListener(app.fetch));
  return { app, listener, routeTable: table, metrics, document };
}

export type HttpApp = ReturnType<typeof createHttpApp>;
