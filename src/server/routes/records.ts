import { z } from "@hono/zod-openapi";
import { RecordHistoryEntry, RecordsSummary } from "../../modules/records/index.ts";
import { AppError } from "../../platform/errors.ts";
import { MAX_BATCH, parseBulkBody } from "../bulk-body.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { ErrorResponse, errorResponses } from "../error-response.ts";
import { idempotent } from "../idempotency.ts";
import type { RouteDeps } from "./route-deps.ts";

const UpsertResult = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(
    z.object({
      index: z.number().int().optional(),
      external_id: z.string().optional(),
      path: z.string().optional(),
      message: z.string(),
    }),
  ),
  results: z.array(
    z.object({
      index: z.number().int(),
      external_id: z.string().nullable(),
      id: z.string().nullable(),
      status: z.enum(["inserted", "updated", "unchanged", "rejected"]),
    }),
  ),
});

/** One set of routes per canonical record type, documented with that type's own schemas. */
export function recordRoutes({ routes, rawRoutes, records, db, config }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/records",
      tags: ["records"],
      summary: "Every record type, with how many records the tenant holds and when one last changed",
      access: { scope: "records:read" },
      responses: {
        200: { description: "The record types", content: { "application/json": { schema: RecordsSummary } } },
        ...errorResponses,
      },
    },
    async (c) => c.json(await records.summary(tenantOf(c))),
  );
  for (const type of records.types) {
    const base = `/api/v1/records/${type.path}`;
    const tag = `records: ${type.path}`;
    rawRoutes(
      {
        method: "post",
        path: base,
        tags: [tag],
        summary: `Upsert ${type.path} in bulk (up to ${MAX_BATCH} per request)`,
        description: `Idempotent by (source_system, external_id). Send a JSON array or JSONL. \`mode=atomic\` (default) writes nothing if any row is invalid; \`mode=partial\` writes the valid rows and reports the others. A retry with the same \`Idempotency-Key\` returns the first response.`,
        access: { scope: "records:write" },
        request: {
          query: z.object({ mode: z.enum(["atomic", "partial"]).optional() }),
          headers: z.object({ "idempotency-key": z.string().optional() }),
          body: {
            required: true,
            content: { "application/json": { schema: z.array(type.input) }, "application/x-ndjson": { schema: type.input } },
          },
        },
        responses: {
          200: { description: "Written; counts and a result per row", content: { "application/json": { schema: UpsertResult } } },
          413: {
            description: "Too many records or too large a body",
            content: { "application/json": { schema: ErrorResponse } },
          },
          415: { description: "Unsupported content type", content: { "application/json": { schema: ErrorResponse } } },
          ...errorResponses,
        },
      },
      async (c) => {
        const ctx = writeContextOf(c);
        const mode = c.req.query("mode") ?? "atomic";
        if (mode !== "atomic" && mode !== "partial") {
          throw new AppError("validation_failed", "mode must be atomic or partial", {
            details: [{ path: "mode", message: "atomic or partial" }],
          });
        }
        const text = await c.req.text();
        const run = async () => {
          const batch = parseBulkBody(c.req.header("content-type"), text);
          return { status: 200, body: await records.upsert(ctx, type.name, batch, { mode }) };
        };
        const key = c.req.header("idempotency-key");
        if (!key) {
          const result = await run();
          return c.json(result.body as object, 200);
        }
        const result = await idempotent(
          db,
          {
            tenantId: ctx.tenantId,
            key,
            method: "POST",
            path: c.req.path,
            body: `${mode}\n${text}`,
            keepHours: config.idempotencyKeyHours,
          },
          run,
        );
        if (result.replayed) c.header("Idempotent-Replayed", "true");
        return c.json(result.body as object, result.status as 200);
      },
    );
    routes(
      {
        method: "get",
        path: base,
        tags: [tag],
        summary: `List ${type.path}, filtered and sorted, one page at a time`,
        access: { scope: "records:read" },
        request: { query: type.listQuery },
        responses: {
          200: {
            description: "A page",
            content: {
              "application/json": {
                schema: z.object({
                  data: z.array(type.output),
                  next_cursor: z.string().nullable(),
                  total: z
                    .number()
                    .int()
                    .optional()
                    .describe("With `total=true`: how many records match the filters, on every page."),
                }),
              },
            },
          },
          ...errorResponses,
        },
      },
      async (c) => c.json(await records.list(tenantOf(c), type.name, c.req.valid("query" as never))),
    );
    routes(
      {
        method: "get",
        path: `${base}/{id}`,
        tags: [tag],
        summary: `Get one ${type.name} by its Crossdock id`,
        access: { scope: "records:read" },
        request: { params: z.object({ id: z.string() }) },
        responses: {
          200: { description: "The record", content: { "application/json": { schema: type.output } } },
          404: errorResponses[400],
          ...errorResponses,
        },
      },
      async (c) => c.json(await records.get(tenantOf(c), type.name, c.req.param("id") as string)),
    );
    routes(
      {
        method: "get",
        path: `${base}/by-external-id/{source_system}/{external_id}`,
        tags: [tag],
        summary: `Get one ${type.name} by its id in the source system`,
        access: { scope: "records:read" },
        request: { params: z.object({ source_system: z.string(), external_id: z.string() }) },
        responses: {
          200: { description: "The record", content: { "application/json": { schema: type.output } } },
          404: errorResponses[400],
          ...errorResponses,
        },
      },
      async (c) =>
        c.json(
          await records.getByExternalId(
            tenantOf(c),
            type.name,
            c.req.param("source_system") as string,
            c.req.param("external_id") as string,
          ),
        ),
    );
    routes(
      {
        method: "get",
        path: `${base}/{id}/history`,
        tags: [tag],
        summary: `The change history of one ${type.name}: every version, oldest first`,
        access: { scope: "records:read" },
        request: { params: z.object({ id: z.string() }) },
        responses: {
          200: {
            description: "Versions",
            content: { "application/json": { schema: z.object({ data: z.array(RecordHistoryEntry) }) } },
          },
          ...errorResponses,
        },
      },
      async (c) => c.json({ data: await records.history(tenantOf(c), type.name, c.req.param("id") as string) }),
    );
  }
}
