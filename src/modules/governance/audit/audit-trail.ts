import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import { newId } from "../../../platform/ids.ts";
import { type AuditEntry, GENESIS_HASH, hashEntry } from "./audit-entry.ts";

export type AuditInput = {
  tenantId: string;
  actor: Actor;
  /** Dotted, past tense: `records.item.upserted`, `api_key.revoked`. */
  action: string;
  resourceType: string;
  resourceId: string;
  requestId?: string | undefined;
  /** Before/after values, or for bulk writes a digest and counts; never secrets. */
  data: Record<string, unknown>;
};

export type AppendedAudit = { id: string; seq: number; hash: string };

/**
 * Appends one entry to the tenant's chain, inside the caller's transaction, so the entry commits
 * with the change it records. Appends for one tenant are serialised by a lock on the chain head.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<AppendedAudit> {
  const [head] = await rows<{ seq: number; hash: string }>(
    tx,
    sql`insert into governance.audit_heads (tenant_id, seq, hash) values (${input.tenantId}, 0, ${GENESIS_HASH})
        on conflict (tenant_id) do update set tenant_id = excluded.tenant_id
        returning seq, hash`,
  );
  if (!head) throw new Error("audit head could not be read");
  // bigint columns arrive as strings through drizzle's raw queries
  const seq = Number(head.seq) + 1;
  const entry: AuditEntry = {
    tenant_id: input.tenantId,
    seq,
    id: newId("aud"),
    occurred_at: new Date().toISOString(),
    actor_type: input.actor.type,
    actor_id: input.actor.id,
    actor_label: input.actor.label ?? null,
    action: input.action,
    resource_type: input.resourceType,
    resource_id: input.resourceId,
    request_id: input.requestId ?? null,
    data: input.data,
  };
  const hash = hashEntry(head.hash, entry);
  await tx.execute(sql`
    with appended as (
      insert into governance.audit_entries (tenant_id, seq, id, occurred_at, actor_type, actor_id, actor_label, action,
        resource_type, resource_id, request_id, data, prev_hash, hash)
      values (${entry.tenant_id}, ${entry.seq}, ${entry.id}, ${entry.occurred_at}, ${entry.actor_type}, ${entry.actor_id},
        ${entry.actor_label}, ${entry.action}, ${entry.resource_type}, ${entry.resource_id}, ${entry.request_id},
        ${JSON.stringify(entry.data)}::jsonb, ${head.hash}, ${hash})
      returning tenant_id)
    update governance.audit_heads set seq = ${entry.seq}, hash = ${hash}
     where tenant_id = (select tenant_id from appended)`);
  return { id: entry.id, seq: entry.seq, hash };
}
