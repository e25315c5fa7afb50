/**
 * Numbers as ERP exports write them, read exactly: decimal comma or point, thousands separators
 * in their proper places, a sign before or (as SAP writes it) after. Results are decimal strings
 * (`"1234.5"`), never binary floats, so `0.1` stays `0.1` and a factor multiplies exactly.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A decimal as an integer of digits and how many of them are after the point. */
type Decimal = { digits: bigint; scale: number };

const GROUP_SPACES = [" ", "\u00a0", "\u202f", "'"];

function quoted(value: unknown): string {
  return JSON.stringify(typeof value === "string" ? value : String(value));
}

function fromParts(negative: boolean, whole: string, fraction: string, exponent: number): Decimal {
  let digits = BigInt(`${whole || "0"}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: negative ? -digits : digits, scale };
}

function toText({ digits, scale }: Decimal): string {
  const negative = digits < 0n;
  let text = (negative ? -digits : digits).toString().padStart(scale + 1, "0");
  if (scale > 0) {
    const point = text.length - scale;
    const fraction = text.slice(point).replace(/0+$/, "");
    text = fraction ? `${text.slice(0, point)}.${fraction}` : text.slice(0, point);
  }
  return negative && text !== "0" ? `-${text}` : text;
}

/** The whole part, with thousands separators allowed only between groups of three digits. */
function wholeDigits(text: string, separators: readonly string[]): string | undefined {
  if (/^\d*$/.test(text)) return text;
  for (const separator of separators) {
    const groups = text.split(separator);
    if (groups.length > 1 && /^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((group) => /^\d{3}$/.test(group))) {
      return groups.join("");
    }
  }
  return undefined;
}

function parseDecimal(input: string | number, decimalComma: boolean): Parsed<Decimal> {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, message: `${input} is not a finite number` };
    return parseDecimal(String(input), false);
  }
  let text = input.trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/^[+-]/.test(text)) {
    negative = negative !== text.startsWith("-");
    text = text.slice(1).trimStart();
  } else if (/\d-$/.test(text)) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  const point = decimalComma ? "," : ".";
  const separators = decimalComma ? [".", ...GROUP_SPACES] : [",", ...GROUP_SPACES];
  const exponentMatch = /[eE]([+-]?\d{1,3})$/.exec(text);
  const exponent = exponentMatch ? Number(exponentMatch[1]) : 0;
  if (exponentMatch) text = text.slice(0, exponentMatch.index);
  const [wholeText = "", fraction = "", ...rest] = text.split(point);
  const whole = rest.length === 0 && /^\d*$/.test(fraction) ? wholeDigits(wholeText, exponentMatch ? [] : separators) : undefined;
  if (whole === undefined || whole + fraction === "" || text.length > 64) {
    const hint =
      !decimalComma && /^[+-]?\d+,\d+$/.test(input.trim()) ? ` (set "decimal_comma": true if "," is the decimal separator)` : "";
    return { ok: false, message: `${quoted(input)} is not a number${hint}` };
  }
  return { ok: true, value: fromParts(negative, whole, fraction, exponent) };
}

/** Reads a number written with a decimal point (or comma) into an exact decimal string. */
export function parseNumber(input: string | number, options: { decimalComma: boolean }): Parsed<string> {
  const parsed = parseDecimal(input, options.decimalComma);
  return parsed.ok ? { ok: true, value: toText(parsed.value) } : parsed;
}

/** Parses a factor or other decimal constant written in the mapping (always with a decimal point). */
export function isDecimalConstant(value: string | number): boolean {
  return parseDecimal(value, false).ok;
}

function roundTo(value: Decimal, places: number): Decimal {
  if (value.scale <= places) return value;
  const divisor = 10n ** BigInt(value.scale - places);
  const magnitude = value.digits < 0n ? -value.digits : value.digits;
  // Half away from zero, as invoices round.
  const rounded = (magnitude + divisor / 2n) / divisor;
  return { digits: value.digits < 0n ? -rounded : rounded, scale: places };
}

/** Multiplies a decimal string by `factor` exactly and rounds to `round` places when given. */
export function scaleNumber(
  value: string,
  options: { factor?: string | number | undefined; round?: number | undefined },
): string {
  const parsed = parseDecimal(value, false);
  if (!parsed.ok) throw new Error(`not a decimal: ${value}`);
  let result = parsed.value;
  if (options.factor !== undefined) {
    const factor = parseDecimal(options.factor, false);
    if (!factor.ok) throw new Error(`not a decimal factor: ${options.factor}`);
    result = { digits: result.digits * factor.value.digits, scale: result.scale + factor.value.scale };
  }
  if (options.round !== undefined) result = roundTo(result, options.round);
  return toText(result);
}
