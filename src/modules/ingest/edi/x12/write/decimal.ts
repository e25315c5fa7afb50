/** Exact decimals for EDI amounts, in millionths on bigint: no binary fractions. */
const SCALE = 6;
const UNIT = 10n ** BigInt(SCALE);
const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?$/;

export function toMicros(value: string | number): bigint {
  const text = typeof value === "number" ? value.toFixed(SCALE) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === "" && !match[3])) throw new RangeError(`${JSON.stringify(value)} is not a decimal number`);
  const [, sign, whole = "", fraction = ""] = match;
  const micros = BigInt(whole || "0") * UNIT + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, "0"));
  return sign === "-" ? -micros : micros;
}

/** Millionths as an X12 "R" number: no trailing zeros, no trailing point ("12.5", "3"), rounded half up to `places`. */
export function fromMicros(micros: bigint, places = SCALE): string {
  const negative = micros < 0n;
  let magnitude = negative ? -micros : micros;
  const factor = 10n ** BigInt(SCALE - places);
  if (places < SCALE) magnitude = ((magnitude + factor / 2n) / factor) * factor;
  const whole = magnitude / UNIT;
  const fraction = (magnitude % UNIT).toString().padStart(SCALE, "0").replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && magnitude !== 0n ? `-${text}` : text;
}

/** A decimal as X12 writes it. */
export const decimalText = (value: string | number) => fromMicros(toMicros(value));

/** An "N2" number: the amount in cents with the point implied (TDS01, SAC05): 365.96 → "36596". */
export function impliedCents(micros: bigint): string {
  const cents = (micros < 0n ? micros - 5_000n : micros + 5_000n) / 10_000n;
  return cents.toString();
}

/** quantity × price, in millionths. */
export const extended = (quantity: string | number, price: string | number) => (toMicros(quantity) * toMicros(price)) / UNIT;
