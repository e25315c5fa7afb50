import type { WriteContext } from "../../../platform/actor.ts";
import { KEYS_LIMIT, MAX_BATCH, type Records, type RecordTypeName } from "../../records/index.ts";
import type { ProducedRecord } from "../contract/index.ts";
import type { MappedRecord } from "../mapping/index.ts";
import { mergeIntoStored } from "./merge-stored.ts";

/** What one payload (a receipt, a row of a page) mapped to; `from` names it in the outcome. */
export type MappedFrom<K> = { from: K; records: readonly MappedRecord[] };

export type Problem = { path: string; message: string };

export type WrittenMapped<K> = {
  /** The records each payload wrote (or found unchanged). */
  produced: Map<K, ProducedRecord[]>;
  /** The problems of each payload whose records were refused. */
  refused: Map<K, Problem[]>;
  written: number;
  unchanged: number;
};

/** One row to write, and every payload that carried it. */
type Entry<K> = { from: K[]; type: RecordTypeName; row: Record<string, unknown>; json?: string; merge: boolean };

/** A row's JSON, made once and only when another payload carries the same record. */
function jsonOf<K>(entry: Entry<K>): string {
  entry.json ??= JSON.stringify(entry.row);
  return entry.json;
}

/**
 * Writes what a batch of payloads mapped to, in their order, one `records.upsert` (partial mode) per
 * record type and round. A record several payloads carry unchanged (a customer on every order) is
 * written once; one they carry differently (an order created, then changed) goes in successive
 * rounds, so the last one wins as it would one by one. Rows of a merging template are merged into
 * the record stored now, and checked again; the others were parsed by the mapping already.
 */
export async function writeMapped<K>(
  records: Records,
  ctx: WriteContext,
  mapped: readonly MappedFrom<K>[],
): Promise<WrittenMapped<K>> {
  const rounds: Map<RecordTypeName, Entry<K>[]>[] = [];
  const latest = new Map<string, { entry: Entry<K>; round: number }>();
  for (const { from, records: made } of mapped) {
    for (const record of made) {
      const key = `${record.type}\u0000${String(record.row.external_id)}`;
      const previous = latest.get(key);
      const json = previous ? JSON.stringify(record.row) : undefined;
      if (previous && jsonOf(previous.entry) === json) {
        previous.entry.from.push(from);
        continue;
      }
      const round = previous ? previous.round + 1 : 0;
      const entry: Entry<K> = { from: [from], type: record.type, row: record.row, json, merge: record.merge === true };
      latest.set(key, { entry, round });
      rounds[round] ??= new Map();
      const byType = rounds[round] as Map<RecordTypeName, Entry<K>[]>;
      const ofType = byType.get(record.type);
      if (ofType) ofType.push(entry);
      else byType.set(record.type, [entry]);
    }
  }
  const outcome: WrittenMapped<K> = { produced: new Map(), refused: new Map(), written: 0, unchanged: 0 };
  for (const byType of rounds) {
    for (const [type, entries] of byType) {
      for (let at = 0; at < entries.length; at += MAX_BATCH) {
        const chunk = entries.slice(at, at + MAX_BATCH);
        await mergeWithStored(records, ctx.tenantId, type, chunk);
        const result = await records.upsert(
          ctx,
          type,
          chunk.map((entry) => entry.row),
          { mode: "partial", alreadyParsed: chunk.every((entry) => !entry.merge) },
        );
        outcome.written += result.inserted + result.updated;
        outcome.unchanged += result.unchanged;
        for (const rejected of result.rejected) {
          for (const from of chunk[rejected.index ?? -1]?.from ?? []) {
            append(outcome.refused, from, { path: `${type}.${rejected.path ?? ""}`, message: rejected.message });
          }
        }
        for (const row of result.results) {
          const entry = chunk[row.index];
          if (!entry || !row.id) continue;
          for (const from of entry.from) append(outcome.produced, from, { type, id: row.id, external_id: row.external_id ?? "" });
        }
      }
    }
  }
  return outcome;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Rows of a merging template, merged into the records stored now (a round sees the rounds before it). */
async function mergeWithStored(
  records: Records,
  tenantId: string,
  type: RecordTypeName,
  entries: { row: Record<string, unknown>; merge: boolean }[],
): Promise<void> {
  const merging = entries.filter((entry) => entry.merge);
  for (let at = 0; at < merging.length; at += KEYS_LIMIT) {
    const chunk = merging.slice(at, at + KEYS_LIMIT);
    const stored = await records.getManyByExternalId(
      tenantId,
      type,
      chunk.map((entry) => ({ source_system: String(entry.row.source_system), external_id: String(entry.row.external_id) })),
    );
    const byKey = new Map(
      stored.map((record) => [`${record.source_system}\u0000${record.external_id}`, record as Record<string, unknown>]),
    );
    for (const entry of chunk) {
      entry.row = mergeIntoStored(
        type,
        byKey.get(`${String(entry.row.source_system)}\u0000${String(entry.row.external_id)}`),
        entry.row,
      );
    }
  }
}
