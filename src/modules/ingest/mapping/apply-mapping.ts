import type { z } from "zod";
import { parseRecordInput, type QuickInput, type RecordTypeName, recordTypes } from "../../records/index.ts";
import type { CompiledCollection, CompiledField, CompiledMapping, CompiledTemplate } from "./compile-mapping.ts";
import { MAPPING_LIMITS } from "./contract/limits.ts";
import { expandPath, formatPath, type ParsedPath, type PathKey, rootScope, type Scope } from "./path.ts";
import { type MappingProblem, preview } from "./problems.ts";
import type { Budget } from "./value-steps.ts";

/** One canonical record made from a payload: a row that passed the records contract's upsert input, normalised. */
/** A record to write; `merge`: into the stored one (see the spec's `merge`), rather than replacing it. */
export type MappedRecord = { type: RecordTypeName; row: Record<string, unknown>; merge?: true };

export type ApplyResult = { records: MappedRecord[]; problems: MappingProblem[] };

export type ApplyOptions = {
  /** The `source_system` every row carries: the source's. Without it, the spec's `source_system`. */
  sourceSystem?: string;
};

class PayloadTooLarge extends Error {}

/** Collects problems up to MAPPING_LIMITS.problems, counting the rest. */
class Problems {
  readonly list: MappingProblem[] = [];
  private dropped = 0;
  add(problem: MappingProblem): void {
    if (this.list.length < MAPPING_LIMITS.problems) this.list.push(problem);
    else this.dropped++;
  }
  get count(): number {
    return this.list.length + this.dropped;
  }
  done(): MappingProblem[] {
    if (this.dropped > 0) this.list.push({ path: "$", message: `and ${this.dropped} more problems` });
    return this.list;
  }
}

function child(parent: Scope, value: unknown, at: PathKey[], position: number): Scope {
  return { value, at, parent, root: parent.root, position };
}

/** Where a path names, for a problem about the path itself (`orders[*]` under `$`). */
function describeEach(scope: Scope, path: ParsedPath): string {
  if (path.anchor !== "current" || scope.at.length === 0) return path.text;
  return `${formatPath(scope.at)}.${path.text}`;
}

type Build = {
  template: CompiledTemplate;
  budget: Budget;
  /**
   * Where each part of the row came from in the payload, by its dotted row path (`lines.2.unit_price`):
   * kept only when the row is built again to place the contract's problems (most rows have none).
   */
  origins: Map<string, PathKey[]> | undefined;
  /** Row paths whose mapping failed: the contract's "is required" for them would say it twice. */
  failed: Set<string>;
  problems: MappingProblem[];
};

function fill(
  target: Record<string, unknown>,
  fields: readonly CompiledField[],
  scope: Scope,
  label: string,
  rowAt: string,
  build: Build,
) {
  for (const field of fields) {
    const outcome = field.value(scope, build.budget);
    if (outcome.state === "value") {
      // An attribute named __proto__ stays a plain key rather than setting the prototype.
      if (field.name === "__proto__") {
        Object.defineProperty(target, field.name, { value: outcome.value, enumerable: true, writable: true, configurable: true });
      } else {
        target[field.name] = outcome.value;
      }
      build.origins?.set(`${rowAt}${field.name}`, outcome.at ?? scope.at);
    } else if (outcome.state === "error") {
      build.failed.add(`${rowAt}${field.name}`);
      build.problems.push({ path: formatPath(outcome.at ?? scope.at), message: `${label}.${field.name}: ${outcome.message}` });
    }
  }
}

function fillCollection(row: Record<string, unknown>, collection: CompiledCollection, scope: Scope, build: Build): void {
  const type = build.template.type;
  const expanded = expandPath(scope, collection.each, collection.max);
  if (expanded.tooMany) {
    build.failed.add(collection.name);
    build.problems.push({
      path: describeEach(scope, collection.each),
      message: `${type}.${collection.name}: more than ${collection.max} elements (the most a ${type} takes)`,
    });
    return;
  }
  const lines: Record<string, unknown>[] = [];
  for (const item of expanded.items) {
    const lineScope = child(scope, item.value, item.at, lines.length);
    if (collection.when && !collection.when(lineScope)) continue;
    const index = lines.length;
    const line: Record<string, unknown> = {};
    const rowAt = `${collection.name}.${index}.`;
    build.origins?.set(`${collection.name}.${index}`, item.at);
    fill(line, collection.fields, lineScope, `${type}.${collection.name}[${index}]`, rowAt, build);
    if (collection.attributes.length > 0) {
      const attributes: Record<string, unknown> = {};
      fill(
        attributes,
        collection.attributes,
        lineScope,
        `${type}.${collection.name}[${index}].attributes`,
        `${rowAt}attributes.`,
        build,
      );
      line.attributes = attributes;
    }
    lines.push(line);
    if (build.budget.left <= 0) throw new PayloadTooLarge();
  }
  if (collection.required && lines.length === 0)
    build.problems.push({
      path: describeEach(scope, collection.each),
      message: `${type}.${collection.name}: needs at least one element, and ${collection.each.text} gives none`,
    });
  row[collection.name] = lines;
}

function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let value = row;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The records contract's verdict on a row, each issue at the payload path the value came from. */
function contractProblems(
  issues: readonly z.core.$ZodIssue[],
  row: Record<string, unknown>,
  scope: Scope,
  build: Build,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const issue of issues) {
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      const keys = path.map((key) => (typeof key === "number" ? key : String(key)));
      const dotted = keys.map(String);
      if (dotted.some((_, length) => build.failed.has(dotted.slice(0, length + 1).join(".")))) continue;
      let origin: PathKey[] | undefined;
      for (let length = dotted.length; length > 0 && !origin; length--)
        origin = build.origins?.get(dotted.slice(0, length).join("."));
      const value = valueAt(row, path);
      const isRequired = issue.code === "invalid_type" && value === undefined;
      const message =
        issue.code === "unrecognized_keys"
          ? "is not a field of this record type"
          : isRequired
            ? "is required"
            : `${issue.message}${value !== undefined && (value === null || typeof value !== "object") ? ` (got ${preview(value)})` : ""}`;
      const label = keys.length > 0 ? `${build.template.type}.${formatPath(keys)}` : build.template.type;
      problems.push({ path: formatPath(origin ?? scope.at), message: `${label}: ${message}` });
    }
  }
  return problems;
}

function buildRow(
  template: CompiledTemplate,
  scope: Scope,
  sourceSystem: string,
  budget: Budget,
  traceOrigins: boolean,
): { row: Record<string, unknown>; build: Build } {
  const build: Build = { template, budget, origins: traceOrigins ? new Map() : undefined, failed: new Set(), problems: [] };
  const row: Record<string, unknown> = { source_system: sourceSystem };
  fill(row, template.fields, scope, template.type, "", build);
  if (template.attributes.length > 0) {
    const attributes: Record<string, unknown> = {};
    fill(attributes, template.attributes, scope, `${template.type}.attributes`, "attributes.", build);
    row.attributes = attributes;
  }
  for (const collection of template.collections) fillCollection(row, collection, scope, build);
  return { row, build };
}

function buildRecord(template: CompiledTemplate, scope: Scope, sourceSystem: string, budget: Budget): ApplyResult {
  const valuesLeft = budget.left;
  const { row, build } = buildRow(template, scope, sourceSystem, budget, false);
  const parsed = parseRecordInput(recordTypes[template.type] as { input: z.ZodType; quickInput: QuickInput }, row);
  if (!parsed.success) {
    // Built again, noting where each value came from, so each problem names its payload path.
    const traced = buildRow(template, scope, sourceSystem, { left: valuesLeft }, true).build;
    return { records: [], problems: [...build.problems, ...contractProblems(parsed.error.issues, row, scope, traced)] };
  }
  if (build.problems.length > 0) return { records: [], problems: build.problems };
  const valid = parsed.data as Record<string, unknown>;
  return {
    records: [template.merge ? { type: template.type, row: valid, merge: true } : { type: template.type, row: valid }],
    problems: [],
  };
}

function run(mapping: CompiledMapping, payload: unknown, sourceSystem: string, problems: Problems): MappedRecord[] {
  const root = rootScope(payload);
  const budget: Budget = { left: MAPPING_LIMITS.values };
  const records: MappedRecord[] = [];
  /** Why each template made nothing, for the problem when the payload makes no record at all. */
  const idle: string[] = [];
  for (const template of mapping.templates) {
    let scopes: Scope[] = [root];
    if (template.each) {
      const room = MAPPING_LIMITS.records - records.length;
      const expanded = expandPath(root, template.each, room);
      if (expanded.tooMany) {
        problems.add({
          path: describeEach(root, template.each),
          message: `${template.at} (${template.type}): more records than one payload may make (${MAPPING_LIMITS.records})`,
        });
        return [];
      }
      scopes = expanded.items.map((item) => child(root, item.value, item.at, 0));
      if (scopes.length === 0) idle.push(`${template.at} (${template.type}): ${template.each.text} is empty or missing`);
    }
    let position = 0;
    for (const scope of scopes) {
      scope.position = position;
      if (template.when && !template.when(scope)) continue;
      position++;
      const built = buildRecord(template, scope, sourceSystem, budget);
      records.push(...built.records);
      for (const problem of built.problems) problems.add(problem);
      if (budget.left <= 0) throw new PayloadTooLarge();
    }
    if (scopes.length > 0 && position === 0) idle.push(`${template.at} (${template.type}) wants ${template.whenText}`);
  }
  if (records.length === 0 && problems.count === 0 && mapping.unmatched === "problem")
    problems.add({ path: "$", message: `no record template matches this payload: ${idle.join("; ")}` });
  return records;
}

/**
 * Applies a compiled mapping to one payload (parsed JSON, a CSV row as an object, an EDI read).
 * `records` holds the rows that passed the records contract; `problems` everything that did not,
 * each at its payload path. A payload with any problem should be quarantined as a whole: a record
 * that is left out would otherwise be lost silently. Never throws, and stops on payloads too
 * large to map (MAPPING_LIMITS).
 */
export function applyMapping(mapping: CompiledMapping, payload: unknown, options: ApplyOptions = {}): ApplyResult {
  const problems = new Problems();
  const sourceSystem = options.sourceSystem ?? mapping.sourceSystem;
  if (sourceSystem === undefined) {
    problems.add({ path: "$", message: "no source_system: the source gives one, or the spec's source_system" });
    return { records: [], problems: problems.done() };
  }
  try {
    const records = run(mapping, payload, sourceSystem, problems);
    return { records, problems: problems.done() };
  } catch (error) {
    const message =
      error instanceof PayloadTooLarge
        ? `the payload is too large to map: it needs more than ${MAPPING_LIMITS.values} values`
        : `the mapping stopped on an unexpected error: ${String(error).slice(0, 200)}`;
    return { records: [], problems: [...problems.done(), { path: "$", message }] };
  }
}
