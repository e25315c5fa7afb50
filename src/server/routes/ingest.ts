import { z } from "@hono/zod-openapi";
import {
  BulkReplayInput,
  BulkReplayResult,
  DELIVERY_HEADER,
  MappingTrial,
  MappingTrialResult,
  Receipt,
  ReceiptDetail,
  ReceiptQuery,
  ReplayInput,
  SIGNATURE_HEADER,
  Source,
  SourceInput,
  SourceUpdate,
  SourceWithSecret,
  TIMESTAMP_HEADER,
  WebhookAccepted,
  webhookDelivery,
} from "../../modules/ingest/index.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { ErrorResponse, errorResponse, errorResponses } from "../error-response.ts";
import { webhookReply } from "../webhook-listener.ts";
import type { RouteDeps } from "./route-deps.ts";

const SourceParams = z.object({ id: z.string().describe("the source's id or name") });
const ReceiptParams = z.object({ id: z.string().describe("the receipt's id (rcv_…)") });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** Sources of inbound data, the webhooks they send, and the receipts kept of everything received. */
export function ingestRoutes({ routes, rawRoutes, ingest }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/sources",
      tags: ["ingest"],
      summary: "The tenant's sources",
      access: { scope: "ingest:read" },
      responses: { 200: json(z.object({ data: z.array(Source) }), "Sources"), ...errorResponses },
    },
    async (c) => c.json({ data: await ingest.sources.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/ingest/sources",
      tags: ["ingest"],
      summary: "Add a webhook source; its signing secret is in the answer, this once",
      access: { scope: "ingest:admin" },
      request: { body: { content: { "application/json": { schema: SourceInput } }, required: true } },
      responses: { 201: json(SourceWithSecret, "Created"), 409: errorResponse("The name is taken"), ...errorResponses },
    },
    async (c) => c.json(await ingest.sources.create(writeContextOf(c), c.req.valid("json" as never)), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/sources/{id}",
      tags: ["ingest"],
      summary: "One source",
      access: { scope: "ingest:read" },
      request: { params: SourceParams },
      responses: { 200: json(Source, "The source"), 404: errorResponse("No such source"), ...errorResponses },
    },
    async (c) => c.json(await ingest.sources.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "patch",
      path: "/api/v1/ingest/sources/{id}",
      tags: ["ingest"],
      summary: "Change a source's mapping, system or status (paused sources keep receiving; processing waits)",
      access: { scope: "ingest:admin" },
      request: { params: SourceParams, body: { content: { "application/json": { schema: SourceUpdate } }, required: true } },
      responses: { 200: json(Source, "The source as changed"), 404: errorResponse("No such source"), ...errorResponses },
    },
    async (c) =>
      c.json(await ingest.sources.update(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/ingest/sources/{id}/secret",
      tags: ["ingest"],
      summary: "A new signing secret, in the answer this once; the old one stops working",
      access: { scope: "ingest:admin" },
      request: { params: SourceParams },
      responses: {
        200: json(SourceWithSecret, "The source with its new secret"),
        404: errorResponse("No such source"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await ingest.sources.rotateSecret(writeContextOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/mappings",
      tags: ["ingest"],
      summary: "The ready mappings a source can name, each with an example payload",
      access: { scope: "ingest:read" },
      responses: {
        200: json(
          z.object({
            data: z.array(
              z.object({
                name: z.string(),
                title: z.string(),
                description: z.string(),
                spec: z.record(z.string(), z.unknown()).describe("The mapping itself: a starting point for a source's own"),
                example: z.unknown(),
              }),
            ),
          }),
          "Ready mappings",
        ),
        ...errorResponses,
      },
    },
    (c) => c.json({ data: ingest.readyMappings() }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/ingest/mappings/trial",
      tags: ["ingest"],
      summary: "Try a payload against a mapping being written, or a source's current one; nothing is written",
      description:
        "Answers the records the payload maps to, as they would be upserted, or the problems quarantine would show, each at its payload path. A mapping that cannot be used is refused (422) with each problem at its place, as saving it would be.",
      access: { scope: "ingest:read" },
      request: { body: { content: { "application/json": { schema: MappingTrial } }, required: true } },
      responses: {
        200: json(MappingTrialResult, "What the payload maps to"),
        404: errorResponse("No such source"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await ingest.tryMapping(tenantOf(c), c.req.valid("json" as never))),
  );
  rawRoutes(
    {
      method: "post",
      path: "/api/v1/ingest/webhooks/{id}",
      tags: ["ingest"],
      summary: "Where a source sends its webhooks",
      description: `Signed, not authenticated by key: \`${TIMESTAMP_HEADER}\` is the signing time in Unix seconds, \`${SIGNATURE_HEADER}\` is \`v1=\` and the hex HMAC-SHA256 of \`<timestamp>.<body>\` under the source's secret, and \`${DELIVERY_HEADER}\` names the delivery (a retry reuses it). Signatures more than 300 s from now are refused. Answered 202 once the payload is stored, 200 for a delivery stored before.`,
      access: { public: true },
      request: {
        params: SourceParams,
        headers: z.object({
          [TIMESTAMP_HEADER]: z.string(),
          [SIGNATURE_HEADER]: z.string(),
          [DELIVERY_HEADER]: z.string(),
        }),
        body: { content: { "application/json": { schema: z.unknown() } }, required: true },
      },
      responses: {
        200: json(WebhookAccepted, "Stored before; not stored again"),
        202: json(WebhookAccepted, "Stored; it is processed next"),
        400: json(ErrorResponse, "The timestamp or delivery id is missing or malformed"),
        401: json(ErrorResponse, "The signature does not hold, or is too old"),
        404: json(ErrorResponse, "No such source"),
        413: json(ErrorResponse, "The payload is too large"),
      },
    },
    // `crossdock start` answers this route in webhook-listener.ts, ahead of Hono; this is its twin
    // for requests made through `app.request`, with the same answers.
    async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer());
      const answer = await ingest.receiveWebhook(
        c.req.param("id") as string,
        webhookDelivery(body, (name) => c.req.header(name)),
      );
      return c.json(webhookReply(answer, c.get("requestId")), answer.status);
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/receipts",
      tags: ["ingest"],
      summary: "Everything received, newest first: by source, status (e.g. quarantined) or a record it wrote",
      access: { scope: "ingest:read" },
      request: { query: ReceiptQuery },
      responses: {
        200: json(z.object({ data: z.array(Receipt), next_cursor: z.string().nullable() }), "Receipts"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await ingest.receipts.list(tenantOf(c), c.req.valid("query" as never))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/receipts/{id}",
      tags: ["ingest"],
      summary: "One receipt with its payload, why it is quarantined, and the records it wrote",
      access: { scope: "ingest:read" },
      request: { params: ReceiptParams },
      responses: { 200: json(ReceiptDetail, "The receipt"), 404: errorResponse("No such receipt"), ...errorResponses },
    },
    async (c) => c.json(await ingest.receipts.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/ingest/receipts/replay",
      tags: ["ingest"],
      summary: "Process a source's quarantined receipts again, as they are (after fixing its mapping)",
      description: "Oldest first, up to 10,000 per call (`more` says when others are left); only those of `stage` when given.",
      access: { scope: "ingest:admin" },
      request: { body: { content: { "application/json": { schema: BulkReplayInput } }, required: true } },
      responses: {
        200: json(BulkReplayResult, "Queued again"),
        404: errorResponse("No such source"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await ingest.receipts.replayQuarantined(writeContextOf(c), c.req.valid("json" as never))),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/ingest/receipts/{id}/replay",
      tags: ["ingest"],
      summary: "Process a quarantined receipt again: as it is (after fixing the mapping), or with a corrected payload",
      access: { scope: "ingest:admin" },
      request: { params: ReceiptParams, body: { content: { "application/json": { schema: ReplayInput } }, required: true } },
      responses: {
        200: json(ReceiptDetail, "Queued again"),
        404: errorResponse("No such receipt"),
        409: errorResponse("The receipt is not quarantined"),
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(await ingest.receipts.replay(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
}
