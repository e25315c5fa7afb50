import type { z } from "zod";
import { type CompileContext, compileSinglePath, report } from "./compile-context.ts";
import { compileCondition } from "./condition.ts";
import { MAPPING_LIMITS } from "./contract/limits.ts";
import { type JsonValue, VALUE_SOURCES, type ValueObjectSpec, type ValueSpec } from "./contract/mapping-spec.ts";
import { isMissing, scalarText } from "./json-value.ts";
import { formatPath, type Parsed, type ParsedPath, type PathKey, parsePath, readPath, type Scope } from "./path.ts";
import { preview } from "./problems.ts";
import {
  type Budget,
  coerce,
  compileSteps,
  failed,
  found,
  missing,
  type Outcome,
  type Step,
  type TargetKind,
} from "./value-steps.ts";

/** The field a value is written to: its kind and, to check literals in the spec, its input schema. */
export type Target = {
  /** `sales_order.lines.unit_price`, for messages. */
  label: string;
  kind: TargetKind;
  schema: z.ZodType | undefined;
  scale: number | undefined;
  /** Required by the records contract: a missing value is a problem naming the payload path. */
  required: boolean;
};

export type CompiledValue = (scope: Scope, budget: Budget) => Outcome;

type Source = (scope: Scope, budget: Budget) => Outcome;

/** `"SO-{name}"`: text with `{path}` placeholders; `{{` and `}}` write a brace. */
function parseTemplate(text: string): Parsed<(string | ParsedPath)[]> {
  const parts: (string | ParsedPath)[] = [];
  let literal = "";
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if ((char === "{" || char === "}") && text[at + 1] === char) {
      literal += char;
      at++;
    } else if (char === "{") {
      const end = text.indexOf("}", at);
      if (end < 0) return { ok: false, message: `the { at position ${at + 1} is not closed` };
      const path = parsePath(text.slice(at + 1, end).trim());
      if (!path.ok) return { ok: false, message: `{${text.slice(at + 1, end)}}: ${path.message}` };
      if (path.value.hasEach)
        return { ok: false, message: `{${text.slice(at + 1, end)}}: a placeholder names one value, not [*]` };
      if (literal) parts.push(literal);
      literal = "";
      parts.push(path.value);
      at = end;
    } else if (char === "}") {
      return { ok: false, message: `the } at position ${at + 1} closes nothing (write }} for a brace)` };
    } else {
      literal += char;
    }
  }
  if (literal) parts.push(literal);
  if (parts.filter((part) => typeof part !== "string").length > MAPPING_LIMITS.templatePlaceholders)
    return { ok: false, message: `must have at most ${MAPPING_LIMITS.templatePlaceholders} placeholders` };
  return { ok: true, value: parts };
}

function readOne(scope: Scope, path: ParsedPath): Outcome {
  const read = readPath(scope, path);
  if (!read.found) return missing(read.at, read.reason);
  if (isMissing(read.value)) return missing(read.at, `${formatPath(read.at)} is ${read.value == null ? "null" : "empty"}`);
  return found(read.value, read.at);
}

function compileSource(
  spec: ValueObjectSpec,
  target: Target,
  at: readonly PathKey[],
  ctx: CompileContext,
  nesting: number,
): Source | undefined {
  if (spec.path !== undefined) {
    const path = compileSinglePath(spec.path, [...at, "path"], ctx);
    return path && ((scope) => readOne(scope, path));
  }
  if (Object.hasOwn(spec, "const")) {
    const value = spec.const as JsonValue;
    return () => (isMissing(value) ? missing(undefined, "the const is empty") : found(value, undefined));
  }
  if (spec.template !== undefined) {
    const parsed = parseTemplate(spec.template);
    if (!parsed.ok) {
      report(ctx, [...at, "template"], parsed.message);
      return undefined;
    }
    const parts = parsed.value;
    if (parts.some((part) => typeof part !== "string" && part.anchor === "parent" && ctx.scopeDepth === 0)) {
      report(ctx, [...at, "template"], "^ names the enclosing element, and there is none here");
      return undefined;
    }
    return (scope) => {
      let text = "";
      let from: PathKey[] | undefined;
      for (const part of parts) {
        if (typeof part === "string") {
          text += part;
          continue;
        }
        const read = readOne(scope, part);
        if (read.state !== "value") return read;
        const piece = scalarText(read.value);
        if (!piece.ok) return failed(read.at, `${formatPath(read.at ?? [])} ${piece.message}`);
        from ??= read.at;
        text += piece.value;
      }
      return found(text, from);
    };
  }
  if (spec.join !== undefined) {
    const textTarget: Target = { ...target, label: target.label, kind: "text", schema: undefined };
    const parts = spec.join.map((part, index) => compileValue(part, textTarget, [...at, "join", index], ctx, nesting + 1, true));
    if (parts.some((part) => part === undefined)) return undefined;
    const separator = spec.separator ?? "";
    return (scope, budget) => {
      const texts: string[] = [];
      let from: PathKey[] | undefined;
      let firstReason: Outcome | undefined;
      for (const part of parts as CompiledValue[]) {
        const outcome = part(scope, budget);
        if (outcome.state === "error") return outcome;
        if (outcome.state === "missing") {
          firstReason ??= outcome;
          continue;
        }
        const text = scalarText(outcome.value);
        if (!text.ok) return failed(outcome.at, `${formatPath(outcome.at ?? [])} ${text.message}`);
        from ??= outcome.at;
        texts.push(text.value);
      }
      if (texts.length === 0) return firstReason ?? missing(undefined, "every part of the join is missing");
      return found(texts.join(separator), from);
    };
  }
  if (spec.first !== undefined) {
    const options = spec.first.map((option, index) =>
      compileValue(option, target, [...at, "first", index], ctx, nesting + 1, true),
    );
    if (options.some((option) => option === undefined)) return undefined;
    return (scope, budget) => {
      const reasons: string[] = [];
      let firstAt: PathKey[] | undefined;
      for (const option of options as CompiledValue[]) {
        const outcome = option(scope, budget);
        if (outcome.state !== "missing") return outcome;
        firstAt ??= outcome.at;
        reasons.push(outcome.reason);
      }
      return missing(firstAt, reasons.length === 1 ? (reasons[0] as string) : `none is present (${reasons.join("; ")})`);
    };
  }
  if (spec.position !== undefined) {
    if (!["integer", "decimal", "text", "attribute", "json"].includes(target.kind))
      report(ctx, [...at, "position"], `gives a number, and the field is ${target.kind}`);
    const start = spec.position;
    return (scope) => found(start + scope.position, scope.at);
  }
  return undefined;
}

/** A problem about a value, quoting it when it is a single value. */
export function quoted(value: unknown, message: string): string {
  return value !== null && typeof value === "object" ? message : `${preview(value)} ${message}`;
}

/** Checks a value written in the spec (a const, a default, a map value) against the field it is for. */
function checkLiteral(value: JsonValue, target: Target, at: readonly PathKey[], ctx: CompileContext): JsonValue {
  if (value === null) return value;
  const coerced = coerce(value, target.kind);
  if (!coerced.ok) {
    report(ctx, at, `${quoted(value, coerced.message)}, and ${target.label} needs a single value`);
    return value;
  }
  const parsed = target.schema?.safeParse(coerced.value);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    report(ctx, at, `${preview(value)} is not a valid ${target.label}: ${issue?.message ?? "invalid"}`);
  }
  return coerced.value as JsonValue;
}

/**
 * Compiles one value of the spec. A string is a path; an object has one source (path, const,
 * template, join, first, position), an optional `when`, its steps (trim, case, map, datetime,
 * multiply, divide, unit, round), then `default` and `required`. `nested` values (inside `first`
 * or `join`) leave the field's shape and its required check to the value around them.
 */
export function compileValue(
  raw: ValueSpec,
  target: Target,
  at: readonly PathKey[],
  ctx: CompileContext,
  nesting = 0,
  nested = false,
): CompiledValue | undefined {
  if (nesting > MAPPING_LIMITS.nesting) {
    report(ctx, at, `values may be nested at most ${MAPPING_LIMITS.nesting} deep`);
    return undefined;
  }
  if (typeof raw === "string") {
    const path = compileSinglePath(raw, at, ctx);
    if (!path) return undefined;
    return finish({}, target, at, ctx, nested, (scope) => readOne(scope, path), []);
  }
  if (VALUE_SOURCES.filter((key) => Object.hasOwn(raw, key)).length !== 1) return undefined;
  const when = raw.when ? compileCondition(raw.when, [...at, "when"], ctx) : undefined;
  const source = compileSource(raw, target, at, ctx, nesting);
  const steps = compileSteps(raw, target, at, ctx);
  if (!source || (raw.when && !when)) return undefined;
  const guarded: Source = when
    ? (scope, budget) => (when(scope) ? source(scope, budget) : missing(scope.at, "its when is false"))
    : source;
  if (!nested && target.schema) {
    const reshapes =
      raw.datetime !== undefined || raw.multiply !== undefined || raw.divide !== undefined || raw.unit !== undefined;
    if (Object.hasOwn(raw, "const") && steps.length === 0) checkLiteral(raw.const as JsonValue, target, [...at, "const"], ctx);
    if (raw.map && !reshapes) {
      for (const [key, value] of Object.entries(raw.map.values)) checkLiteral(value, target, [...at, "map", "values", key], ctx);
      if (Object.hasOwn(raw.map, "fallback"))
        checkLiteral(raw.map.fallback as JsonValue, target, [...at, "map", "fallback"], ctx);
    }
  }
  return finish(raw, target, at, ctx, nested, guarded, steps);
}

function finish(
  spec: ValueObjectSpec,
  target: Target,
  at: readonly PathKey[],
  ctx: CompileContext,
  nested: boolean,
  source: Source,
  steps: Step[],
): CompiledValue {
  const hasDefault = Object.hasOwn(spec, "default");
  const fallback =
    hasDefault && !nested ? checkLiteral(spec.default as JsonValue, target, [...at, "default"], ctx) : spec.default;
  const required = spec.required === true || (!nested && target.required);
  const kind = target.kind;
  return (scope, budget) => {
    budget.left--;
    let outcome = source(scope, budget);
    for (const step of steps) {
      if (outcome.state !== "value") break;
      outcome = step(outcome.value, outcome.at);
    }
    if (outcome.state === "value" && !nested) {
      const shaped = coerce(outcome.value, kind, budget);
      outcome = shaped.ok ? found(shaped.value, outcome.at) : failed(outcome.at, quoted(outcome.value, shaped.message));
    }
    if (outcome.state !== "missing") return outcome;
    if (hasDefault && fallback !== null && fallback !== undefined) return found(fallback, outcome.at);
    if (required) return failed(outcome.at, `is required, but ${outcome.reason}`);
    return outcome;
  };
}
