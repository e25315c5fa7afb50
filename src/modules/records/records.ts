import type { WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import {
  isRecordTypeName,
  RECORD_TYPES,
  type RecordHistoryEntry,
  type RecordOutput,
  type RecordsSummary,
  type RecordType,
  type RecordTypeName,
  recordTypes,
} from "./contract/index.ts";
import { UnknownRecordTypeError } from "./errors.ts";
import { type ExternalKey, getManyByExternalId } from "./read/get-many-by-external-id.ts";
import { getRecord } from "./read/get-record.ts";
import { type ListByRefOptions, listByRef } from "./read/list-by-ref.ts";
import { type ListPage, listRecords } from "./read/list-records.ts";
import { type HistoryOptions, recordHistory } from "./read/record-history.ts";
import { recordsSummary } from "./read/records-summary.ts";
import { type UpsertOptions, type UpsertResult, upsertRecords } from "./upsert/upsert-records.ts";

/** List query parameters as a URL gives them: see the type's `listQuery` schema. */
export type ListQuery = Readonly<Record<string, string | number | undefined>>;

function definitionOf(name: string): RecordType {
  if (!isRecordTypeName(name)) throw new UnknownRecordTypeError(name);
  return recordTypes[name] as unknown as RecordType;
}

/**
 * The canonical records of every tenant. Writes take a WriteContext (tenant, actor, request);
 * reads take the tenant id. Row-level security confines each call to its tenant.
 */
export function createRecords(deps: { db: Database }) {
  const { db } = deps;
  return {
    /** The record types with their schemas (input, output, listQuery) and names (path, prefix). */
    types: RECORD_TYPES,

    /** Validates and writes a batch; see upsert/upsert-records.ts for the guarantees. */
    upsert<T extends RecordTypeName>(
      ctx: WriteContext,
      type: T,
      rows: readonly unknown[],
      options?: UpsertOptions,
    ): Promise<UpsertResult> {
      return upsertRecords(db, ctx, definitionOf(type), rows, options);
    },

    /** A record with all its lines; RecordNotFoundError when the tenant has no such record. */
    async get<T extends RecordTypeName>(tenantId: string, type: T, id: string): Promise<RecordOutput<T>> {
      return (await getRecord(db, tenantId, definitionOf(type), { id })) as RecordOutput<T>;
    },

    async getByExternalId<T extends RecordTypeName>(
      tenantId: string,
      type: T,
      sourceSystem: string,
      externalId: string,
    ): Promise<RecordOutput<T>> {
      return (await getRecord(db, tenantId, definitionOf(type), { sourceSystem, externalId })) as RecordOutput<T>;
    },

    /** The records with these (source_system, external_id) keys, with their lines, in one read; missing ones left out. */
    async getManyByExternalId<T extends RecordTypeName>(
      tenantId: string,
      type: T,
      keys: readonly ExternalKey[],
    ): Promise<RecordOutput<T>[]> {
      return (await getManyByExternalId(db, tenantId, definitionOf(type), keys)) as RecordOutput<T>[];
    },

    /** For each key, the first page of records whose ref `field` names it: one read for every key. */
    async listByRef<T extends RecordTypeName>(
      tenantId: string,
      type: T,
      field: string,
      keys: readonly ExternalKey[],
      options?: ListByRefOptions,
    ): Promise<ListPage<RecordOutput<T>>[]> {
      return (await listByRef(db, tenantId, definitionOf(type), field, keys, options)) as ListPage<RecordOutput<T>>[];
    },

    /** A page of records; pass `next_cursor` back as `cursor` for the next one. */
    async list<T extends RecordTypeName>(tenantId: string, type: T, query: ListQuery = {}): Promise<ListPage<RecordOutput<T>>> {
      return (await listRecords(db, tenantId, definitionOf(type), query)) as ListPage<RecordOutput<T>>;
    },

    /** Every record type with how many records the tenant holds and when one last changed. */
    summary(tenantId: string): Promise<RecordsSummary> {
      return recordsSummary(db, tenantId);
    },

    /** Every version of a record, oldest first, with who changed it and when. */
    history(tenantId: string, type: RecordTypeName, id: string, options?: HistoryOptions): Promise<RecordHistoryEntry[]> {
      return recordHistory(db, tenantId, definitionOf(type), id, options);
    },
  };
}

export type Records = ReturnType<typeof createRecords>;
