import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import type { RecordType } from "../contract/index.ts";
import { fromParent, recordJson } from "../store/read-rows.ts";

/** A record's key in its source system; a `ref` field with its record's source_system makes one. */
export type ExternalKey = { source_system: string; external_id: string };

/** Most keys one batched read takes. */
export const KEYS_LIMIT = 1000;

/** The keys without repeats, as the JSON parameter the batched reads unpack with jsonb_to_recordset. */
export function keysParameter(keys: readonly ExternalKey[]): { unique: ExternalKey[]; json: string } {
  if (keys.length > KEYS_LIMIT) {
    throw new AppError("validation_failed", `At most ${KEYS_LIMIT} keys can be read at once, not ${keys.length}`);
  }
  const seen = new Map<string, ExternalKey>();
  for (const key of keys) seen.set(JSON.stringify([key.source_system, key.external_id]), key);
  const unique = [...seen.values()];
  return { unique, json: JSON.stringify(unique.map((key, i) => ({ i, s: key.source_system, e: key.external_id }))) };
}

/**
 * The records of one type with these keys, with all their lines, in one statement: what a batch of
 * references resolves to. Keys the tenant has no record for are left out; order is not kept.
 */
export async function getManyByExternalId(
  db: Database,
  tenantId: string,
  type: RecordType,
  keys: readonly ExternalKey[],
): Promise<Record<string, unknown>[]> {
  const { unique, json } = keysParameter(keys);
  if (unique.length === 0) return [];
  const found = await readAsTenant<{ record: string }>(
    db,
    tenantId,
    sql`select ${recordJson(type, Object.keys(type.children))} as record
          from ${fromParent(type)}
          join jsonb_to_recordset(${json}::jsonb) as k(i integer, s text, e text)
            on t.source_system = k.s and t.external_id = k.e
         where t.tenant_id = ${tenantId}`,
    { name: `records.get_many.${type.name}` },
  );
  return found.map((row) => JSON.parse(row.record) as Record<string, unknown>);
}
