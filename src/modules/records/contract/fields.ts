import { z } from "zod";
import {
  hasNul,
  isCalendarDate,
  NO_NUL,
  type Normalised,
  normaliseCurrency,
  normaliseDecimal,
  normaliseTimestamp,
} from "./values.ts";

/**
 * The kinds of value a record field holds. Each maps to one PostgreSQL column type (see the
 * records migration) and to one JSON representation:
 * - `decimal` and `money` are exact decimal strings (`"12.5"`); numbers are accepted on input.
 *   A `money` field names the `currency` field that says what its amount is in.
 * - `date` is `YYYY-MM-DD`; `timestamp` is ISO 8601 in UTC with milliseconds.
 * - `ref` is the external id of another record type, from the same source system.
 */
export type FieldKind =
  | "text"
  | "integer"
  | "decimal"
  | "money"
  | "currency"
  | "date"
  | "timestamp"
  | "boolean"
  | "enum"
  | "ref"
  | "json";

export type FieldMeta = {
  kind: FieldKind;
  required: boolean;
  /** Listable by equality (and by range, for dates, timestamps and numbers). */
  filter: boolean;
  sort: boolean;
  /** Matched by the list query's case-insensitive prefix search `q`. */
  search: boolean;
  description: string | undefined;
  maxLength: number | undefined;
  values: readonly string[] | undefined;
  /** For `ref`: the record type the external id names. */
  refType: string | undefined;
  /** For `money`: the field holding its currency, on the same row or, for a line, its parent. */
  currencyField: string | undefined;
  /** For `decimal` and `money`: digits allowed after the point. */
  scale: number | undefined;
};

/** What a field's quick parse gives for a value its schema would not take as it is. */
export const REFUSED: unique symbol = Symbol("refused");

/**
 * A field's input parsed without zod: the value `input` would give, or REFUSED when `input` would
 * refuse it (`input` then says why). Built from the same checks and normalisers, for the rows a
 * bulk write or a mapping parses by the thousand (see fast-input.ts).
 */
export type QuickParse = (value: unknown) => unknown;

/** A field: what it is (for SQL, filters, docs) and how it is parsed and returned. */
export type Field<In extends z.ZodType = z.ZodType, Out extends z.ZodType = z.ZodType> = FieldMeta & {
  input: In;
  output: Out;
  quick: QuickParse;
};

export type Fields = Record<string, Field>;

/** Longest external id (and so reference) a record may have. */
export const EXTERNAL_ID_MAX = 200;

type Options = { required?: boolean; filter?: boolean; sort?: boolean; description?: string };

// Absent and null mean the same on input; reads always return the key, with null.
function orNull<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((value) => value ?? null);
}
type OrNull<S extends z.ZodType> = ReturnType<typeof orNull<S>>;
type InputOf<S extends z.ZodType, O extends Options> = O extends { required: true } ? S : OrNull<S>;
type OutputOf<S extends z.ZodType, O extends Options> = O extends { required: true } ? S : z.ZodNullable<S>;

function build<const O extends Options, I extends z.ZodType, P extends z.ZodType>(
  kind: FieldKind,
  options: O,
  input: I,
  output: P,
  quick: QuickParse,
  meta: Partial<FieldMeta> = {},
): Field<InputOf<I, O>, OutputOf<P, O>> {
  const required = options.required === true;
  const absent = required ? REFUSED : null;
  const describe = <S extends z.ZodType>(schema: S): S => (options.description ? schema.describe(options.description) : schema);
  return {
    kind,
    required,
    filter: options.filter === true,
    sort: options.sort === true,
    search: false,
    description: options.description,
    maxLength: undefined,
    values: undefined,
    refType: undefined,
    currencyField: undefined,
    scale: undefined,
    ...meta,
    input: (required ? describe(input) : orNull(describe(input))) as InputOf<I, O>,
    output: (required ? describe(output) : describe(output).nullable()) as OutputOf<P, O>,
    quick: (value) => (value === undefined || value === null ? absent : quick(value)),
  };
}

/** A normaliser's answer as a quick parse gives it. */
function quickly<T>(result: Normalised<T>): T | typeof REFUSED {
  return result.ok ? result.value : REFUSED;
}

function normalising<V, T>(normalise: (value: V) => Normalised<T>) {
  return (value: V, ctx: z.RefinementCtx): T => {
    const result = normalise(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  };
}

const DEFAULT_TEXT_MAX = 200;

export function text<const O extends Options & { max?: number; search?: boolean; pattern?: RegExp; patternMessage?: string }>(
  options: O,
) {
  const max = options.max ?? DEFAULT_TEXT_MAX;
  const min = options.required ? 1 : 0;
  const pattern = options.pattern;
  let input = z.string().max(max);
  if (options.required) input = input.min(1, "must not be empty");
  if (pattern) input = input.regex(pattern, options.patternMessage);
  const quick = (value: unknown) => {
    if (typeof value !== "string" || value.length > max || value.length < min || hasNul(value)) return REFUSED;
    if (pattern) {
      pattern.lastIndex = 0;
      if (!pattern.test(value)) return REFUSED;
    }
    return value;
  };
  return build(
    "text",
    options,
    input.refine((value) => !hasNul(value), NO_NUL),
    z.string(),
    quick,
    { maxLength: max, search: options.search === true },
  );
}

const INT4 = { min: -2_147_483_648, max: 2_147_483_647 };

export function integer<const O extends Options & { nonNegative?: boolean }>(options: O) {
  const min = options.nonNegative ? 0 : INT4.min;
  const normalise = (value: number | string): Normalised<number> => {
    const number = typeof value === "number" ? value : /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(number)) return { ok: false, message: "must be a whole number" };
    if (number < min || number > INT4.max) return { ok: false, message: `must be between ${min} and ${INT4.max}` };
    return { ok: true, value: number };
  };
  const input = z.union([z.number(), z.string()], { error: "must be a whole number" }).transform(normalising(normalise));
  const quick = (value: unknown) =>
    typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? quickly(normalise(value)) : REFUSED;
  return build("integer", options, input, z.number().int(), quick);
}

function decimalParsers(scale: number, nonNegative: boolean) {
  const normalise = (value: string | number): Normalised<string> => {
    const result = normaliseDecimal(value, scale);
    if (result.ok && nonNegative && result.value.startsWith("-")) return { ok: false, message: "must not be negative" };
    return result;
  };
  return {
    input: z
      .union([z.string(), z.number()], { error: 'must be a decimal number, as a string ("12.50") or a number' })
      .transform(normalising(normalise)),
    quick: (value: unknown) =>
      typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? quickly(normalise(value)) : REFUSED,
  };
}

const DECIMAL_OUTPUT = () => z.string().regex(/^-?\d+(\.\d+)?$/);
const DEFAULT_SCALE = 6;

/** An exact quantity or rate; stored as numeric. */
export function decimal<const O extends Options & { scale?: number; nonNegative?: boolean }>(options: O) {
  const scale = options.scale ?? DEFAULT_SCALE;
  const { input, quick } = decimalParsers(scale, options.nonNegative === true);
  return build("decimal", options, input, DECIMAL_OUTPUT(), quick, { scale });
}

/** An exact amount of money in the currency held by `currency` (a field name). */
export function money<const O extends Options & { currency: string; scale?: number; nonNegative?: boolean }>(options: O) {
  const scale = options.scale ?? DEFAULT_SCALE;
  const { input, quick } = decimalParsers(scale, options.nonNegative === true);
  return build("money", options, input, DECIMAL_OUTPUT(), quick, {
    scale,
    currencyField: options.currency,
  });
}

/** An ISO 4217 code, upper-cased. */
export function currency<const O extends Options>(options: O) {
  const quick = (value: unknown) => (typeof value === "string" ? quickly(normaliseCurrency(value)) : REFUSED);
  return build("currency", options, z.string().transform(normalising(normaliseCurrency)), z.string().length(3), quick);
}

export function date<const O extends Options>(options: O) {
  const input = z.string().refine(isCalendarDate, "must be a calendar date written YYYY-MM-DD").meta({ format: "date" });
  const quick = (value: unknown) => (typeof value === "string" && isCalendarDate(value) ? value : REFUSED);
  return build("date", options, input, z.iso.date(), quick);
}

export function timestamp<const O extends Options>(options: O) {
  const quick = (value: unknown) => (typeof value === "string" ? quickly(normaliseTimestamp(value)) : REFUSED);
  return build("timestamp", options, z.string().transform(normalising(normaliseTimestamp)), z.iso.datetime(), quick);
}

export function boolean<const O extends Options>(options: O) {
  const input = z
    .union([z.boolean(), z.enum(["true", "false"])], { error: "must be true or false" })
    .transform((value) => value === true || value === "true");
  const quick = (value: unknown) =>
    value === true || value === "true" ? true : value === false || value === "false" ? false : REFUSED;
  return build("boolean", options, input, z.boolean(), quick);
}

export function enumeration<const V extends readonly [string, ...string[]], const O extends Options>(values: V, options: O) {
  const allowed: ReadonlySet<unknown> = new Set(values);
  const quick = (value: unknown) => (allowed.has(value) ? value : REFUSED);
  return build("enum", options, z.enum(values), z.enum(values), quick, { values });
}

/** The external id of a record of `type` in the same source system. */
export function ref<const O extends Options>(type: string, options: O) {
  const input = z
    .string()
    .min(1, "must not be empty")
    .max(EXTERNAL_ID_MAX)
    .refine((value) => !hasNul(value), NO_NUL);
  const quick = (value: unknown) =>
    typeof value === "string" && value.length >= 1 && value.length <= EXTERNAL_ID_MAX && !hasNul(value) ? value : REFUSED;
  return build("ref", options, input, z.string(), quick, { refType: type, maxLength: EXTERNAL_ID_MAX });
}

/** Free-form JSON, for structured values the model does not interpret. Always optional. */
export function json<const O extends Options & { required?: false }>(options: O) {
  return build(
    "json",
    options,
    z.unknown().refine((value) => !hasNul(value), NO_NUL),
    z.unknown(),
    (value) => (hasNul(value) ? REFUSED : value),
  );
}
