import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withSystem, writeAsTenant } from "../../../platform/db/tenant-scope.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { type RetryPolicy, retryDelayMs } from "./backoff.ts";
import type { WebhookMetrics } from "./metrics.ts";
import { type PostResult, postDelivery } from "./post-delivery.ts";
import { openSecret, signatureHeader } from "./signing.ts";

/** A delivery claimed for an attempt, with what sending it needs from its subscription. */
export type Claimed = {
  tenant_id: string;
  id: string;
  subscription_id: string;
  event_type: string;
  body: string;
  /** This attempt's number. */
  attempts: number;
  window_started_at: string;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: string | null;
};

export type SenderOptions = {
  /** How long an attempt may take, answer included. */
  timeoutMs: number;
  /** Attempts in flight per process, all subscriptions together. */
  maxInFlight: number;
  /** Attempts in flight per process to one subscription: a slow receiver holds at most this many. */
  maxInFlightPerSubscription: number;
  /** How often the sender looks for due deliveries when nothing wakes it. */
  pollMs: number;
  retry: RetryPolicy;
};

export type SenderDeps = {
  db: Database;
  keyring: Keyring;
  logger: Logger;
  metrics: WebhookMetrics;
  clock: () => Date;
  /** In [0, 1): the jitter of retry delays. */
  random: () => number;
  options: SenderOptions;
};

/**
 * Sends due deliveries. Rows are claimed with SKIP LOCKED under a lease and committed before
 * anything is sent, so no transaction stays open across a call out and several processes can send
 * at once; one that dies mid-send leaves the delivery to be claimed again when the lease ends.
 * Each attempt is recorded with the delivery's next state: delivered, retried later (exponential
 * backoff, full jitter), or dead once its 24-hour window is spent.
 */
export function createSender(deps: SenderDeps) {
  const { db, clock, options } = deps;
  const logger = deps.logger.child({ component: "webhooks-out" });
  const leaseMs = options.timeoutMs + 60_000;
  const inFlight = new Map<string, number>();
  let inFlightTotal = 0;
  const sending = new Set<Promise<void>>();
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let pumping: Promise<unknown> | undefined;
  let wakeAgain = false;
  // Claims run one at a time in a process, so the in-flight counts they read are the true ones.
  let lastClaim: Promise<unknown> = Promise.resolve();

  async function claim(free: number): Promise<Claimed[]> {
    const now = clock();
    const busy = JSON.stringify(Object.fromEntries(inFlight));
    return withSystem(db, (tx) =>
      rows<Claimed>(
        tx,
        // Per active subscription, its oldest due deliveries up to its free slots; of those, the
        // oldest up to the process's free slots. A backlog for one receiver never hides another's.
        sql`update ingest.webhook_deliveries d
               set attempts = d.attempts + 1,
                   next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()},
                   leased_until = ${new Date(now.getTime() + leaseMs).toISOString()},
                   window_started_at = coalesce(d.window_started_at, ${now.toISOString()})
              from ingest.webhook_subscriptions s
             where s.id = d.subscription_id
               and d.id in (
                 select due.id
                   from ingest.webhook_subscriptions sub
                   cross join lateral (
                     select candidate.id, candidate.next_attempt_at
                       from ingest.webhook_deliveries candidate
                      where candidate.subscription_id = sub.id and candidate.status = 'pending'
                        and candidate.next_attempt_at <= ${now.toISOString()}
                      order by candidate.next_attempt_at, candidate.id
                      limit greatest(0, ${options.maxInFlightPerSubscription} - coalesce((${busy}::jsonb ->> sub.id)::int, 0))
                      for update of candidate skip locked
                   ) due
                  where sub.status = 'active'
                  order by due.next_attempt_at
                  limit ${free})
         returning d.tenant_id, d.id, d.subscription_id, d.event_type, d.body, d.attempts, d.window_started_at,
                   s.url, s.secret_sealed, s.previous_secret_sealed, s.previous_secret_expires_at`,
      ),
    );
  }

  async function signingSecrets(delivery: Claimed, now: Date): Promise<string[]> {
    const key = await deps.keyring.key();
    const secrets = [openSecret(key, delivery.tenant_id, delivery.subscription_id, delivery.secret_sealed)];
    if (
      delivery.previous_secret_sealed &&
      delivery.previous_secret_expires_at &&
      new Date(delivery.previous_secret_expires_at) > now
    ) {
      secrets.push(openSecret(key, delivery.tenant_id, delivery.subscription_id, delivery.previous_secret_sealed));
    }
    return secrets;
  }

  /** One attempt at a claimed delivery, recorded with what comes next; `retry: false` (a ping) dies on failure. */
  async function attempt(delivery: Claimed, retry: boolean): Promise<PostResult> {
    const startedAt = clock();
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    let result: PostResult;
    try {
      const secrets = await signingSecrets(delivery, startedAt);
      result = await postDelivery({
        url: delivery.url,
        body: delivery.body,
        timeoutMs: options.timeoutMs,
        headers: {
          "x-crossdock-delivery": delivery.id,
          "x-crossdock-event": delivery.event_type,
          "x-crossdock-timestamp": String(timestamp),
          "x-crossdock-attempt": String(delivery.attempts),
          "x-crossdock-signature": signatureHeader(secrets, timestamp, delivery.body),
        },
      });
    } catch (error) {
      // Nothing was sent: the secret does not open (the server's key changed) or there is no key.
      const reason = error instanceof Error ? error.message : String(error);
      result = {
        outcome: "failed",
        statusCode: null,
        error: `Not sent: the signing secret could not be opened (${reason}); rotate the secret`,
        responseSnippet: null,
        durationMs: 0,
      };
    }
    deps.metrics.attemptFinished(result.outcome, result.durationMs);
    await record(delivery, startedAt, result, retry).catch((error) =>
      logger.error({ err: error, delivery: delivery.id }, "could not record a webhook attempt; the lease will bring it back"),
    );
    return result;
  }

  async function record(delivery: Claimed, startedAt: Date, result: PostResult, retry: boolean): Promise<void> {
    const now = clock();
    let next: { status: "delivered" | "pending" | "dead"; at: Date } = { status: "delivered", at: now };
    if (result.outcome !== "delivered") {
      const at = new Date(now.getTime() + retryDelayMs(options.retry, delivery.attempts, deps.random()));
      const deadline = new Date(delivery.window_started_at).getTime() + options.retry.windowMs;
      next = retry && at.getTime() <= deadline ? { status: "pending", at } : { status: "dead", at: now };
    }
    if (next.status === "dead") {
      deps.metrics.deadLettered();
      logger.warn(
        { delivery: delivery.id, subscription: delivery.subscription_id, attempts: delivery.attempts, error: result.error },
        "a webhook delivery was dead-lettered",
      );
    }
    const at = next.at.toISOString();
    await writeAsTenant(db, delivery.tenant_id, [
      // The delivery may have been removed with its subscription meanwhile: then nothing is recorded.
      sql`insert into ingest.webhook_attempts
            (tenant_id, delivery_id, number, started_at, duration_ms, outcome, status_code, error, response_snippet)
          select tenant_id, id, ${delivery.attempts}, ${startedAt.toISOString()}, ${result.durationMs}, ${result.outcome},
                 ${result.statusCode}, ${result.error}, ${result.responseSnippet}
            from ingest.webhook_deliveries where id = ${delivery.id}
          on conflict do nothing`,
      // Only if no later claim took the delivery over (a lease that ran out mid-send).
      sql`update ingest.webhook_deliveries
             set status = ${next.status}, next_attempt_at = ${at}, leased_until = null,
                 last_status_code = ${result.statusCode}, last_error = ${result.error},
                 delivered_at = ${next.status === "delivered" ? at : null},
                 dead_at = ${next.status === "dead" ? at : null}
           where id = ${delivery.id} and attempts = ${delivery.attempts}`,
    ]);
  }

  function track(delivery: Claimed): Promise<void> {
    inFlightTotal += 1;
    inFlight.set(delivery.subscription_id, (inFlight.get(delivery.subscription_id) ?? 0) + 1);
    const work = attempt(delivery, true).then(
      () => undefined,
      (error) => logger.error({ err: error, delivery: delivery.id }, "a webhook attempt failed unexpectedly"),
    );
    const done = work.finally(() => {
      inFlightTotal -= 1;
      const left = (inFlight.get(delivery.subscription_id) ?? 1) - 1;
      if (left > 0) inFlight.set(delivery.subscription_id, left);
      else inFlight.delete(delivery.subscription_id);
      sending.delete(done);
      // A slot came free: fill it now rather than at the next poll.
      wake();
    });
    sending.add(done);
    return done;
  }

  /** Claims what is due within the free slots and starts sending it; resolves with the sends started. */
  function pump(): Promise<Promise<void>[]> {
    const result = lastClaim.then(async () => {
      const free = options.maxInFlight - inFlightTotal;
      if (free <= 0) return [];
      return (await claim(free)).map(track);
    });
    lastClaim = result.catch(() => undefined);
    return result;
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    // The sender alone never keeps a process alive.
    timer.unref();
  }

  function tick() {
    if (stopped) return;
    if (pumping) {
      wakeAgain = true;
      return;
    }
    pumping = pump()
      .catch((error) => logger.error({ err: error }, "claiming due webhook deliveries failed; retrying"))
      .finally(() => {
        pumping = undefined;
        const again = wakeAgain;
        wakeAgain = false;
        schedule(again ? 0 : options.pollMs);
      });
  }

  /** Looks for due deliveries now instead of at the next poll (new deliveries, a freed slot, a replay). */
  function wake() {
    if (stopped) return;
    if (pumping) wakeAgain = true;
    else schedule(0);
  }

  return {
    attempt,
    wake,
    inFlight: () => inFlightTotal,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    /** Stops claiming and waits for the attempts in flight (each ends within the timeout). */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pumping;
      await Promise.all([...sending]);
    },
    /**
     * Sends everything due now and waits for the answers, until nothing due is left: for tests that
     * move the clock, and one-off commands. Returns how many attempts it made.
     */
    async deliverDue(): Promise<number> {
      let total = 0;
      for (;;) {
        const started = await pump();
        if (started.length === 0 && inFlightTotal === 0) return total;
        total += started.length;
        // Wait for the ones in flight (ours or the background's) before claiming again.
        await Promise.race([...sending]);
      }
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
