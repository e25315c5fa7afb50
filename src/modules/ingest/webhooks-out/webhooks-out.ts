import type { Registry } from "prom-client";
import type { Database } from "../../../platform/db/database.ts";
import type { EventBus } from "../../../platform/events/event-bus.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { DEFAULT_RETRY } from "./backoff.ts";
import type { WebhookEventType } from "./contract/webhooks-out.ts";
import { createDeliveries } from "./deliveries.ts";
import { EVENT_TYPES } from "./event-types.ts";
import { fanOut } from "./fan-out.ts";
import { createWebhookMetrics } from "./metrics.ts";
import { createSender, type SenderOptions } from "./sender.ts";
import { createSubscriptions } from "./subscriptions.ts";

export type WebhooksOutDeps = {
  db: Database;
  logger: Logger;
  /** Seals the signing secrets at rest. */
  keyring: Keyring;
  metricsRegistry: Registry;
  /** Tests move time; due times, backoff, the 24-hour window and signature timestamps read it. */
  clock?: () => Date;
  /** The jitter of retry delays, in [0, 1). */
  random?: () => number;
  sender?: Partial<SenderOptions>;
};

const RELAY = "webhooks-out";

const DEFAULT_SENDER: SenderOptions = {
  timeoutMs: 10_000,
  maxInFlight: 32,
  maxInFlightPerSubscription: 4,
  pollMs: 500,
  retry: DEFAULT_RETRY,
};

/**
 * Outbound webhooks: a tenant's subscriptions (URL, event types, signing secret), the fan-out
 * of each event to the subscriptions that want it (one durable subscriber of the event bus), and
 * the sender that POSTs due deliveries with retries, bounded concurrency and dead-lettering.
 */
export function createWebhooksOut(deps: WebhooksOutDeps) {
  const { db } = deps;
  const clock = deps.clock ?? (() => new Date());
  const options: SenderOptions = { ...DEFAULT_SENDER, ...deps.sender };
  const metrics = createWebhookMetrics(deps.metricsRegistry, db, () => send.inFlight());
  const send = createSender({
    db,
    keyring: deps.keyring,
    logger: deps.logger,
    metrics,
    clock,
    random: deps.random ?? Math.random,
    options,
  });
  const subscriptions = createSubscriptions({ db, keyring: deps.keyring, clock });
  const deliveries = createDeliveries({ db, clock, sender: send, leaseMs: options.timeoutMs + 60_000 });

  return {
    subscriptions,
    deliveries,
    /** The event types a subscription can name. */
    eventTypes: (): WebhookEventType[] => [...EVENT_TYPES],
    /**
     * Registers the fan-out with the event bus, as a relay: each batch of events becomes deliveries
     * in the transaction that moves the relay's cursor, with no workflow per event.
     */
    subscribe(bus: EventBus): void {
      bus.relay({
        name: RELAY,
        types: ["*"],
        async handle(tx, events) {
          // The sender looks once the relay's transaction has committed (it also polls).
          if ((await fanOut(tx, events, clock())) > 0) setTimeout(() => send.wake(), 10).unref();
        },
      });
    },
    /** Starts sending in the background; after the workflow engine launched. */
    start: () => send.start(),
    /** Stops sending and waits for the attempts in flight; before the database closes. */
    stop: () => send.stop(),
    /** Sends everything due now and waits for the answers: for tests that move the clock. */
    deliverDue: () => send.deliverDue(),
  };
}

export type WebhooksOut = ReturnType<typeof createWebhooksOut>;
