import { z } from "zod";

/** `records.shipment.upserted`, a prefix ending in `*` (`records.*`, `records.shipment.*`), or `*` for every event. */
export const EVENT_PATTERN = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/;

export const WebhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(2048, "must be at most 2048 characters")
  .refine((value) => URL.canParse(value), "must be an absolute URL, e.g. https://erp.example.com/hooks/crossdock")
  .refine((value) => !URL.canParse(value) || ["http:", "https:"].includes(new URL(value).protocol), "must be http:// or https://")
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.username === "" && url.password === "";
  }, "must not carry a user name or password (it would be stored in clear); receivers check the signature instead")
  .describe("Where deliveries are POSTed: http(s), at most 2048 characters");

export const EventTypePattern = z
  .string()
  .max(200)
  .regex(EVENT_PATTERN, "must be an event type (records.shipment.upserted), a prefix ending in .* (records.*), or *")
  .describe("An event type, or a prefix ending in `*`");

const EventTypes = z
  .array(EventTypePattern)
  .min(1, "name at least one event type")
  .max(50)
  .describe("Event types to receive: exact names or prefixes ending in `*`; see GET /api/v1/webhook-event-types");

export const WebhookStatus = z.enum(["active", "paused"]);
export type WebhookStatus = z.infer<typeof WebhookStatus>;

export const CreateWebhookSubscriptionInput = z
  .object({
    url: WebhookUrl,
    event_types: EventTypes,
    description: z.string().max(500).optional(),
    status: WebhookStatus.default("active"),
  })
  .strict();
export type CreateWebhookSubscriptionInput = z.input<typeof CreateWebhookSubscriptionInput>;

export const UpdateWebhookSubscriptionInput = z
  .object({
    url: WebhookUrl.optional(),
    event_types: EventTypes.optional(),
    description: z.string().max(500).nullable().optional(),
    status: WebhookStatus.optional().describe("paused: deliveries are kept and held; active: they are sent, the backlog first"),
  })
  .strict()
  .refine((input) => Object.values(input).some((value) => value !== undefined), "change at least one field");
export type UpdateWebhookSubscriptionInput = z.input<typeof UpdateWebhookSubscriptionInput>;

export const RotateWebhookSecretInput = z
  .object({
    previous_secret_valid_hours: z
      .number()
      .min(0)
      .max(168)
      .default(24)
      .describe("How long the old secret keeps signing beside the new one; 0 when it leaked"),
  })
  .strict();
export type RotateWebhookSecretInput = z.input<typeof RotateWebhookSecretInput>;

/** A subscription as the API shows it: the secret only as a hint. */
export const WebhookSubscription = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  event_types: z.array(z.string()),
  status: WebhookStatus,
  secret_hint: z.string().describe("the secret's prefix and last four characters"),
  previous_secret_expires_at: z
    .string()
    .nullable()
    .describe("until when the secret before the last rotation also signs deliveries"),
  created_at: z.string(),
  updated_at: z.string(),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

/** How a subscription's deliveries are doing now: what waits to be sent, and what was given up on. */
export const WebhookSubscriptionHealth = z.object({
  /** Deliveries not yet delivered, being retried or waiting their turn. */
  pending: z.number().int(),
  /** When the oldest of them was made: how far behind the receiver is. */
  oldest_pending_at: z.string().nullable(),
  /** Deliveries given up on after 24 h of retries, to be replayed once the receiver is fixed. */
  dead: z.number().int(),
});
export type WebhookSubscriptionHealth = z.infer<typeof WebhookSubscriptionHealth>;

/** A subscription as listed and read, with its deliveries' health. */
export const WebhookSubscriptionWithHealth = WebhookSubscription.extend({ health: WebhookSubscriptionHealth });
export type WebhookSubscriptionWithHealth = z.infer<typeof WebhookSubscriptionWithHealth>;

/** What creating a subscription or rotating its secret answers: the secret itself, this once. */
export const WebhookSubscriptionWithSecret = WebhookSubscription.extend({
  secret: z.string().describe("The signing secret (whsec_…), shown only now: keep it where the receiver can read it"),
});
export type WebhookSubscriptionWithSecret = z.infer<typeof WebhookSubscriptionWithSecret>;

export const WebhookAttemptOutcome = z.enum(["delivered", "failed", "timed_out"]);
export type WebhookAttemptOutcome = z.infer<typeof WebhookAttemptOutcome>;

export const WebhookAttempt = z.object({
  number: z.number().int(),
  started_at: z.string(),
  duration_ms: z.number().int(),
  outcome: WebhookAttemptOutcome,
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  response_snippet: z.string().nullable().describe("the first 1 KB of the receiver's answer"),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDeliveryStatus = z.enum(["pending", "delivered", "dead"]);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

export const WebhookDelivery = z.object({
  id: z.string(),
  subscription_id: z.string(),
  event_id: z.string().nullable().describe("null for a ping"),
  event_type: z.string(),
  status: WebhookDeliveryStatus.describe("dead: every attempt of its 24-hour window failed; replay it to try again"),
  attempt_count: z.number().int(),
  next_attempt_at: z.string().nullable().describe("when a pending delivery is tried next"),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  delivered_at: z.string().nullable(),
  dead_at: z.string().nullable(),
  attempts: z.array(WebhookAttempt).describe("every attempt, first to last"),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** One delivery with the body it sends. */
export const WebhookDeliveryDetail = WebhookDelivery.extend({
  body: z.unknown().describe("the JSON body as sent: {id, type, occurred_at, tenant, data}"),
});
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>;

export const WebhookDeliveryQuery = z
  .object({
    status: WebhookDeliveryStatus.optional(),
    cursor: z.string().max(200).optional().describe("from next_cursor of the page before"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type WebhookDeliveryQuery = z.input<typeof WebhookDeliveryQuery>;

export const WebhookDeliveryPage = z.object({ data: z.array(WebhookDelivery), next_cursor: z.string().nullable() });
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

export const WebhookEventType = z.object({ type: z.string(), description: z.string() });
export type WebhookEventType = z.infer<typeof WebhookEventType>;
