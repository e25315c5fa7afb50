import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import type { EventHeader } from "../../../platform/events/event-log.ts";
import { newId } from "../../../platform/ids.ts";

/** The JSON body every delivery sends: `{id, type, occurred_at, tenant, data}`. */
export const deliveryBody = (event: { id: string; type: string; occurredAt: string; tenantId: string; payload: unknown }) =>
  JSON.stringify({ id: event.id, type: event.type, occurred_at: event.occurredAt, tenant: event.tenantId, data: event.payload });

/**
 * One delivery per subscription that names an event's type, for a batch of events: the event
 * bus's relay calls this in the transaction that moves its cursor past them, so each event fans out
 * once. It runs across tenants, as the event dispatcher does, and pairs each event only with
 * subscriptions of its own tenant. Paused subscriptions get theirs too, held until resumed. An
 * event already fanned out adds nothing (subscription and event are unique together). Only the
 * events some subscription takes have their payload read. Returns how many deliveries it added.
 */
export async function fanOut(tx: Tx, events: readonly EventHeader[], now: Date): Promise<number> {
  if (events.length === 0) return 0;
  const byId = new Map(events.map((event) => [event.id, event]));
  const pairs = await rows<{ event_id: string; subscription_id: string; tenant_id: string; payload: Record<string, unknown> }>(
    tx,
    sql`with paired as (
          select e.id as event_id, s.id as subscription_id, s.tenant_id
            from jsonb_to_recordset(${JSON.stringify(events.map(({ id, tenantId, type }) => ({ id, tenant_id: tenantId, type })))}::jsonb)
                 as e (id text, tenant_id text, type text)
            join ingest.webhook_subscriptions s on s.tenant_id = e.tenant_id
           where exists (select 1 from unnest(s.event_types) as p(pattern)
                          where p.pattern = e.type or (right(p.pattern, 1) = '*' and starts_with(e.type, left(p.pattern, -1)))))
        select p.event_id, p.subscription_id, p.tenant_id, ev.payload
          from paired p join platform.events ev on ev.id = p.event_id`,
  );
  if (pairs.length === 0) return 0;
  const deliveries = pairs.map((pair) => {
    const event = { ...(byId.get(pair.event_id) as EventHeader), payload: pair.payload };
    return {
      tenant_id: pair.tenant_id,
      id: newId("whd"),
      subscription_id: pair.subscription_id,
      event_id: event.id,
      event_type: event.type,
      body: deliveryBody(event),
    };
  });
  const added = await rows<{ id: string }>(
    tx,
    sql`insert into ingest.webhook_deliveries
          (tenant_id, id, subscription_id, event_id, event_type, body, status, next_attempt_at, created_at)
        select d.tenant_id, d.id, d.subscription_id, d.event_id, d.event_type, d.body, 'pending', ${now.toISOString()}, ${now.toISOString()}
          from jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb)
               as d (tenant_id text, id text, subscription_id text, event_id text, event_type text, body text)
        on conflict (subscription_id, event_id) do nothing
        returning id`,
  );
  return added.length;
}
