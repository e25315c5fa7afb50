import { z } from "@hono/zod-openapi";
import {
  CreateWebhookSubscriptionInput,
  RotateWebhookSecretInput,
  UpdateWebhookSubscriptionInput,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionWithHealth,
  WebhookSubscriptionWithSecret,
  type WebhooksOut,
} from "../../modules/ingest/index.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const SubscriptionParams = z.object({ id: z.string().describe("the subscription's id (whs_…)") });
const DeliveryParams = SubscriptionParams.extend({ delivery_id: z.string().describe("the delivery's id (whd_…)") });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const notFound = errorResponse("No such subscription (or delivery) in this tenant");
const param = (c: { req: { param(name: string): string | undefined } }, name: string) => c.req.param(name) as string;

/**
 * Outbound webhooks: where the tenant's events are POSTed (signed, retried for 24 hours, then
 * dead-lettered), each delivery's attempts, replays and test pings. Creating a subscription and
 * rotating its secret answer with the secret, once; they take no Idempotency-Key, which would keep
 * that answer, secret included, in the clear.
 */
export function webhookSubscriptionRoutes({ routes }: RouteDeps, webhooks: WebhooksOut) {
  routes(
    {
      method: "get",
      path: "/api/v1/webhook-event-types",
      tags: ["webhooks"],
      summary: "The event types a subscription can name (exactly, or by a prefix ending in *)",
      access: { scope: "webhooks:read" },
      responses: { 200: json(z.object({ data: z.array(WebhookEventType) }), "Event types"), ...errorResponses },
    },
    (c) => c.json({ data: webhooks.eventTypes() }),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/webhook-subscriptions",
      tags: ["webhooks"],
      summary: "The tenant's webhook subscriptions (secrets never shown)",
      access: { scope: "webhooks:read" },
      responses: {
        200: json(z.object({ data: z.array(WebhookSubscriptionWithHealth) }), "Subscriptions, with their deliveries' health"),
        ...errorResponses,
      },
    },
    async (c) => c.json({ data: await webhooks.subscriptions.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/webhook-subscriptions",
      tags: ["webhooks"],
      summary: "Subscribe a URL to event types; the signing secret is in the answer, this once",
      access: { scope: "webhooks:admin" },
      request: { body: { content: { "application/json": { schema: CreateWebhookSubscriptionInput } }, required: true } },
      responses: {
        201: json(WebhookSubscriptionWithSecret, "Created"),
        409: errorResponse("The tenant has as many subscriptions as allowed"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await webhooks.subscriptions.create(writeContextOf(c), c.req.valid("json" as never)), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/webhook-subscriptions/{id}",
      tags: ["webhooks"],
      summary: "One webhook subscription",
      access: { scope: "webhooks:read" },
      request: { params: SubscriptionParams },
      responses: {
        200: json(WebhookSubscriptionWithHealth, "The subscription, with its deliveries' health"),
        404: notFound,
        ...errorResponses,
      },
    },
    async (c) => c.json(await webhooks.subscriptions.get(tenantOf(c), param(c, "id"))),
  );
  routes(
    {
      method: "patch",
      path: "/api/v1/webhook-subscriptions/{id}",
      tags: ["webhooks"],
      summary: "Change the URL, event types or description, or pause (deliveries held) and resume (the backlog is sent)",
      access: { scope: "webhooks:admin" },
      request: {
        params: SubscriptionParams,
        body: { content: { "application/json": { schema: UpdateWebhookSubscriptionInput } }, required: true },
      },
      responses: { 200: json(WebhookSubscription, "The subscription as changed"), 404: notFound, ...errorResponses },
    },
    async (c) => c.json(await webhooks.subscriptions.update(writeContextOf(c), param(c, "id"), c.req.valid("json" as never))),
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/webhook-subscriptions/{id}",
      tags: ["webhooks"],
      summary: "Remove a subscription with its deliveries; the audit trail keeps what it was",
      access: { scope: "webhooks:admin" },
      request: { params: SubscriptionParams },
      responses: { 200: json(WebhookSubscription, "The subscription removed"), 404: notFound, ...errorResponses },
    },
    async (c) => c.json(await webhooks.subscriptions.remove(writeContextOf(c), param(c, "id"))),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/webhook-subscriptions/{id}/secret",
      tags: ["webhooks"],
      summary: "Rotate the signing secret: the new one is in the answer, this once; the old one also signs for the overlap asked",
      access: { scope: "webhooks:admin" },
      request: {
        params: SubscriptionParams,
        body: { content: { "application/json": { schema: RotateWebhookSecretInput } }, required: false },
      },
      responses: {
        200: json(WebhookSubscriptionWithSecret, "The subscription, with its new secret"),
        404: notFound,
        ...errorResponses,
      },
    },
    async (c) =>
      c.json(await webhooks.subscriptions.rotateSecret(writeContextOf(c), param(c, "id"), c.req.valid("json" as never) ?? {})),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/webhook-subscriptions/{id}/ping",
      tags: ["webhooks"],
      summary: "Send a webhook.ping now and answer with how the receiver answered (tried once, not retried)",
      access: { scope: "webhooks:admin" },
      request: { params: SubscriptionParams },
      responses: { 200: json(WebhookDeliveryDetail, "The ping's delivery and its attempt"), 404: notFound, ...errorResponses },
    },
    async (c) => c.json(await webhooks.deliveries.ping(writeContextOf(c), param(c, "id"))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/webhook-subscriptions/{id}/deliveries",
      tags: ["webhooks"],
      summary: "A subscription's deliveries, newest first, each with its attempts (status code, duration, error, answer)",
      access: { scope: "webhooks:read" },
      request: { params: SubscriptionParams, query: WebhookDeliveryQuery },
      responses: { 200: json(WebhookDeliveryPage, "One page of deliveries"), 404: notFound, ...errorResponses },
    },
    async (c) => c.json(await webhooks.deliveries.list(tenantOf(c), param(c, "id"), c.req.valid("query" as never))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/webhook-subscriptions/{id}/deliveries/{delivery_id}",
      tags: ["webhooks"],
      summary: "One delivery with its attempts and the body it sends",
      access: { scope: "webhooks:read" },
      request: { params: DeliveryParams },
      responses: { 200: json(WebhookDeliveryDetail, "The delivery"), 404: notFound, ...errorResponses },
    },
    async (c) => c.json(await webhooks.deliveries.get(tenantOf(c), param(c, "id"), param(c, "delivery_id"))),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/webhook-subscriptions/{id}/deliveries/{delivery_id}/replay",
      tags: ["webhooks"],
      summary: "Send a delivery again, dead-lettered or not, with a fresh 24-hour window of retries",
      access: { scope: "webhooks:admin" },
      request: { params: DeliveryParams },
      responses: {
        202: json(WebhookDelivery, "Queued: the sender tries it at once"),
        404: notFound,
        409: errorResponse("An attempt at it is in flight"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await webhooks.deliveries.replay(writeContextOf(c), param(c, "id"), param(c, "delivery_id")), 202),
  );
}
