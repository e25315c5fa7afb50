import { RECORD_TYPES, type RecordType } from "../../modules/records/index.ts";

/**
 * What an import needs to know about a record type: its URL path, its fields with their kinds
 * (to parse numbers and dates without being told) and which are required, and its child
 * collections. Read from the records contract, the same declarations the API validates with.
 */
export type FieldKind = "text" | "number" | "date" | "timestamp" | "boolean" | "json";

export type TargetField = { kind: FieldKind; required: boolean };

export type TargetFields = Record<string, TargetField>;

export type TargetType = {
  /** The URL segment, e.g. `items`, `sales-orders`. */
  path: string;
  name: string;
  fields: TargetFields;
  children: Record<string, TargetFields>;
};

function kindOf(kind: string): FieldKind {
  switch (kind) {
    case "integer":
    case "decimal":
    case "money":
      return "number";
    case "date":
    case "timestamp":
    case "boolean":
    case "json":
      return kind;
    default:
      return "text";
  }
}

function fieldsOf(fields: Record<string, { kind: string; required: boolean }>): TargetFields {
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, { kind: kindOf(field.kind), required: field.required }]),
  );
}

type Declared = Pick<RecordType, "path" | "name" | "plural" | "fields" | "children">;

function targetOf(type: Declared): TargetType {
  return {
    path: type.path,
    name: type.name,
    fields: {
      source_system: { kind: "text", required: true },
      external_id: { kind: "text", required: true },
      ...fieldsOf(type.fields),
    },
    children: Object.fromEntries(Object.entries(type.children).map(([name, collection]) => [name, fieldsOf(collection.fields)])),
  };
}

/** The record types an import can load, by path. */
export function importableTypes(): string[] {
  return RECORD_TYPES.map((type) => type.path);
}

/** The record type at `path` (`items`), also found by its name (`item`) or plural (`sales_orders`). */
export function findTargetType(path: string): TargetType | undefined {
  const wanted = path.trim().toLowerCase();
  const type = (RECORD_TYPES as unknown as readonly Declared[]).find((candidate) =>
    [candidate.path, candidate.name, candidate.plural].includes(wanted),
  );
  return type ? targetOf(type) : undefined;
}
