import type { FieldKind } from "../../records/index.ts";
import { type CompileContext, report } from "./compile-context.ts";
import { MAPPING_LIMITS } from "./contract/limits.ts";
import type { JsonValue, ValueObjectSpec } from "./contract/mapping-spec.ts";
import { type DatetimeFormat, formatMoment, parseDatetimeFormat, parseZone, type Zone } from "./datetime.ts";
import { type Decimal, divide, formatDecimal, multiply, parseDecimal, round } from "./decimal.ts";
import { isMissing, scalarText, toJsonValue } from "./json-value.ts";
import { describeValue, type Parsed, type PathKey } from "./path.ts";
import { preview } from "./problems.ts";
import { unitConversion } from "./units.ts";

/** What a value is written into: a record or line field (its kind from the records contract), or an attribute. */
export type TargetKind = FieldKind | "attribute";

/** The state of a value as it goes through its steps. `at` is where in the payload it came from. */
export type Outcome =
  | { state: "value"; value: unknown; at: PathKey[] | undefined }
  | { state: "missing"; at: PathKey[] | undefined; reason: string }
  | { state: "error"; at: PathKey[] | undefined; message: string };

/** How many more values (fields, and nodes of copied objects) one payload may produce. */
export type Budget = { left: number };

export type Step = (value: unknown, at: PathKey[] | undefined) => Outcome;

export const found = (value: unknown, at: PathKey[] | undefined): Outcome => ({ state: "value", value, at });
export const missing = (at: PathKey[] | undefined, reason: string): Outcome => ({ state: "missing", at, reason });
export const failed = (at: PathKey[] | undefined, message: string): Outcome => ({ state: "error", at, message });

function textStep(spec: ValueObjectSpec): Step | undefined {
  const { trim, case: letterCase } = spec;
  if (!trim && !letterCase) return undefined;
  return (value, at) => {
    if (typeof value !== "string") return found(value, at);
    let text = trim ? value.trim() : value;
    if (letterCase === "upper") text = text.toUpperCase();
    if (letterCase === "lower") text = text.toLowerCase();
    return isMissing(text) ? missing(at, "is empty") : found(text, at);
  };
}

function mapStep(spec: ValueObjectSpec, at: readonly PathKey[], ctx: CompileContext): Step | undefined {
  const map = spec.map;
  if (!map) return undefined;
  const ignoreCase = map.ignore_case === true;
  const keyOf = (text: string) => (ignoreCase ? text.trim().toLowerCase() : text);
  const table = new Map<string, JsonValue>();
  for (const [key, value] of Object.entries(map.values)) {
    if (table.has(keyOf(key))) report(ctx, [...at, "map", "values", key], "repeats another key when case is ignored");
    table.set(keyOf(key), value);
  }
  const hasFallback = Object.hasOwn(map, "fallback");
  const known = [...Object.keys(map.values).slice(0, 12), ...(table.size > 12 ? ["…"] : [])].join(", ");
  return (value, from) => {
    const text = scalarText(value);
    if (!text.ok) return failed(from, `${text.message}, so it cannot be looked up in the map`);
    const key = keyOf(text.value);
    const mapped = table.has(key) ? table.get(key) : hasFallback ? map.fallback : undefined;
    if (mapped === undefined)
      return failed(from, `${preview(text.value)} is not in the map (${known || "it is empty"}) and it has no fallback`);
    return mapped === null ? missing(from, `${preview(text.value)} maps to null`) : found(mapped, from);
  };
}

function datetimeStep(spec: ValueObjectSpec, kind: TargetKind, at: readonly PathKey[], ctx: CompileContext): Step | undefined {
  if (!spec.datetime) return undefined;
  const format = parseDatetimeFormat(spec.datetime.format);
  if (!format.ok) report(ctx, [...at, "datetime", "format"], format.message);
  let zone: Parsed<Zone> | undefined;
  if (spec.datetime.timezone !== undefined) {
    zone = parseZone(spec.datetime.timezone);
    if (!zone.ok) report(ctx, [...at, "datetime", "timezone"], zone.message);
  }
  if (!["date", "timestamp", "text", "attribute", "json"].includes(kind))
    report(ctx, [...at, "datetime"], `gives a date or a time, and the field is ${kind}`);
  if (!format.ok || (zone && !zone.ok)) return undefined;
  const reader: DatetimeFormat = format.value;
  const inZone = zone?.ok ? zone.value : undefined;
  return (value, from) => {
    const moment = reader.read(value);
    if (!moment.ok) return failed(from, `${preview(value)} ${moment.message}`);
    const as =
      kind === "date" ? "date" : kind === "timestamp" ? "timestamp" : moment.value.kind === "date" ? "date" : "timestamp";
    const text = formatMoment(moment.value, as, inZone);
    return text.ok ? found(text.value, from) : failed(from, `${preview(value)} ${text.message}`);
  };
}

/** Digits a converted number is rounded to for its field: the field's scale, none for an integer. */
function scaleOf(kind: TargetKind, scale: number | undefined): number | undefined {
  if (kind === "integer") return 0;
  return kind === "decimal" || kind === "money" ? scale : undefined;
}

function numberStep(
  spec: ValueObjectSpec,
  target: { kind: TargetKind; scale: number | undefined },
  at: readonly PathKey[],
  ctx: CompileContext,
): Step | undefined {
  const converts = spec.multiply !== undefined || spec.divide !== undefined || spec.unit !== undefined;
  if (!converts && spec.round === undefined) return undefined;
  if (!["integer", "decimal", "money", "text", "attribute", "json"].includes(target.kind))
    report(ctx, at, `converts a number, and the field is ${target.kind}`);
  const factor = (key: "multiply" | "divide"): Decimal | undefined | null => {
    const raw = spec[key];
    if (raw === undefined) return undefined;
    const parsed = parseDecimal(raw);
    if (!parsed.ok) {
      report(ctx, [...at, key], parsed.message);
      return null;
    }
    if (key === "divide" && parsed.value.units === 0n) {
      report(ctx, [...at, key], "must not be zero");
      return null;
    }
    return parsed.value;
  };
  const multiplier = factor("multiply");
  const divisor = factor("divide");
  const unit = spec.unit ? unitConversion(spec.unit.from, spec.unit.to) : undefined;
  if (unit && !unit.ok) report(ctx, [...at, "unit"], unit.message);
  if (multiplier === null || divisor === null || (unit && !unit.ok)) return undefined;
  const digits = spec.round;
  const fieldScale = converts ? scaleOf(target.kind, target.scale) : undefined;
  return (value, from) => {
    const parsed = parseDecimal(typeof value === "bigint" ? String(value) : value);
    if (!parsed.ok) return failed(from, `${preview(value)} ${parsed.message}`);
    let number = parsed.value;
    if (multiplier) number = multiply(number, multiplier);
    if (divisor) {
      const divided = divide(number, divisor);
      if (!divided.ok) return failed(from, divided.message);
      number = divided.value;
    }
    if (unit?.ok) {
      const divided = divide(multiply(number, unit.value.multiplyBy), unit.value.divideBy);
      if (!divided.ok) return failed(from, divided.message);
      number = divided.value;
    }
    if (digits !== undefined) number = round(number, digits);
    if (fieldScale !== undefined) number = round(number, fieldScale);
    return found(formatDecimal(number), from);
  };
}

/** The transformations of a value, in their fixed order: trim and case, map, datetime, numbers. */
export function compileSteps(
  spec: ValueObjectSpec,
  target: { kind: TargetKind; scale: number | undefined },
  at: readonly PathKey[],
  ctx: CompileContext,
): Step[] {
  return [
    textStep(spec),
    mapStep(spec, at, ctx),
    datetimeStep(spec, target.kind, at, ctx),
    numberStep(spec, target, at, ctx),
  ].filter((step): step is Step => step !== undefined);
}

const TRUE = new Set(["true", "yes", "y", "1", "t"]);
const FALSE = new Set(["false", "no", "n", "0", "f"]);

/**
 * A value in the JSON shape its field takes: text fields take numbers as their text (an id sent
 * as 450789469), booleans take yes/no and 1/0, attributes take a bounded copy of any JSON.
 */
export function coerce(value: unknown, kind: TargetKind, budget?: Budget): Parsed<unknown> {
  switch (kind) {
    case "text":
    case "ref":
    case "enum":
    case "currency":
    case "date":
    case "timestamp":
      return scalarText(value);
    case "integer":
    case "decimal":
    case "money":
      if (typeof value === "string" || typeof value === "number") return { ok: true, value };
      if (typeof value === "bigint") return { ok: true, value: String(value) };
      return { ok: false, message: `is ${describeValue(value)}, not a number` };
    case "boolean": {
      if (typeof value === "boolean") return { ok: true, value };
      const text = typeof value === "string" || typeof value === "number" ? String(value).trim().toLowerCase() : undefined;
      if (text !== undefined && TRUE.has(text)) return { ok: true, value: true };
      if (text !== undefined && FALSE.has(text)) return { ok: true, value: false };
      return { ok: false, message: `${preview(value)} is not true or false` };
    }
    case "json":
    case "attribute": {
      const allowed = Math.min(MAPPING_LIMITS.copyNodes, budget ? Math.max(budget.left, 1) : MAPPING_LIMITS.copyNodes);
      const copied = toJsonValue(value, MAPPING_LIMITS.copyDepth, allowed);
      if (!copied.ok) return copied;
      if (budget) budget.left -= copied.nodes;
      return { ok: true, value: copied.value };
    }
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected field kind ${String(value)}`);
}
