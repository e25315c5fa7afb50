import type { ExternalKey, ListPage, Records, RecordTypeName } from "../../modules/records/index.ts";
import { type BatchLoader, createBatchLoader } from "./batch-loader.ts";

type Row = Record<string, unknown>;

const keyText = (key: ExternalKey) => JSON.stringify([key.source_system, key.external_id]);

/**
 * One request's loaders, all reading through the records module as the request's tenant: records
 * by (source_system, external_id), what references resolve to; and first pages of the records
 * referencing a key, what reverse relations list. One read per type (and field) per level of the
 * query, however many parents ask.
 */
export function createRecordLoaders(records: Records, tenantId: string) {
  const byKey = new Map<string, BatchLoader<ExternalKey, Row | null>>();
  const byRef = new Map<string, BatchLoader<ExternalKey, ListPage<Row>>>();
  return {
    /** The record of `type` with this key, with all its lines; null when the tenant has none. */
    record(type: RecordTypeName, key: ExternalKey): Promise<Row | null> {
      let loader = byKey.get(type);
      if (!loader) {
        loader = createBatchLoader(async (keys) => {
          const found = new Map((await records.getManyByExternalId(tenantId, type, keys)).map((row) => [keyText(row), row]));
          return keys.map((key) => found.get(keyText(key)) ?? null);
        }, keyText);
        byKey.set(type, loader);
      }
      return loader.load(key);
    },

    /** The first `limit` records of `type` whose ref `field` names `key`, with the given lines. */
    referencing(
      type: RecordTypeName,
      field: string,
      key: ExternalKey,
      options: { limit: number; include: readonly string[] },
    ): Promise<ListPage<Row>> {
      const id = JSON.stringify([type, field, options.limit, [...options.include].sort()]);
      let loader = byRef.get(id);
      if (!loader) {
        loader = createBatchLoader((keys) => records.listByRef(tenantId, type, field, keys, options), keyText);
        byRef.set(id, loader);
      }
      return loader.load(key);
    },
  };
}

export type RecordLoaders = ReturnType<typeof createRecordLoaders>;
