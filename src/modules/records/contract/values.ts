/**
 * Normalisation of the exact values records carry. Pure functions, safe in the browser: the
 * console and the server agree on what a value means and how it is written.
 */

export type Normalised<T> = { ok: true; value: T } | { ok: false; message: string };

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Digits before the decimal point a stored decimal may have (numeric columns are unbounded). */
export const MAX_INTEGER_DIGITS = 20;

/**
 * A decimal as its shortest exact string: no exponent, no `+`, no leading zeros, no trailing
 * fractional zeros (`"12.50"` and `12.5` are both `"12.5"`). So an ERP that writes `1.0` one day
 * and `1` the next does not look like a change.
 */
export function normaliseDecimal(input: string | number, scale: number): Normalised<string> {
  if (typeof input === "number" && !Number.isFinite(input)) return { ok: false, message: "must be a finite number" };
  // String(number) is exact for what the number holds; 0.1 stays "0.1".
  const text = typeof input === "number" ? String(input) : input.trim();
  const match = text.length <= 64 ? DECIMAL.exec(text) : null;
  if (!match || (match[2] === "" && (match[3] ?? "") === ""))
    return { ok: false, message: 'must be a decimal number, e.g. "12.50"' };
  const [, sign = "", whole = "", fraction = "", exponentText] = match;
  if (Math.abs(Number(exponentText ?? 0)) > 64) return { ok: false, message: "is out of range" };
  let digits = `${whole}${fraction}`;
  let point = whole.length + Number(exponentText ?? 0);
  if (point < 0) {
    digits = `${"0".repeat(-point)}${digits}`;
    point = 0;
  } else if (point > digits.length) {
    digits = `${digits}${"0".repeat(point - digits.length)}`;
  }
  const integerPart = digits.slice(0, point).replace(/^0+/, "") || "0";
  const fractionPart = digits.slice(point).replace(/0+$/, "");
  if (fractionPart.length > scale) return { ok: false, message: `must have at most ${scale} digits after the decimal point` };
  if (integerPart.length > MAX_INTEGER_DIGITS)
    return { ok: false, message: `must have at most ${MAX_INTEGER_DIGITS} digits before the decimal point` };
  const magnitude = fractionPart ? `${integerPart}.${fractionPart}` : integerPart;
  return { ok: true, value: sign === "-" && magnitude !== "0" ? `-${magnitude}` : magnitude };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a day exists in the proleptic Gregorian calendar (no 30 February, 29 February in leap years). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0);
}

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * An instant, written ISO 8601 with its offset (`Z` or `±hh:mm`): a time without an offset is
 * ambiguous, so it is refused rather than guessed. Normalised to UTC with milliseconds.
 */
export function normaliseTimestamp(text: string): Normalised<string> {
  const match = TIMESTAMP.exec(text.trim());
  const fail = { ok: false, message: 'must be an ISO 8601 timestamp with an offset, e.g. "2024-05-01T14:30:00Z"' } as const;
  if (!match) return fail;
  const [, year = "", month = "", day = "", hours = "", minutes = "", seconds = "00", fraction = "", zone = "Z"] = match;
  if (
    !isCalendarDay(Number(year), Number(month), Number(day)) ||
    Number(hours) > 23 ||
    Number(minutes) > 59 ||
    Number(seconds) > 59
  )
    return fail;
  const millis = fraction.slice(0, 3).padEnd(3, "0");
  // Already in UTC (the usual case): only the format changes.
  if (zone.toUpperCase() === "Z") return { ok: true, value: `${year}-${month}-${day}T${hours}:${minutes}:${seconds}.${millis}Z` };
  const offset = zone.length === 3 ? `${zone}:00` : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const instant = Date.parse(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}.${millis}${offset}`);
  if (Number.isNaN(instant)) return fail;
  return { ok: true, value: new Date(instant).toISOString() };
}

const CURRENCIES: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [],
);

/** An ISO 4217 currency code; upper-cased. */
export function normaliseCurrency(text: string): Normalised<string> {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return { ok: false, message: 'must be an ISO 4217 currency code, e.g. "USD"' };
  if (CURRENCIES.size > 0 && !CURRENCIES.has(code)) return { ok: false, message: `${code} is not an ISO 4217 currency code` };
  return { ok: true, value: code };
}

/** A JSON value with object keys sorted at every level. */
export function sortKeys<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return value;
  return Object.fromEntries(keys.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])) as T;
}

/** PostgreSQL cannot store the NUL character in text or jsonb; such input is refused, not truncated. */
export const NO_NUL = "must not contain the NUL character (\\u0000)";

export function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasNul);
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || hasNul(item));
}
