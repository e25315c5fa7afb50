import { RECORD_TYPES, type RecordType } from "../contract.ts";

/** The record type whose URL segment is `path` ("sales-orders"). */
export const typeByPath = (path: string): RecordType | undefined =>
  RECORD_TYPES.find((type) => type.path === path) as RecordType | undefined;
