import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import { sha256 } from "../../../platform/crypto.ts";
import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { newId } from "../../../platform/ids.ts";
import { MAX_BATCH, type Records, type RecordTypeName } from "../../records/index.ts";
import type { QuarantineReason } from "../contract/index.ts";
import { applyMapping, type CompiledMapping } from "../mapping/index.ts";

/** What a page's rows are written as: the resource's source, its mapping, and who writes (the connector, in a run). */
export type PageTarget = {
  ctx: WriteContext;
  sourceId: string;
  sourceSystem: string;
  mapping: CompiledMapping;
};

export type PageWritten = { written: number; unchanged: number; quarantined: number };

type Entry = { rows: number[]; type: RecordTypeName; row: Record<string, unknown>; json: string };

/**
 * Maps each row of a page to records and writes them (records.upsert, partial mode); a row that does
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
  // A record several rows carry (a customer on every order row) is written once when they agree, and
  // in successive rounds, in row order, when they do not, so the last row wins as it would one by one.
  const rounds: Map<RecordTypeName, Entry[]>[] = [];
  const latest = new Map<string, { entry: Entry; round: number }>();
  rows.forEach((row, index) => {
    const result = applyMapping(target.mapping, row, { sourceSystem: target.sourceSystem });
    if (result.problems.length > 0) {
      reasons.set(index, { stage: "map", message: "The row does not fit the resource's mapping", problems: result.problems });
      return;
    }
    for (const record of result.records) {
      const key = `${record.type}\u0000${String(record.row.external_id)}`;
      const json = JSON.stringify(record.row);
      const previous = latest.get(key);
      if (previous?.entry.json === json) {
        previous.entry.rows.push(index);
        continue;
      }
      const round = previous ? previous.round + 1 : 0;
      const entry: Entry = { rows: [index], type: record.type, row: { ...record.row, source_system: target.sourceSystem }, json };
      latest.set(key, { entry, round });
      rounds[round] ??= new Map();
      const byType = rounds[round] as Map<RecordTypeName, Entry[]>;
      byType.set(record.type, [...(byType.get(record.type) ?? []), entry]);
    }
  });
  let written = 0;
  let unchanged = 0;
  const refused = new Map<number, { path: string; message: string }[]>();
  for (const byType of rounds) {
    for (const [type, entries] of byType) {
      for (let at = 0; at < entries.length; at += MAX_BATCH) {
        const chunk = entries.slice(at, at + MAX_BATCH);
        const result = await deps.records.upsert(
          target.ctx,
          type,
          chunk.map((entry) => entry.row),
          // The mapping parsed each row with the record type's schema.
          { mode: "partial", alreadyParsed: true },
        );
        written += result.inserted + result.updated;
        unchanged += result.unchanged;
        for (const rejected of result.rejected) {
          for (const row of chunk[rejected.index ?? -1]?.rows ?? []) {
            refused.set(row, [
              ...(refused.get(row) ?? []),
              { path: `${type}.${rejected.path ?? ""}`, message: rejected.message },
            ]);
          }
        }
      }
    }
  }
  for (const [row, problems] of refused) {
    if (!reasons.has(row)) reasons.set(row, { stage: "validate", message: "Records made from the row were refused", problems });
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
