import { ExternalId, type Fields, type RecordTypeName, recordTypes } from "../../records/index.ts";
import { type CompileContext, compilePath, report } from "./compile-context.ts";
import { type CompiledCondition, compileCondition } from "./condition.ts";
import { MAPPING_LIMITS } from "./contract/limits.ts";
import { type CollectionSpec, type FieldsSpec, MappingSpec, type RecordTemplateSpec } from "./contract/mapping-spec.ts";
import { findProtoKey, fitsJson } from "./json-value.ts";
import type { ParsedPath, PathKey } from "./path.ts";
import { closest, type MappingProblem, specPath } from "./problems.ts";
import { type CompiledValue, compileValue, type Target } from "./value.ts";
import { zodProblems } from "./zod-problems.ts";

export type CompiledField = { name: string; value: CompiledValue };

export type CompiledCollection = {
  name: string;
  each: ParsedPath;
  when: CompiledCondition | undefined;
  required: boolean;
  /** The most lines the records contract takes in this collection. */
  max: number;
  fields: CompiledField[];
  attributes: CompiledField[];
};

export type CompiledTemplate = {
  /** `records[0]`, where the template sits in the spec. */
  at: string;
  type: RecordTypeName;
  merge: boolean;
  each: ParsedPath | undefined;
  when: CompiledCondition | undefined;
  /** The template's `when` as written, for the problem when no template matches. */
  whenText: string | undefined;
  fields: CompiledField[];
  attributes: CompiledField[];
  collections: CompiledCollection[];
};

/** A spec checked against the records contract, ready to apply to any number of payloads. */
export type CompiledMapping = {
  readonly spec: MappingSpec;
  readonly sourceSystem: string | undefined;
  readonly unmatched: "problem" | "ignore";
  readonly templates: readonly CompiledTemplate[];
};

export type CompileResult = { ok: true; mapping: CompiledMapping } | { ok: false; problems: MappingProblem[] };

function suggest(name: string, known: readonly string[]): string {
  const close = closest(name, known);
  return close.length > 0 ? ` (did you mean ${close.join(" or ")}?)` : ` (its fields: ${known.join(", ")})`;
}

const ATTRIBUTE_TARGET = { kind: "attribute", schema: undefined, scale: undefined, required: false } as const;

function compileFields(
  spec: FieldsSpec,
  fields: Fields,
  options: { label: string; at: PathKey[]; withExternalId: boolean; collections: readonly string[] },
  ctx: CompileContext,
): CompiledField[] {
  const compiled: CompiledField[] = [];
  const known = [...(options.withExternalId ? ["external_id"] : []), ...Object.keys(fields)];
  for (const [name, value] of Object.entries(spec)) {
    const at = [...options.at, name];
    let target: Target | undefined;
    if (name === "external_id" && options.withExternalId) {
      target = { label: `${options.label}.external_id`, kind: "text", schema: ExternalId, scale: undefined, required: true };
    } else if (Object.hasOwn(fields, name)) {
      const field = fields[name] as Fields[string];
      target = {
        label: `${options.label}.${name}`,
        kind: field.kind,
        schema: field.input,
        scale: field.scale,
        required: field.required,
      };
    } else if (name === "source_system") {
      report(ctx, at, "is not mapped from the payload: it is the source's (or the spec's source_system)");
    } else if (name === "attributes") {
      report(ctx, at, "extra fields are mapped under attributes, beside fields");
    } else if (options.collections.includes(name)) {
      report(ctx, at, `is a line collection of ${options.label}: map it under collections`);
    } else {
      report(ctx, at, `is not a field of ${options.label}${suggest(name, known)}`);
    }
    const compiledValue = target && compileValue(value, target, at, ctx);
    if (compiledValue) compiled.push({ name, value: compiledValue });
  }
  for (const name of known) {
    const required = name === "external_id" || fields[name]?.required === true;
    if (required && !Object.hasOwn(spec, name))
      report(ctx, [...options.at, name], `is required by ${options.label} and not mapped`);
  }
  return compiled;
}

function compileAttributes(spec: FieldsSpec | undefined, label: string, at: PathKey[], ctx: CompileContext): CompiledField[] {
  const compiled: CompiledField[] = [];
  for (const [name, value] of Object.entries(spec ?? {})) {
    const target = { ...ATTRIBUTE_TARGET, label: `${label}.attributes.${name}` };
    const compiledValue = compileValue(value, target, [...at, name], ctx);
    if (compiledValue) compiled.push({ name, value: compiledValue });
  }
  return compiled;
}

function compileCollection(
  template: RecordTemplateSpec,
  name: string,
  spec: CollectionSpec,
  at: PathKey[],
  ctx: CompileContext,
): CompiledCollection | undefined {
  const children = recordTypes[template.type].children as Record<string, { fields: Fields; max: number }>;
  const child = Object.hasOwn(children, name) ? children[name] : undefined;
  if (!child) {
    const names = Object.keys(children);
    report(
      ctx,
      at,
      names.length > 0
        ? `is not a line collection of ${template.type} (its collections: ${names.join(", ")})`
        : `${template.type} has no line collections`,
    );
    return undefined;
  }
  const each = compilePath(spec.each, [...at, "each"], ctx);
  const inner: CompileContext = { problems: ctx.problems, scopeDepth: ctx.scopeDepth + 1 };
  const when = spec.when ? compileCondition(spec.when, [...at, "when"], inner) : undefined;
  const label = `${template.type}.${name}`;
  const fields = compileFields(
    spec.fields,
    child.fields,
    { label, at: [...at, "fields"], withExternalId: false, collections: [] },
    inner,
  );
  const attributes = compileAttributes(spec.attributes, label, [...at, "attributes"], inner);
  if (!each) return undefined;
  return { name, each, when, required: spec.required === true, max: child.max, fields, attributes };
}

function compileTemplate(template: RecordTemplateSpec, index: number, ctx: CompileContext): CompiledTemplate {
  const at: PathKey[] = ["records", index];
  const recordType = recordTypes[template.type];
  const each = template.each !== undefined ? compilePath(template.each, [...at, "each"], ctx) : undefined;
  const inner: CompileContext = { problems: ctx.problems, scopeDepth: template.each !== undefined ? 1 : 0 };
  const when = template.when ? compileCondition(template.when, [...at, "when"], inner) : undefined;
  const collectionNames = Object.keys(recordType.children);
  const fields = compileFields(
    template.fields,
    recordType.fields as Fields,
    { label: template.type, at: [...at, "fields"], withExternalId: true, collections: collectionNames },
    inner,
  );
  const attributes = compileAttributes(template.attributes, template.type, [...at, "attributes"], inner);
  const collections = Object.entries(template.collections ?? {}).map(([name, spec]) =>
    compileCollection(template, name, spec, [...at, "collections", name], inner),
  );
  return {
    at: specPath(at),
    type: template.type,
    merge: template.merge ?? false,
    each,
    when,
    whenText: template.when ? JSON.stringify(template.when).slice(0, 200) : undefined,
    fields,
    attributes,
    collections: collections.filter((collection): collection is CompiledCollection => collection !== undefined),
  };
}

/**
 * Checks a spec (as stored: any JSON) and compiles it. A bad spec gives every problem found, each
 * at its place in the spec (`records[0].fields.status.map.values.paid`) with the reason; a good
 * one gives a mapping to apply. Never throws.
 */
export function compileMapping(spec: unknown): CompileResult {
  try {
    const size = fitsJson(spec, MAPPING_LIMITS.specDepth, MAPPING_LIMITS.specNodes);
    if (!size.ok) return { ok: false, problems: [{ path: "", message: `the mapping ${size.message}` }] };
    const proto = findProtoKey(spec);
    if (proto) return { ok: false, problems: [{ path: specPath(proto), message: "__proto__ is not allowed as a key" }] };
    const parsed = MappingSpec.safeParse(spec);
    if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, spec) };
    const ctx: CompileContext = { problems: [], scopeDepth: 0 };
    const templates = parsed.data.records.map((template, index) => compileTemplate(template, index, ctx));
    if (ctx.problems.length > 0) return { ok: false, problems: ctx.problems };
    return {
      ok: true,
      mapping: {
        spec: parsed.data,
        sourceSystem: parsed.data.source_system,
        unmatched: parsed.data.unmatched ?? "problem",
        templates,
      },
    };
  } catch (error) {
    return { ok: false, problems: [{ path: "", message: `the mapping could not be checked: ${String(error).slice(0, 200)}` }] };
  }
}
