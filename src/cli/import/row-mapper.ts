import { type Converter, compileConverter } from "./field-converter.ts";
import type { FieldOptions, Mapping, MappingProblem } from "./mapping.ts";
import type { SourceRow } from "./source/source-row.ts";
import type { FieldKind, TargetFields, TargetType } from "./target-type.ts";

/** A problem with one row, on one field (`lines.quantity` for a line's field). */
export type RowIssue = { path: string; message: string };

/** One source row as the record's own fields and, when the file holds lines, one line. */
export type MappedRow = {
  record: Record<string, unknown>;
  child: Record<string, unknown> | undefined;
  issues: RowIssue[];
};

export type RowMapper = {
  map(row: SourceRow): MappedRow;
  /** The child collection each row adds a line to (`lines`), when the mapping has one. */
  childCollection: string | undefined;
};

type Plan = { target: string; column: string | undefined; convert: Converter };

const ATTRIBUTES = "attributes";

function listOf(names: readonly string[], limit = 40): string {
  const shown = names.slice(0, limit).map((name) => (name === "" ? '""' : name));
  return `${shown.join(", ")}${names.length > limit ? `, … (${names.length} in all)` : ""}`;
}

function kindOf(fields: TargetFields, children: readonly string[], target: string): FieldKind | undefined {
  if (target.startsWith(`${ATTRIBUTES}.`) || target === ATTRIBUTES || children.includes(target)) return "json";
  return fields[target]?.kind;
}

function set(record: Record<string, unknown>, target: string, value: unknown): void {
  if (value === undefined) return;
  if (target.startsWith(`${ATTRIBUTES}.`)) {
    const attributes = (record.attributes ?? {}) as Record<string, unknown>;
    attributes[target.slice(ATTRIBUTES.length + 1)] = value;
    record.attributes = attributes;
  } else record[target] = value;
}

type Compiled = { ok: true; mapper: RowMapper } | { ok: false; problems: MappingProblem[] };

export type MapperInput = {
  target: TargetType;
  /** The file's columns (for JSON, the keys of its first rows). */
  columns: readonly string[];
  format: "csv" | "jsonl" | "json";
  /** Used for records that do not carry a source system of their own. */
  sourceSystem: string | undefined;
};

/**
 * Checks a mapping against the record type and the file, and compiles it into a row mapper.
 * Every problem found is reported at once, each with its JSON path in the mapping: a target that
 * is not a field, a column the file does not have, a required field nothing maps.
 */
export function compileMapping(mapping: Mapping, input: MapperInput): Compiled {
  const { target, columns } = input;
  const problems: MappingProblem[] = [];
  const childNames = Object.keys(target.children);
  const columnWord = input.format === "csv" ? "column" : "key";
  const fileColumns = `${input.format === "csv" ? "the file's columns" : `keys in its first records`}: ${listOf(columns)}`;
  const used = new Set<string>();

  function plansFor(fields: Record<string, FieldOptions>, known: TargetFields, at: string, allowCollections: boolean): Plan[] {
    return Object.entries(fields).map(([name, spec]) => {
      const path = `${at}.${name}`;
      const isAttribute = name === ATTRIBUTES || name.startsWith(`${ATTRIBUTES}.`);
      const isCollection = allowCollections && childNames.includes(name);
      if (!known[name] && !isAttribute && !isCollection) {
        problems.push({
          path,
          message: `is not a field of ${at === "fields" ? target.path : at.replace(/^children\./, "")} (fields: ${listOf(Object.keys(known))})`,
        });
      }
      if (spec.column !== undefined) {
        used.add(spec.column);
        const count = columns.filter((column) => column === spec.column).length;
        if (count === 0)
          problems.push({ path, message: `the file has no ${columnWord} ${JSON.stringify(spec.column)} (${fileColumns})` });
        if (count > 1)
          problems.push({
            path,
            message: `${JSON.stringify(spec.column)} names ${count} columns of the file; rename them apart`,
          });
      }
      const context = {
        kind: kindOf(known, allowCollections ? childNames : [], name),
        trim: mapping.trim,
        decimalComma: mapping.decimal_comma,
        dateFormat: mapping.date_format,
      };
      return { target: name, column: spec.column, convert: compileConverter(spec, context) };
    });
  }

  const parentPlans = plansFor(mapping.fields, target.fields, "fields", true);
  const childEntries = Object.entries(mapping.children ?? {});
  if (childEntries.length > 1) {
    problems.push({
      path: "children",
      message: `maps ${childEntries.map(([name]) => name).join(" and ")}: map one child collection per file, as each row becomes one of its entries`,
    });
  }
  const [childName, childFields] = childEntries[0] ?? [];
  let childPlans: Plan[] = [];
  if (childName !== undefined && childFields !== undefined) {
    const known = target.children[childName];
    if (!known) {
      problems.push({
        path: `children.${childName}`,
        message: `${target.path} has no child collection ${JSON.stringify(childName)}${childNames.length ? ` (it has: ${listOf(childNames)})` : " (it has none)"}`,
      });
    } else {
      if (mapping.fields[childName])
        problems.push({
          path: `fields.${childName}`,
          message: `maps ${childName} as a whole while children.${childName} maps it row by row; keep one`,
        });
      childPlans = plansFor(childFields, known, `children.${childName}`, false);
      const missing = Object.entries(known)
        .filter(([name, field]) => field.required && !childFields[name])
        .map(([name]) => name);
      if (missing.length > 0)
        problems.push({
          path: `children.${childName}`,
          message: `required field${missing.length > 1 ? "s" : ""} not mapped: ${missing.join(", ")}`,
        });
    }
  }
  const missing = Object.entries(target.fields)
    .filter(([name, field]) => field.required && !mapping.fields[name] && !(name === "source_system" && input.sourceSystem))
    .map(([name]) => (name === "source_system" ? "source_system (or pass --source-system)" : name));
  if (missing.length > 0)
    problems.push({
      path: "fields",
      message: `required field${missing.length > 1 ? "s" : ""} not mapped: ${missing.join(", ")}`,
    });
  if (problems.length > 0) return { ok: false, problems };

  const extraColumns =
    mapping.unmapped_columns === "attributes" ? columns.filter((column) => column !== "" && !used.has(column)) : [];
  return {
    ok: true,
    mapper: {
      childCollection: childName,
      map(row) {
        const issues: RowIssue[] = [];
        // Returns how many values came from the row's cells (not constants).
        const apply = (plans: Plan[], into: Record<string, unknown>, prefix: string): number => {
          let fromCells = 0;
          for (const plan of plans) {
            const cell = plan.column === undefined ? undefined : row.values[plan.column];
            const result = plan.convert(cell);
            if (result.ok) set(into, plan.target, result.value);
            else issues.push({ path: `${prefix}${plan.target}`, message: result.message });
            if (cell !== undefined && cell !== null && String(cell).trim() !== "") fromCells += 1;
          }
          return fromCells;
        };
        const record: Record<string, unknown> = {};
        apply(parentPlans, record, "");
        for (const column of extraColumns) {
          const value = row.values[column];
          const cell = typeof value === "string" && mapping.trim ? value.trim() : value;
          if (cell !== undefined && cell !== null && cell !== "") set(record, `${ATTRIBUTES}.${column}`, cell);
        }
        if (record.source_system === undefined && input.sourceSystem !== undefined) record.source_system = input.sourceSystem;
        let child: Record<string, unknown> | undefined;
        if (childName !== undefined) {
          child = {};
          // A row whose line cells are all empty adds no line (an order without lines).
          if (apply(childPlans, child, `${childName}.`) === 0) child = undefined;
        }
        if (row.problem) issues.unshift({ path: "", message: row.problem });
        return { record, child, issues };
      },
    },
  };
}

/**
 * Without a mapping, a CSV's columns map to the fields they are named after (ignoring case);
 * `lines.quantity` names a field of the `lines` collection, `attributes.color` an attribute.
 * Other columns are left out, and said so.
 */
export function mappingFromColumns(target: TargetType, columns: readonly string[]): { mapping: Mapping; ignored: string[] } {
  const byName = new Map<string, string>();
  for (const name of Object.keys(target.fields)) byName.set(name.toLowerCase(), name);
  const fields: Record<string, FieldOptions> = {};
  const children: Record<string, Record<string, FieldOptions>> = {};
  const ignored: string[] = [];
  for (const column of columns) {
    const name = column.trim();
    const [head = "", ...rest] = name.split(".");
    const tail = rest.join(".");
    const field = byName.get(name.toLowerCase());
    const collection = Object.keys(target.children).find((candidate) => candidate === head.toLowerCase());
    const childField = collection
      ? Object.keys(target.children[collection] ?? {}).find((candidate) => candidate === tail.toLowerCase())
      : undefined;
    if (field && !fields[field]) fields[field] = { column };
    else if (collection && childField && !children[collection]?.[childField])
      children[collection] = { ...children[collection], [childField]: { column } };
    else if (head.toLowerCase() === ATTRIBUTES && tail) fields[`${ATTRIBUTES}.${tail}`] = { column };
    else if (name) ignored.push(column);
  }
  const mapping: Mapping = {
    trim: true,
    decimal_comma: false,
    unmapped_columns: "ignore",
    fields,
    ...(Object.keys(children).length ? { children } : {}),
  };
  return { mapping, ignored };
}

/** JSON records without a mapping go as they are, with the default source system filled in. */
export function passThroughMapper(sourceSystem: string | undefined): RowMapper {
  return {
    childCollection: undefined,
    map(row) {
      const record = { ...row.values };
      if (record.source_system === undefined && sourceSystem !== undefined) record.source_system = sourceSystem;
      return { record, child: undefined, issues: row.problem ? [{ path: "", message: row.problem }] : [] };
    },
  };
}
