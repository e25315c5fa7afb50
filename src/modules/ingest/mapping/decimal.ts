import { normaliseDecimal } from "../../records/index.ts";
import type { Parsed } from "./path.ts";

/**
 * Exact decimal arithmetic for unit conversions and factors: `units` is the number without its
 * point, `scale` how many of its digits are after it (12.5 is 125 and 1). Money and quantities
 * must not pick up binary floating-point errors on the way to the records (0.1 × 3 is 0.3 here).
 */
export type Decimal = { units: bigint; scale: number };

/** Digits kept after the point by a division before rounding (1 ÷ 3 = 0.333333333333). */
export const DIVISION_SCALE = 12;

const INPUT_SCALE = 30;

export function parseDecimal(input: unknown): Parsed<Decimal> {
  if (typeof input !== "string" && typeof input !== "number")
    return { ok: false, message: `is ${input === null ? "null" : typeof input}, not a number` };
  const normalised = normaliseDecimal(input, INPUT_SCALE);
  if (!normalised.ok) return { ok: false, message: normalised.message };
  const [whole = "0", fraction = ""] = normalised.value.replace("-", "").split(".");
  const units = BigInt(`${whole}${fraction}`);
  return { ok: true, value: { units: normalised.value.startsWith("-") ? -units : units, scale: fraction.length } };
}

const TEN = 10n;

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** `numerator ÷ denominator` rounded half away from zero to a whole number. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n || 2n * abs(remainder) < abs(denominator)) return quotient;
  return numerator < 0n !== denominator < 0n ? quotient - 1n : quotient + 1n;
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** a ÷ b to DIVISION_SCALE digits (more when a already has more), rounded half away from zero. */
export function divide(a: Decimal, b: Decimal): Parsed<Decimal> {
  if (b.units === 0n) return { ok: false, message: "cannot be divided by zero" };
  const scale = Math.max(DIVISION_SCALE, a.scale);
  const numerator = a.units * TEN ** BigInt(scale - a.scale + b.scale);
  return { ok: true, value: { units: divideRounded(numerator, b.units), scale } };
}

/** Rounded half away from zero to `digits` after the point; unchanged when it has no more. */
export function round(value: Decimal, digits: number): Decimal {
  if (value.scale <= digits) return value;
  return { units: divideRounded(value.units, TEN ** BigInt(value.scale - digits)), scale: digits };
}

/** The shortest exact text: `19.99`, `-0.5`, `12`. */
export function formatDecimal(value: Decimal): string {
  const negative = value.units < 0n;
  let digits = abs(value.units).toString();
  if (value.scale > 0) digits = digits.padStart(value.scale + 1, "0");
  const whole = value.scale > 0 ? digits.slice(0, -value.scale) : digits;
  const fraction = value.scale > 0 ? digits.slice(-value.scale).replace(/0+$/, "") : "";
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== "0" ? `-${text}` : text;
}
