import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import {
  type CreateWebhookSubscriptionInput,
  type UpdateWebhookSubscriptionInput,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  type WebhookDeliveryStatus,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionWithHealth,
  WebhookSubscriptionWithSecret,
} from "../contract.ts";

const subscriptionPath = (id: string) => `/api/v1/webhook-subscriptions/${encodeURIComponent(id)}`;

export const eventTypesQuery = queryOptions({
  queryKey: ["webhooks", "event-types"],
  queryFn: ({ signal }) =>
    api("GET", "/api/v1/webhook-event-types", { schema: z.object({ data: z.array(WebhookEventType) }), signal }),
  staleTime: 10 * 60_000,
});

export const subscriptionsQuery = queryOptions({
  queryKey: ["webhooks", "subscriptions"],
  queryFn: ({ signal }) =>
    api("GET", "/api/v1/webhook-subscriptions", { schema: z.object({ data: z.array(WebhookSubscriptionWithHealth) }), signal }),
});

export const subscriptionQuery = (id: string) =>
  queryOptions({
    queryKey: ["webhooks", "subscriptions", id],
    queryFn: ({ signal }) => api("GET", subscriptionPath(id), { schema: WebhookSubscriptionWithHealth, signal }),
  });

/** A deliveries list's filters, as its URL keeps them. */
export type DeliveriesSearch = { status?: WebhookDeliveryStatus; cursor?: string };

const DELIVERY_STATUSES: readonly string[] = ["pending", "delivered", "dead"];
export const isDeliveryStatus = (value: unknown): value is WebhookDeliveryStatus =>
  typeof value === "string" && DELIVERY_STATUSES.includes(value);

/** Deliveries arrive as events happen and move as they are tried: read again every few seconds while on screen. */
export const deliveriesQuery = (id: string, search: DeliveriesSearch) =>
  queryOptions({
    queryKey: ["webhooks", "deliveries", id, search],
    queryFn: ({ signal }) =>
      api("GET", `${subscriptionPath(id)}/deliveries`, { query: { limit: 50, ...search }, schema: WebhookDeliveryPage, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.data.some((delivery) => delivery.status === "pending") ? 1_000 : 3_000),
  });

export const deliveryQuery = (id: string, deliveryId: string) =>
  queryOptions({
    queryKey: ["webhooks", "delivery", id, deliveryId],
    queryFn: ({ signal }) =>
      api("GET", `${subscriptionPath(id)}/deliveries/${encodeURIComponent(deliveryId)}`, {
        schema: WebhookDeliveryDetail,
        signal,
      }),
  });

export const createSubscription = (input: CreateWebhookSubscriptionInput) =>
  api("POST", "/api/v1/webhook-subscriptions", { json: input, schema: WebhookSubscriptionWithSecret });

export const updateSubscription = (id: string, input: UpdateWebhookSubscriptionInput) =>
  api("PATCH", subscriptionPath(id), { json: input, schema: WebhookSubscription });

export const deleteSubscription = (id: string) => api("DELETE", subscriptionPath(id), { schema: WebhookSubscription });

/** A new secret; the old one keeps signing beside it for `previousValidHours` (0 when it leaked). */
export const rotateSubscriptionSecret = (id: string, previousValidHours: number) =>
  api("POST", `${subscriptionPath(id)}/secret`, {
    json: { previous_secret_valid_hours: previousValidHours },
    schema: WebhookSubscriptionWithSecret,
  });

export const pingSubscription = (id: string) => api("POST", `${subscriptionPath(id)}/ping`, { schema: WebhookDeliveryDetail });

export const replayDelivery = (id: string, deliveryId: string) =>
  api("POST", `${subscriptionPath(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`, { schema: WebhookDelivery });
