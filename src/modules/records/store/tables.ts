import type { FieldKind, Fields, RecordType } from "../contract/index.ts";

/** The PostgreSQL column type each kind of field is stored in. */
export const COLUMN_TYPES: Record<FieldKind, string> = {
  text: "text",
  integer: "integer",
  decimal: "numeric",
  money: "numeric",
  currency: "text",
  date: "date",
  timestamp: "timestamptz",
  boolean: "boolean",
  enum: "text",
  ref: "text",
  json: "jsonb",
};

/** Columns every parent table has besides its fields. */
export const PARENT_COLUMNS = [
  "tenant_id",
  "id",
  "source_system",
  "external_id",
  "attributes",
  "content_hash",
  "version",
  "created_at",
  "updated_at",
] as const;
/** Columns every child table has besides its fields. */
export const CHILD_COLUMNS = ["tenant_id", "parent_id", "position", "attributes"] as const;

export type Column = { name: string; kind: FieldKind };

export function columnsOf(fields: Fields): Column[] {
  return Object.entries(fields).map(([name, field]) => ({ name, kind: field.kind }));
}

export function parentTable(type: Pick<RecordType, "plural">): string {
  return `records.${type.plural}`;
}

export function childTable(type: Pick<RecordType, "name">, collection: string): string {
  return `records.${type.name}_${collection}`;
}

/** `"name"`; names come from the contract, which a test holds to [a-z0-9_]. */
export const quote = (name: string): string => `"${name}"`;

/** A timestamp as ISO 8601 in UTC with milliseconds, as the records' output has it. */
export function isoTimestamp(expression: string): string {
  return `to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
