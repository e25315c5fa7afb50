import { type Decimal, parseDecimal } from "./decimal.ts";
import type { Parsed } from "./path.ts";

/**
 * Units of measure with a fixed factor, by dimension, each as an exact decimal multiple of the
 * dimension's base unit (kilogram, metre, litre). Pack sizes (EA, CS of 12) differ per item and
 * are not here: convert those with `multiply`.
 */
const UNITS: Record<string, { dimension: "mass" | "length" | "volume"; factor: string }> = {
  kg: { dimension: "mass", factor: "1" },
  g: { dimension: "mass", factor: "0.001" },
  mg: { dimension: "mass", factor: "0.000001" },
  t: { dimension: "mass", factor: "1000" },
  lb: { dimension: "mass", factor: "0.45359237" },
  oz: { dimension: "mass", factor: "0.028349523125" },
  m: { dimension: "length", factor: "1" },
  km: { dimension: "length", factor: "1000" },
  cm: { dimension: "length", factor: "0.01" },
  mm: { dimension: "length", factor: "0.001" },
  in: { dimension: "length", factor: "0.0254" },
  ft: { dimension: "length", factor: "0.3048" },
  yd: { dimension: "length", factor: "0.9144" },
  mi: { dimension: "length", factor: "1609.344" },
  l: { dimension: "volume", factor: "1" },
  ml: { dimension: "volume", factor: "0.001" },
  m3: { dimension: "volume", factor: "1000" },
  gal: { dimension: "volume", factor: "3.785411784" },
  qt: { dimension: "volume", factor: "0.946352946" },
  pt: { dimension: "volume", factor: "0.473176473" },
  floz: { dimension: "volume", factor: "0.0295735295625" },
  ft3: { dimension: "volume", factor: "28.316846592" },
};

const ALIASES: Record<string, string> = {
  kgs: "kg",
  kgm: "kg",
  gr: "g",
  gram: "g",
  grams: "g",
  mt: "t",
  tonne: "t",
  lbs: "lb",
  lbr: "lb",
  pound: "lb",
  pounds: "lb",
  ounce: "oz",
  ounces: "oz",
  meter: "m",
  metre: "m",
  mtr: "m",
  inch: "in",
  inches: "in",
  foot: "ft",
  feet: "ft",
  liter: "l",
  litre: "l",
  ltr: "l",
  gallon: "gal",
  gallons: "gal",
  cbm: "m3",
  "fl oz": "floz",
  cuft: "ft3",
};

/** A → B as the factor to multiply by, and the divisor after it (both exact). */
export type UnitConversion = { multiplyBy: Decimal; divideBy: Decimal };

export function unitConversion(from: string, to: string): Parsed<UnitConversion> {
  const find = (code: string) => {
    const key = code.trim().toLowerCase();
    return UNITS[ALIASES[key] ?? key];
  };
  const source = find(from);
  const target = find(to);
  if (!source) return { ok: false, message: `"${from}" is not a unit this engine knows (${Object.keys(UNITS).join(", ")})` };
  if (!target) return { ok: false, message: `"${to}" is not a unit this engine knows (${Object.keys(UNITS).join(", ")})` };
  if (source.dimension !== target.dimension)
    return { ok: false, message: `cannot convert ${source.dimension} (${from}) to ${target.dimension} (${to})` };
  const multiplyBy = parseDecimal(source.factor);
  const divideBy = parseDecimal(target.factor);
  if (!multiplyBy.ok || !divideBy.ok) return { ok: false, message: "bad unit factor" };
  return { ok: true, value: { multiplyBy: multiplyBy.value, divideBy: divideBy.value } };
}
