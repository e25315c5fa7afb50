import { sql } from "drizzle-orm";
import type {
  WebhookAttempt,
  WebhookAttemptOutcome,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookStatus,
  WebhookSubscription,
} from "./contract/webhooks-out.ts";

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

export type SubscriptionRow = {
  tenant_id: string;
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  status: WebhookStatus;
  secret_hint: string;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
};

export const SUBSCRIPTION_COLUMNS = sql.raw(
  "tenant_id, id, url, description, event_types, status, secret_hint, previous_secret_expires_at, created_at, updated_at",
);

export function toSubscription(row: SubscriptionRow, now: Date): WebhookSubscription {
  const previousUntil = iso(row.previous_secret_expires_at);
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: row.event_types,
    status: row.status,
    secret_hint: row.secret_hint,
    // An overlap that has ended is not worth mentioning.
    previous_secret_expires_at: previousUntil && new Date(previousUntil) > now ? previousUntil : null,
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
  };
}

export type DeliveryRow = {
  id: string;
  subscription_id: string;
  event_id: string | null;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  dead_at: string | null;
};

export const DELIVERY_COLUMNS = sql.raw(
  "id, subscription_id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at, dead_at",
);

export type AttemptRow = {
  delivery_id: string;
  number: number;
  started_at: string;
  duration_ms: number;
  outcome: WebhookAttemptOutcome;
  status_code: number | null;
  error: string | null;
  response_snippet: string | null;
};

export const toAttempt = (row: AttemptRow): WebhookAttempt => ({
  number: row.number,
  started_at: iso(row.started_at) as string,
  duration_ms: row.duration_ms,
  outcome: row.outcome,
  status_code: row.status_code,
  error: row.error,
  response_snippet: row.response_snippet,
});

/** A delivery with its attempts (those of `attempts` that are its own), first to last. */
export function toDelivery(row: DeliveryRow, attempts: readonly AttemptRow[]): WebhookDelivery {
  return {
    id: row.id,
    subscription_id: row.subscription_id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status,
    attempt_count: row.attempts,
    next_attempt_at: row.status === "pending" ? iso(row.next_attempt_at) : null,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    created_at: iso(row.created_at) as string,
    delivered_at: iso(row.delivered_at),
    dead_at: iso(row.dead_at),
    attempts: attempts.filter((attempt) => attempt.delivery_id === row.id).map(toAttempt),
  };
}
