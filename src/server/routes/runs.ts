import { z } from "@hono/zod-openapi";
import { FlowInfo, Run, RunControlInput, RunEvent, RunQuery, StartRunInput } from "../../modules/workflows/index.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const RunDetail = z.object({
  run: Run,
  timeline: z.array(RunEvent),
  /** The governed writes the run made (or proposed), from the actions module. */
  actions: z.array(z.record(z.string(), z.unknown())),
});

/** Flows, their runs, and what a person does with a stuck run. */
export function runRoutes({ routes, workflows, actions }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/flows",
      tags: ["workflows"],
      summary: "The flow templates this Crossdock runs, with their inputs",
      access: { scope: "workflows:read" },
      responses: {
        200: { description: "Flows", content: { "application/json": { schema: z.object({ data: z.array(FlowInfo) }) } } },
        ...errorResponses,
      },
    },
    (c) => c.json({ data: workflows.flows() }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/runs",
      tags: ["workflows"],
      summary: "Start a run of a flow",
      description:
        "The input must fit the flow's schema (GET /api/v1/flows). With `idempotency_key`, a second start returns the first run.",
      access: { scope: "workflows:start" },
      request: { body: { content: { "application/json": { schema: StartRunInput } }, required: true } },
      responses: {
        201: { description: "Started", content: { "application/json": { schema: Run } } },
        404: errorResponse("No such flow"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await workflows.startRun(writeContextOf(c), c.req.valid("json" as never) as StartRunInput), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/runs",
      tags: ["workflows"],
      summary: "Runs, newest first: by status, flow, or a record they concern",
      access: { scope: "workflows:read" },
      request: { query: RunQuery },
      responses: {
        200: {
          description: "A page of runs",
          content: { "application/json": { schema: z.object({ data: z.array(Run), next_before: z.string().nullable() }) } },
        },
        ...errorResponses,
      },
    },
    async (c) => c.json(await workflows.runs.list(tenantOf(c), c.req.valid("query" as never) as RunQuery)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/runs/{id}",
      tags: ["workflows"],
      summary: "A run with its timeline (stages, steps, waits, decisions, compensations) and the writes it made",
      access: { scope: "workflows:read" },
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: { description: "The run", content: { "application/json": { schema: RunDetail } } },
        404: errorResponse("No such run"),
        ...errorResponses,
      },
    },
    async (c) => {
      const tenantId = tenantOf(c);
      const id = c.req.param("id") as string;
      const { run, timeline } = await workflows.runs.get(tenantId, id);
      const written = await actions.list(tenantId, { run_id: id, limit: 200 });
      return c.json({ run, timeline, actions: written.data });
    },
  );
  for (const [verb, summary] of [
    ["cancel", "Cancel a run, with the reason: its waits close and its open tasks are cancelled"],
    ["retry", "Run a failed or stuck stage again, with the reason"],
  ] as const) {
    routes(
      {
        method: "post",
        path: `/api/v1/runs/{id}/${verb}`,
        tags: ["workflows"],
        summary,
        access: { scope: "workflows:admin" },
        request: {
          params: z.object({ id: z.string() }),
          body: { content: { "application/json": { schema: RunControlInput } }, required: true },
        },
        responses: {
          200: { description: "The run now", content: { "application/json": { schema: Run } } },
          404: errorResponse("No such run"),
          409: errorResponse("The run is not in a state this applies to"),
          ...errorResponses,
        },
      },
      async (c) => {
        const ctx = writeContextOf(c);
        const id = c.req.param("id") as string;
        const { reason } = c.req.valid("json" as never) as RunControlInput;
        if (verb === "cancel") await workflows.runs.cancel(ctx, id, reason);
        else await workflows.runs.retry(ctx, id, reason);
        return c.json((await workflows.runs.get(ctx.tenantId, id)).run);
      },
    );
  }
  routes(
    {
      method: "post",
      path: "/api/v1/events",
      tags: ["workflows"],
      summary: "Tell waiting runs that something happened outside (e.g. a carrier's delivery)",
      access: { scope: "workflows:start" },
      request: {
        body: {
          content: {
            "application/json": { schema: z.strictObject({ key: z.string().min(1).max(500), payload: z.unknown().optional() }) },
          },
          required: true,
        },
      },
      responses: {
        200: {
          description: "The runs resumed",
          content: { "application/json": { schema: z.object({ resumed: z.array(z.string()) }) } },
        },
        ...errorResponses,
      },
    },
    async (c) => {
      const body = c.req.valid("json" as never) as { key: string; payload?: unknown };
      return c.json({ resumed: await workflows.signalEvent(writeContextOf(c), body.key, body.payload ?? null) });
    },
  );
}
