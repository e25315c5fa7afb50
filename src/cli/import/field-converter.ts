import type { FieldOptions } from "./mapping.ts";
import { compileDateFormat, type DateFormat } from "./parse-date.ts";
import { type Parsed, parseNumber, scaleNumber } from "./parse-number.ts";
import type { FieldKind } from "./target-type.ts";

/** A converted value; `undefined` leaves the field out of the record (the API reads it as null). */
export type Converted = Parsed<unknown>;

export type Converter = (raw: unknown) => Converted;

/** What a field's options fall back to: the mapping's defaults and the target field's kind. */
export type ConverterContext = {
  kind: FieldKind | undefined;
  trim: boolean;
  decimalComma: boolean;
  dateFormat: string | undefined;
};

const ok = (value: unknown): Converted => ({ ok: true, value });
const LEFT_OUT = ok(undefined);

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}

function valueMap(spec: FieldOptions): ((key: string) => { found: boolean; value: unknown }) | undefined {
  if (!spec.values) return undefined;
  const entries = new Map(Object.entries(spec.values).map(([key, value]) => [spec.ignore_case ? key.toLowerCase() : key, value]));
  return (key) => {
    const wanted = spec.ignore_case ? key.toLowerCase() : key;
    return entries.has(wanted) ? { found: true, value: entries.get(wanted) } : { found: false, value: undefined };
  };
}

/**
 * Compiles one field's options into a function from the raw cell to the value sent. In order:
 * trim; an empty cell takes `default` (or is left out); `values` maps it; then numbers (decimal
 * comma, `factor`, `round`) or dates (`date` format) are parsed. Numbers are parsed when asked or
 * when the field is numeric; dates when a format is given, per field or as the mapping's default.
 */
export function compileConverter(spec: FieldOptions, context: ConverterContext): Converter {
  if (spec.constant !== undefined) {
    const constant = spec.constant;
    return () => ok(constant);
  }
  const trim = spec.trim ?? context.trim;
  const lookup = valueMap(spec);
  const keys = Object.keys(spec.values ?? {});
  const listed = `${keys
    .slice(0, 10)
    .map((key) => JSON.stringify(key))
    .join(", ")}${keys.length > 10 ? ", …" : ""}`;
  const numeric =
    spec.number === true ||
    spec.decimal_comma !== undefined ||
    spec.factor !== undefined ||
    spec.round !== undefined ||
    (context.kind === "number" && spec.number !== false && spec.date === undefined);
  const decimalComma = spec.decimal_comma ?? context.decimalComma;
  const dateText = spec.date ?? (context.kind === "date" && !numeric ? context.dateFormat : undefined);
  let date: DateFormat | undefined;
  if (dateText !== undefined) {
    const compiled = compileDateFormat(dateText);
    if (!compiled.ok) throw new Error(compiled.message); // the mapping schema has checked it
    date = compiled.value;
  }
  const empty = (): Converted => (spec.default !== undefined ? ok(spec.default) : LEFT_OUT);

  return (input) => {
    let raw = input;
    if (typeof raw === "string" && trim) raw = raw.trim();
    if (raw === undefined || raw === null || raw === "") return empty();
    if (lookup && (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean")) {
      const hit = lookup(String(raw));
      if (hit.found) return hit.value === null ? empty() : ok(hit.value);
      const unmapped = spec.unmapped ?? "reject";
      if (unmapped === "reject") return { ok: false, message: `${show(raw)} is not one of the mapped values (${listed})` };
      if (unmapped === "empty") return empty();
    }
    if (numeric) {
      if (typeof raw !== "string" && typeof raw !== "number") return { ok: false, message: `${show(raw)} is not a number` };
      const parsed = parseNumber(raw, { decimalComma });
      if (!parsed.ok) return parsed;
      return ok(
        spec.factor !== undefined || spec.round !== undefined
          ? scaleNumber(parsed.value, { factor: spec.factor, round: spec.round })
          : parsed.value,
      );
    }
    if (date) {
      if (typeof raw !== "string") return { ok: false, message: `${show(raw)} is not a date in the format ${date.format}` };
      return date.parse(raw, spec.utc_offset);
    }
    return ok(raw);
  };
}
