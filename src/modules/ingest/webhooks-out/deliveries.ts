import { type SQL, sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant, rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAudit } from "../../governance/index.ts";
import {
  type WebhookDelivery,
  type WebhookDeliveryDetail,
  type WebhookDeliveryPage,
  WebhookDeliveryQuery,
} from "./contract/webhooks-out.ts";
import { PING_EVENT } from "./event-types.ts";
import { type AttemptRow, DELIVERY_COLUMNS, type DeliveryRow, toDelivery } from "./rows.ts";
import type { Claimed, Sender } from "./sender.ts";
import { parse } from "./validation.ts";

type Deps = { db: Database; clock: () => Date; sender: Sender; leaseMs: number };

const encodeCursor = (id: string) => Buffer.from(id, "utf8").toString("base64url");

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^whd_[0-9a-z]{26}$/.test(id)) {
    throw new AppError("bad_request", "The cursor is not one this API issued; start again without one", {
      details: [{ path: "cursor", message: "not a cursor from this list" }],
    });
  }
  return id;
}

/** A subscription's deliveries with their attempts; replaying one; pinging the receiver. */
export function createDeliveries(deps: Deps) {
  const { db, clock, sender } = deps;

  async function attemptsOf(tenantId: string, deliveryIds: string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    return readAsTenant<AttemptRow>(
      db,
      tenantId,
      sql`select delivery_id, number, started_at, duration_ms, outcome, status_code, error, response_snippet
            from ingest.webhook_attempts
           where tenant_id = ${tenantId}
             and delivery_id in (${sql.join(
               deliveryIds.map((id) => sql`${id}`),
               sql`, `,
             )})
           order by delivery_id, number`,
    );
  }

  async function assertSubscription(tenantId: string, subscriptionId: string): Promise<void> {
    const [found] = await readAsTenant<{ id: string }>(
      db,
      tenantId,
      sql`select id from ingest.webhook_subscriptions where tenant_id = ${tenantId} and id = ${subscriptionId}`,
    );
    if (!found) throw notFound("Webhook subscription", subscriptionId);
  }

  async function get(tenantId: string, subscriptionId: string, id: string): Promise<WebhookDeliveryDetail> {
    const [row] = await readAsTenant<DeliveryRow & { body: string }>(
      db,
      tenantId,
      sql`select ${DELIVERY_COLUMNS}, body from ingest.webhook_deliveries
           where tenant_id = ${tenantId} and subscription_id = ${subscriptionId} and id = ${id}`,
    );
    if (!row) throw notFound("Webhook delivery", id);
    return { ...toDelivery(row, await attemptsOf(tenantId, [id])), body: JSON.parse(row.body) as unknown };
  }

  return {
    get,

    /** Newest first, each with every attempt; filtered by status; paged with `next_cursor`. */
    async list(tenantId: string, subscriptionId: string, input: WebhookDeliveryQuery = {}): Promise<WebhookDeliveryPage> {
      const query = parse("query string", WebhookDeliveryQuery, input);
      await assertSubscription(tenantId, subscriptionId);
      const filters: SQL[] = [sql`tenant_id = ${tenantId}`, sql`subscription_id = ${subscriptionId}`];
      if (query.status) filters.push(sql`status = ${query.status}`);
      if (query.cursor) filters.push(sql`id < ${decodeCursor(query.cursor)}`);
      const found = await readAsTenant<DeliveryRow>(
        db,
        tenantId,
        sql`select ${DELIVERY_COLUMNS} from ingest.webhook_deliveries where ${sql.join(filters, sql` and `)}
             order by id desc limit ${query.limit + 1}`,
      );
      const page = found.slice(0, query.limit);
      const attempts = new Map<string, AttemptRow[]>();
      const listed = await attemptsOf(
        tenantId,
        page.map((row) => row.id),
      );
      for (const attempt of listed) {
        const own = attempts.get(attempt.delivery_id);
        if (own) own.push(attempt);
        else attempts.set(attempt.delivery_id, [attempt]);
      }
      const last = page.at(-1);
      return {
        data: page.map((row) => toDelivery(row, attempts.get(row.id) ?? [])),
        next_cursor: found.length > query.limit && last ? encodeCursor(last.id) : null,
      };
    },

    /**
     * Tries a delivery again now, whatever became of it (dead-lettered, delivered, or waiting for
     * its next retry), with a fresh 24-hour window. Refused while an attempt is in flight.
     */
    async replay(ctx: WriteContext, subscriptionId: string, id: string): Promise<WebhookDelivery> {
      const now = clock();
      await withTenant(db, ctx.tenantId, async (tx) => {
        const [row] = await rows<{ status: string; leased_until: string | null; event_id: string | null; event_type: string }>(
          tx,
          sql`select status, leased_until, event_id, event_type from ingest.webhook_deliveries
               where subscription_id = ${subscriptionId} and id = ${id} for update`,
        );
        if (!row) throw notFound("Webhook delivery", id);
        if (row.leased_until && new Date(row.leased_until) > now) {
          throw new AppError("conflict", `Delivery ${id} is being attempted right now; look at its attempts in a moment`);
        }
        await tx.execute(sql`update ingest.webhook_deliveries
                                set status = 'pending', next_attempt_at = ${now.toISOString()}, window_started_at = null,
                                    delivered_at = null, dead_at = null
                              where id = ${id}`);
        await appendAudit(tx, {
          ...ctx,
          action: "ingest.webhook_delivery.replayed",
          resourceType: "webhook_delivery",
          resourceId: id,
          data: {
            subscription_id: subscriptionId,
            event_id: row.event_id,
            event_type: row.event_type,
            status_before: row.status,
          },
        });
      });
      sender.wake();
      return get(ctx.tenantId, subscriptionId, id);
    },

    /**
     * Sends a `webhook.ping` to the subscription now (paused or not), waits for the answer and
     * returns the delivery with its attempt. A ping is tried once: one that fails is dead at once.
     */
    async ping(ctx: WriteContext, subscriptionId: string): Promise<WebhookDeliveryDetail> {
      const now = clock();
      const id = newId("whd");
      const body = JSON.stringify({
        id,
        type: PING_EVENT,
        occurred_at: now.toISOString(),
        tenant: ctx.tenantId,
        data: { subscription_id: subscriptionId, message: "A test delivery from Crossdock: answer 2xx to show it arrived." },
      });
      const lease = new Date(now.getTime() + deps.leaseMs).toISOString();
      const claimed = await withTenant(db, ctx.tenantId, async (tx) => {
        const [subscription] = await rows<
          Pick<Claimed, "url" | "secret_sealed" | "previous_secret_sealed" | "previous_secret_expires_at">
        >(
          tx,
          sql`select url, secret_sealed, previous_secret_sealed, previous_secret_expires_at
                from ingest.webhook_subscriptions where id = ${subscriptionId}`,
        );
        if (!subscription) throw notFound("Webhook subscription", subscriptionId);
        await tx.execute(sql`insert into ingest.webhook_deliveries
            (tenant_id, id, subscription_id, event_id, event_type, body, status, attempts, next_attempt_at, leased_until,
             window_started_at, created_at)
          values (${ctx.tenantId}, ${id}, ${subscriptionId}, null, ${PING_EVENT}, ${body}, 'pending', 1, ${lease}, ${lease},
                  ${now.toISOString()}, ${now.toISOString()})`);
        return {
          ...subscription,
          tenant_id: ctx.tenantId,
          id,
          subscription_id: subscriptionId,
          event_type: PING_EVENT,
          body,
          attempts: 1,
          window_started_at: now.toISOString(),
        } satisfies Claimed;
      });
      await sender.attempt(claimed, false);
      return get(ctx.tenantId, subscriptionId, id);
    },
  };
}
