import { sql } from "drizzle-orm";
import type { Tx } from "../db/database.ts";
import { newId } from "../ids.ts";

/** A fact that happened, named in the past tense: `records.item.upserted`, `tenant.created`. */
export type NewEvent = {
  tenantId: string;
  type: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  actor?: string | undefined;
  requestId?: string | undefined;
};

export type StoredEvent = {
  seq: number;
  txId: string;
  id: string;
  tenantId: string;
  type: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  actor: string | null;
  requestId: string | null;
  occurredAt: string;
};

/** An event without its payload: what a relay is handed (see event-bus.ts). */
export type EventHeader = Omit<StoredEvent, "payload">;

/**
 * Appends events inside the caller's transaction, so they exist exactly when the change they
 * report does (the outbox pattern). Bulk writers with many rows append in SQL instead; see
 * records' upsert, which inserts its events from the same statement.
 */
export async function appendEvents(tx: Tx, events: NewEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const ids = events.map(() => newId("evt"));
  const rows = events.map((event, index) => ({
    id: ids[index],
    tenant_id: event.tenantId,
    type: event.type,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    payload: event.payload,
    actor: event.actor ?? null,
    request_id: event.requestId ?? null,
  }));
  await tx.execute(sql`
    insert into platform.events (id, tenant_id, type, subject_type, subject_id, payload, actor, request_id)
    select id, tenant_id, type, subject_type, subject_id, payload, actor, request_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(
      id text, tenant_id text, type text, subject_type text, subject_id text, payload jsonb, actor text, request_id text)`);
  return ids;
}
