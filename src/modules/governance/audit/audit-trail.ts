import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import { newId } from "../../../platform/ids.ts";
import type { AuditEntry } from "./audit-entry.ts";
import { canonicalJson } from "./canonical-json.ts";

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

// A string no JSON serialisation of a real entry contains at the top-level `seq`.
const SEQ_PLACEHOLDER = "\u0000seq\u0000";

/**
 * One statement that appends `input` to the tenant's chain (governance.append_audit, in
 * migrations/0003): it advances the head, locking it until the transaction ends, and inserts the
 * entry linked to the hash the head held. The entry's hash covers its `seq`, which only the locked
 * head knows, so the entry is serialised here around a placeholder and the database hashes it with
 * the number in place, as `hashEntry` would. Returns the entry's seq and hash.
 */
export function appendAuditStatement(input: AuditInput): { id: string; statement: SQL } {
  const entry: Omit<AuditEntry, "seq"> = {
    tenant_id: input.tenantId,
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
  const json = canonicalJson({ ...entry, seq: SEQ_PLACEHOLDER });
  // The last occurrence: keys are sorted, so the top-level seq follows `data` and only tenant_id comes after it.
  const placeholder = JSON.stringify(SEQ_PLACEHOLDER);
  const at = json.lastIndexOf(placeholder);
  const statement = sql`
    select seq, hash from governance.append_audit(${entry.tenant_id}, ${entry.id}, ${entry.occurred_at}, ${entry.actor_type},
      ${entry.actor_id}, ${entry.actor_label}, ${entry.action}, ${entry.resource_type}, ${entry.resource_id},
      ${entry.request_id}, ${JSON.stringify(entry.data)}::jsonb, ${json.slice(0, at)}, ${json.slice(at + placeholder.length)})`;
  return { id: entry.id, statement };
}

/**
 * Appends one entry to the tenant's chain, inside the caller's transaction, so the entry commits
 * with the change it records. Appends for one tenant are serialised by a lock on the chain head.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<AppendedAudit> {
  const { id, statement } = appendAuditStatement(input);
  const [appended] = await rows<{ seq: number; hash: string }>(tx, statement);
  if (!appended) throw new Error("the audit chain's head could not be advanced");
  // bigint columns arrive as strings through drizzle's raw queries
  return { id, seq: Number(appended.seq), hash: appended.hash };
}
