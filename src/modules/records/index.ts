export * from "./contract/index.ts";
export { InvalidCursorError, RecordNotFoundError, UnknownRecordTypeError } from "./errors.ts";
export { type ExternalKey, KEYS_LIMIT } from "./read/get-many-by-external-id.ts";
export type { ListByRefOptions } from "./read/list-by-ref.ts";
export type { ListPage } from "./read/list-records.ts";
export { HISTORY_LIMIT, type HistoryOptions } from "./read/record-history.ts";
export { createRecords, type ListQuery, type Records } from "./records.ts";
export { inputOf, type RecordInputRow } from "./upsert/input-of.ts";
export {
  MAX_BATCH,
  type UpsertMode,
  type UpsertOptions,
  type UpsertResult,
  type UpsertRowResult,
  type UpsertStatus,
} from "./upsert/upsert-records.ts";

export const recordsMigrations = { module: "records", directory: new URL("./migrations/", import.meta.url) };
