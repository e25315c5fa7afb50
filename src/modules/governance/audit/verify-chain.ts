import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import { type AuditEntry, GENESIS_HASH, hashEntry } from "./audit-entry.ts";

export type ChainBreak = { seq: number; id: string | null; reason: string };
export type ChainReport =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; firstBreak: ChainBreak };

type StoredEntry = AuditEntry & { prev_hash: string; hash: string };

const PAGE = 2000;

/**
 * Walks the tenant's chain from the first entry, recomputing every hash. The first entry whose
 * content, link or position does not add up is reported; so is a chain that ends before its head.
 */
export async function verifyChain(tx: Tx, tenantId: string): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await rows<StoredEntry>(
      tx,
      sql`select tenant_id, seq, id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
                 actor_type, actor_id, actor_label, action, resource_type, resource_id, request_id, data, prev_hash, hash
            from governance.audit_entries
           where tenant_id = ${tenantId} and seq >= ${expectedSeq}
           order by seq limit ${PAGE}`,
    );
    for (const stored of page) {
      const { prev_hash, hash, ...entry } = stored;
      const at = { seq: Number(entry.seq), id: entry.id };
      if (at.seq !== expectedSeq) {
        return {
          ok: false,
          entries: count,
          firstBreak: { seq: expectedSeq, id: null, reason: `entry ${expectedSeq} is missing` },
        };
      }
      if (prev_hash !== expectedPrev) {
        return { ok: false, entries: count, firstBreak: { ...at, reason: "its link to the previous entry does not match" } };
      }
      if (hashEntry(prev_hash, { ...entry, seq: at.seq }) !== hash) {
        return { ok: false, entries: count, firstBreak: { ...at, reason: "its content was altered after it was written" } };
      }
      expectedPrev = hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < PAGE) break;
  }
  const [head] = await rows<{ seq: number; hash: string }>(
    tx,
    sql`select seq, hash from governance.audit_heads where tenant_id = ${tenantId}`,
  );
  if (head && (Number(head.seq) !== count || head.hash !== expectedPrev)) {
    return {
      ok: false,
      entries: count,
      firstBreak: {
        seq: count + 1,
        id: null,
        reason: `the chain ends at entry ${count} but its head records ${head.seq} entries`,
      },
    };
  }
  return { ok: true, entries: count, headHash: expectedPrev };
}
