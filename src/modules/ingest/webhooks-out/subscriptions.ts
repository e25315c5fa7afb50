import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { readAsTenant, rows, textArray, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { appendAudit } from "../../governance/index.ts";
import {
  CreateWebhookSubscriptionInput,
  RotateWebhookSecretInput,
  UpdateWebhookSubscriptionInput,
  type WebhookSubscription,
  type WebhookSubscriptionHealth,
  type WebhookSubscriptionWithHealth,
  type WebhookSubscriptionWithSecret,
} from "./contract/webhooks-out.ts";
import { unknownEventTypes } from "./event-types.ts";
import { SUBSCRIPTION_COLUMNS, type SubscriptionRow, toSubscription } from "./rows.ts";
import { newWebhookSecret, sealSecret, secretHint } from "./signing.ts";
import { invalid, parse } from "./validation.ts";

/** More would make every event's fan-out slow for the tenant; nobody needs them. */
const MAX_SUBSCRIPTIONS = 100;

type Deps = { db: Database; keyring: Keyring; clock: () => Date };

function checkEventTypes(what: string, patterns: string[] | undefined): string[] | undefined {
  if (!patterns) return undefined;
  const unknown = unknownEventTypes(patterns);
  if (unknown.length > 0) throw invalid(what, unknown);
  return [...new Set(patterns)];
}

async function lockRow(tx: Tx, id: string): Promise<SubscriptionRow> {
  const [row] = await rows<SubscriptionRow>(
    tx,
    sql`select ${SUBSCRIPTION_COLUMNS} from ingest.webhook_subscriptions where id = ${id} for update`,
  );
  if (!row) throw notFound("Webhook subscription", id);
  return row;
}

const NO_BACKLOG: WebhookSubscriptionHealth = { pending: 0, oldest_pending_at: null, dead: 0 };

/** A tenant's webhook subscriptions: each change audited, the signing secret sealed and shown once. */
export function createSubscriptions(deps: Deps) {
  const { db, keyring, clock } = deps;

  /** Pending and dead deliveries per subscription (both partial indexes: the delivered are not read). */
  async function healthOf(tenantId: string, ids: string[]): Promise<Map<string, WebhookSubscriptionHealth>> {
    if (ids.length === 0) return new Map();
    const found = await readAsTenant<{
      subscription_id: string;
      pending: number;
      oldest_pending_at: string | null;
      dead: number;
    }>(
      db,
      tenantId,
      sql`select subscription_id,
                 (count(*) filter (where status = 'pending'))::int as pending,
                 min(created_at) filter (where status = 'pending') as oldest_pending_at,
                 (count(*) filter (where status = 'dead'))::int as dead
            from ingest.webhook_deliveries
           where status in ('pending', 'dead') and subscription_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
           group by subscription_id`,
    );
    return new Map(
      found.map((row) => [
        row.subscription_id,
        {
          pending: Number(row.pending),
          oldest_pending_at: row.oldest_pending_at === null ? null : new Date(row.oldest_pending_at).toISOString(),
          dead: Number(row.dead),
        },
      ]),
    );
  }

  async function audit(tx: Tx, ctx: WriteContext, action: string, id: string, data: Record<string, unknown>) {
    await appendAudit(tx, { ...ctx, action, resourceType: "webhook_subscription", resourceId: id, data });
  }

  return {
    async list(tenantId: string): Promise<WebhookSubscriptionWithHealth[]> {
      const found = await readAsTenant<SubscriptionRow>(
        db,
        tenantId,
        sql`select ${SUBSCRIPTION_COLUMNS} from ingest.webhook_subscriptions where tenant_id = ${tenantId} order by id`,
      );
      const health = await healthOf(
        tenantId,
        found.map((row) => row.id),
      );
      const now = clock();
      return found.map((row) => ({ ...toSubscription(row, now), health: health.get(row.id) ?? NO_BACKLOG }));
    },

    async get(tenantId: string, id: string): Promise<WebhookSubscriptionWithHealth> {
      const [row] = await readAsTenant<SubscriptionRow>(
        db,
        tenantId,
        sql`select ${SUBSCRIPTION_COLUMNS} from ingest.webhook_subscriptions where tenant_id = ${tenantId} and id = ${id}`,
      );
      if (!row) throw notFound("Webhook subscription", id);
      const health = await healthOf(tenantId, [id]);
      return { ...toSubscription(row, clock()), health: health.get(id) ?? NO_BACKLOG };
    },

    async create(ctx: WriteContext, input: CreateWebhookSubscriptionInput): Promise<WebhookSubscriptionWithSecret> {
      const parsed = parse("webhook subscription", CreateWebhookSubscriptionInput, input);
      const eventTypes = checkEventTypes("webhook subscription", parsed.event_types) as string[];
      const id = newId("whs");
      const secret = newWebhookSecret();
      const sealed = sealSecret(await keyring.key(), ctx.tenantId, id, secret);
      const now = clock().toISOString();
      return withTenant(db, ctx.tenantId, async (tx) => {
        const [count] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ingest.webhook_subscriptions`);
        if ((count?.n ?? 0) >= MAX_SUBSCRIPTIONS) {
          throw new AppError(
            "conflict",
            `This tenant has ${MAX_SUBSCRIPTIONS} webhook subscriptions, the most allowed; delete one, or subscribe one URL to more event types`,
          );
        }
        const [row] = await rows<SubscriptionRow>(
          tx,
          sql`insert into ingest.webhook_subscriptions
                (tenant_id, id, url, description, event_types, status, secret_sealed, secret_hint, created_at, updated_at)
              values (${ctx.tenantId}, ${id}, ${parsed.url}, ${parsed.description ?? null}, ${textArray(eventTypes)},
                      ${parsed.status}, ${sealed}, ${secretHint(secret)}, ${now}, ${now})
              returning ${SUBSCRIPTION_COLUMNS}`,
        );
        const created = toSubscription(row as SubscriptionRow, clock());
        await audit(tx, ctx, "ingest.webhook_subscription.created", id, { after: created });
        return { ...created, secret };
      });
    },

    /** Changes the URL, event types, description or status (pause, resume); fields left out stay. */
    async update(ctx: WriteContext, id: string, input: UpdateWebhookSubscriptionInput): Promise<WebhookSubscription> {
      const parsed = parse("webhook subscription change", UpdateWebhookSubscriptionInput, input);
      const eventTypes = checkEventTypes("webhook subscription change", parsed.event_types);
      return withTenant(db, ctx.tenantId, async (tx) => {
        const before = await lockRow(tx, id);
        const [row] = await rows<SubscriptionRow>(
          tx,
          sql`update ingest.webhook_subscriptions
                 set url = ${parsed.url ?? before.url},
                     description = ${parsed.description === undefined ? before.description : parsed.description},
                     event_types = ${textArray(eventTypes ?? before.event_types)},
                     status = ${parsed.status ?? before.status},
                     updated_at = ${clock().toISOString()}
               where id = ${id}
           returning ${SUBSCRIPTION_COLUMNS}`,
        );
        const now = clock();
        const after = toSubscription(row as SubscriptionRow, now);
        const action =
          before.status !== after.status
            ? after.status === "paused"
              ? "ingest.webhook_subscription.paused"
              : "ingest.webhook_subscription.resumed"
            : "ingest.webhook_subscription.updated";
        await audit(tx, ctx, action, id, { before: toSubscription(before, now), after });
        return after;
      });
    },

    /** A new secret, shown this once; the old one keeps signing beside it for the overlap asked for. */
    async rotateSecret(
      ctx: WriteContext,
      id: string,
      input: RotateWebhookSecretInput = {},
    ): Promise<WebhookSubscriptionWithSecret> {
      const parsed = parse("secret rotation", RotateWebhookSecretInput, input);
      const secret = newWebhookSecret();
      const key = await keyring.key();
      return withTenant(db, ctx.tenantId, async (tx) => {
        await lockRow(tx, id);
        const now = clock();
        const overlapUntil =
          parsed.previous_secret_valid_hours > 0
            ? new Date(now.getTime() + parsed.previous_secret_valid_hours * 3_600_000).toISOString()
            : null;
        const [row] = await rows<SubscriptionRow>(
          tx,
          sql`update ingest.webhook_subscriptions
                 set previous_secret_sealed = case when ${overlapUntil}::timestamptz is null then null else secret_sealed end,
                     previous_secret_expires_at = ${overlapUntil}::timestamptz,
                     secret_sealed = ${sealSecret(key, ctx.tenantId, id, secret)},
                     secret_hint = ${secretHint(secret)},
                     updated_at = ${now.toISOString()}
               where id = ${id}
           returning ${SUBSCRIPTION_COLUMNS}`,
        );
        const after = toSubscription(row as SubscriptionRow, now);
        await audit(tx, ctx, "ingest.webhook_subscription.secret_rotated", id, {
          secret_hint: after.secret_hint,
          previous_secret_expires_at: after.previous_secret_expires_at,
        });
        return { ...after, secret };
      });
    },

    /** Removes the subscription with its deliveries and their attempts; the audit trail keeps what it was. */
    async remove(ctx: WriteContext, id: string): Promise<WebhookSubscription> {
      return withTenant(db, ctx.tenantId, async (tx) => {
        const before = toSubscription(await lockRow(tx, id), clock());
        const [counts] = await rows<{ deliveries: number; pending: number }>(
          tx,
          sql`select count(*)::int as deliveries, (count(*) filter (where status = 'pending'))::int as pending
                from ingest.webhook_deliveries where subscription_id = ${id}`,
        );
        await tx.execute(sql`delete from ingest.webhook_subscriptions where id = ${id}`);
        await audit(tx, ctx, "ingest.webhook_subscription.deleted", id, {
          before,
          deliveries_removed: counts?.deliveries ?? 0,
          pending_removed: counts?.pending ?? 0,
        });
        return before;
      });
    },
  };
}
