import { z } from "@hono/zod-openapi";
import {
  PullConnector,
  PullConnectorInput,
  PullConnectorUpdate,
  PullPreview,
  PullRun,
  PullRunNowInput,
  PullRunQuery,
  PullStream,
} from "../../modules/ingest/index.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const ConnectorParams = z.object({ id: z.string().describe("the pull connector's id (pull_…) or name") });
const ResourceParams = ConnectorParams.extend({ resource: z.string().describe("the resource's name") });
const RunParams = ConnectorParams.extend({ run: z.string().describe("the run's id (prun_…)") });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const BASE = "/api/v1/ingest/pull-connectors";

/** Pull connectors: REST APIs and SQL databases Crossdock reads on a schedule. Secrets are never returned. */
export function pullConnectorRoutes({ routes, ingest }: RouteDeps) {
  const pull = ingest.pull;
  routes(
    {
      method: "get",
      path: BASE,
      tags: ["ingest"],
      summary: "The tenant's pull connectors, each resource with its last run, status and lag; secrets masked",
      access: { scope: "ingest:read" },
      responses: { 200: json(z.object({ data: z.array(PullConnector) }), "Pull connectors"), ...errorResponses },
    },
    async (c) => c.json({ data: await pull.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "post",
      path: BASE,
      tags: ["ingest"],
      summary:
        "Add a pull connector (rest or sql); its secrets are stored encrypted, and each resource runs at once, then every interval",
      access: { scope: "ingest:admin" },
      request: body(PullConnectorInput),
      responses: { 201: json(PullConnector, "Created"), 409: errorResponse("The name is taken"), ...errorResponses },
    },
    async (c) => c.json(await pull.create(writeContextOf(c), c.req.valid("json" as never)), 201),
  );
  routes(
    {
      method: "get",
      path: `${BASE}/{id}`,
      tags: ["ingest"],
      summary: "One pull connector, secrets masked",
      access: { scope: "ingest:read" },
      request: { params: ConnectorParams },
      responses: { 200: json(PullConnector, "The connector"), 404: errorResponse("No such connector"), ...errorResponses },
    },
    async (c) => c.json(await pull.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "patch",
      path: `${BASE}/{id}`,
      tags: ["ingest"],
      summary: "Change a pull connector: each given key replaces the stored one; a masked secret sent back keeps the stored one",
      access: { scope: "ingest:admin" },
      request: { params: ConnectorParams, ...body(PullConnectorUpdate) },
      responses: {
        200: json(PullConnector, "The connector as changed"),
        404: errorResponse("No such connector"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await pull.update(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
  routes(
    {
      method: "delete",
      path: `${BASE}/{id}`,
      tags: ["ingest"],
      summary: "Remove a pull connector with its runs; its resources' sources stay (paused) with what they quarantined",
      access: { scope: "ingest:admin" },
      request: { params: ConnectorParams },
      responses: { 204: { description: "Removed" }, 404: errorResponse("No such connector"), ...errorResponses },
    },
    async (c) => {
      await pull.delete(writeContextOf(c), c.req.param("id") as string);
      return c.body(null, 204);
    },
  );
  for (const [verb, summary] of [
    ["pause", "Pause: no new runs; a run in progress stops after its page"],
    ["resume", "Resume: runs that are due start at once, from where each resource stopped"],
  ] as const) {
    routes(
      {
        method: "post",
        path: `${BASE}/{id}/${verb}`,
        tags: ["ingest"],
        summary,
        access: { scope: "ingest:admin" },
        request: { params: ConnectorParams },
        responses: { 200: json(PullConnector, "The connector"), 404: errorResponse("No such connector"), ...errorResponses },
      },
      async (c) => c.json(await pull[verb](writeContextOf(c), c.req.param("id") as string)),
    );
  }
  routes(
    {
      method: "post",
      path: `${BASE}/{id}/run`,
      tags: ["ingest"],
      summary: "Run now: one resource or all, at once (after the run in progress, if any)",
      access: { scope: "ingest:admin" },
      request: { params: ConnectorParams, ...body(PullRunNowInput) },
      responses: {
        202: json(z.object({ data: z.array(PullStream) }), "Asked for; the runs show in …/runs"),
        404: errorResponse("No such connector or resource"),
        409: errorResponse("The connector is paused"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json({ data: await pull.runNow(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never)) }, 202),
  );
  routes(
    {
      method: "post",
      path: `${BASE}/{id}/resources/{resource}/reset`,
      tags: ["ingest"],
      summary: "Forget where a resource stands: its next run reads everything again (unchanged records are skipped)",
      access: { scope: "ingest:admin" },
      request: { params: ResourceParams },
      responses: {
        200: json(PullConnector, "The connector"),
        404: errorResponse("No such connector or resource"),
        409: errorResponse("The resource is running"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(await pull.resetCursor(writeContextOf(c), c.req.param("id") as string, c.req.param("resource") as string)),
  );
  routes(
    {
      method: "post",
      path: `${BASE}/{id}/resources/{resource}/preview`,
      tags: ["ingest"],
      summary: "Read a resource's first page and map it, writing nothing: to check a connector before it runs",
      access: { scope: "ingest:admin" },
      request: { params: ResourceParams },
      responses: {
        200: json(PullPreview, "The first page, mapped"),
        404: errorResponse("No such connector or resource"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await pull.preview(tenantOf(c), c.req.param("id") as string, c.req.param("resource") as string)),
  );
  routes(
    {
      method: "get",
      path: `${BASE}/{id}/runs`,
      tags: ["ingest"],
      summary: "A connector's runs, newest first, with rows read, written and quarantined, and errors",
      access: { scope: "ingest:read" },
      request: { params: ConnectorParams, query: PullRunQuery },
      responses: {
        200: json(z.object({ data: z.array(PullRun), next_cursor: z.string().nullable() }), "Runs"),
        404: errorResponse("No such connector"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await pull.runs.list(tenantOf(c), c.req.param("id") as string, c.req.valid("query" as never))),
  );
  routes(
    {
      method: "get",
      path: `${BASE}/{id}/runs/{run}`,
      tags: ["ingest"],
      summary: "One run",
      access: { scope: "ingest:read" },
      request: { params: RunParams },
      responses: { 200: json(PullRun, "The run"), 404: errorResponse("No such run"), ...errorResponses },
    },
    async (c) => c.json(await pull.runs.get(tenantOf(c), c.req.param("id") as string, c.req.param("run") as string)),
  );
}
