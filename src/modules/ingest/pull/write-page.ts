import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import { sha256 } from "../../../platform/crypto.ts";
import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { newId } from "../../../platform/ids.ts";
import type { Records } from "../../records/index.ts";
import type { QuarantineReason } from "../contract/index.ts";
import { applyMapping, type CompiledMapping } from "../mapping/index.ts";
import { type MappedFrom, writeMapped } from "../processing/write-mapped.ts";

/** What a page's rows are written as: the resource's source, its mapping, and who writes (the connector, in a run). */
export type PageTarget = {
  ctx: WriteContext;
  sourceId: string;
  sourceSystem: string;
  mapping: CompiledMapping;
};

export type PageWritten = { written: number; unchanged: number; quarantined: number };

/**
 * Maps each row of a page to records and writes them (see processing/write-mapped.ts); a row that does
 * not map, or whose records are refused, goes to quarantine as a receipt of the resource's source,
 * with the reason, for a person to fix and replay. Receipts are keyed by the row's content, so a page
 * read again after a crash quarantines nothing twice, and its records, upserted by (source system,
 * external id) and skipped when unchanged, are not written twice.
 */
export async function writePage(
  deps: { db: Database; records: Records; clock: () => Date },
  target: PageTarget,
  rows: unknown[],
): Promise<PageWritten> {
  const reasons = new Map<number, QuarantineReason>();
  const mapped: MappedFrom<number>[] = [];
  rows.forEach((row, index) => {
    const result = applyMapping(target.mapping, row, { sourceSystem: target.sourceSystem });
    if (result.problems.length > 0) {
      reasons.set(index, { stage: "map", message: "The row does not fit the resource's mapping", problems: result.problems });
    } else {
      mapped.push({ from: index, records: result.records });
    }
  });
  const { written, unchanged, refused } = await writeMapped(deps.records, target.ctx, mapped);
  for (const [row, problems] of refused) {
    reasons.set(row, { stage: "validate", message: "Records made from the row were refused", problems });
  }
  await quarantine(deps, target, rows, reasons);
  return { written, unchanged, quarantined: reasons.size };
}

async function quarantine(
  deps: { db: Database; clock: () => Date },
  target: PageTarget,
  rows: unknown[],
  reasons: Map<number, QuarantineReason>,
): Promise<void> {
  if (reasons.size === 0) return;
  const now = deps.clock().toISOString();
  const receipts = [...reasons].map(([index, reason]) => {
    const body = JSON.stringify(rows[index] ?? null);
    const digest = sha256(body);
    // As base64: a JSON text may hold \u0000, which jsonb (the parameter's carrier) refuses.
    return {
      id: newId("rcv"),
      delivery_id: `row-${digest}`,
      body: Buffer.from(body, "utf8").toString("base64"),
      sha: digest,
      reason,
    };
  });
  await withTenant(deps.db, target.ctx.tenantId, (tx) =>
    tx.execute(sql`
      insert into ingest.receipts (tenant_id, id, source_id, delivery_id, received_at, content_type, body, body_sha256, status, reason)
      select ${target.ctx.tenantId}, o.id, ${target.sourceId}, o.delivery_id, ${now}::timestamptz, 'application/json',
             decode(o.body, 'base64'), o.sha, 'quarantined', o.reason
        from jsonb_to_recordset(${JSON.stringify(receipts)}::jsonb) as o (id text, delivery_id text, body text, sha text, reason jsonb)
      on conflict (source_id, delivery_id) do nothing`),
  );
}
