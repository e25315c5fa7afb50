/** Exact decimal arithmetic for EDI amounts, in millionths, on bigint: no binary fractions. */
const SCALE = 6;

export function toMicros(value: string | number): bigint {
  const text = typeof value === "number" ? value.toFixed(SCALE) : value;
  const [whole = "0", fraction = ""] = text.split(".");
  return BigInt(whole) * 10n ** BigInt(SCALE) + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, "0"));
}

/** Millionths as an X12 decimal: no trailing zeros, no trailing point ("12.5", "3"). */
export function fromMicros(micros: bigint, maxDecimals = SCALE): string {
  const factor = 10n ** BigInt(SCALE - maxDecimals);
  const rounded = maxDecimals < SCALE ? ((micros + factor / 2n) / factor) * factor : micros;
  const whole = rounded / 10n ** BigInt(SCALE);
  const fraction = (rounded % 10n ** BigInt(SCALE)).toString().padStart(SCALE, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** A decimal as given, written the X12 way. */
export const decimalText = (value: string | number) => fromMicros(toMicros(value));

/** Σ quantity × price, to two decimals. */
export function extendedTotal(lines: { quantity: number; unit_price: string | number }[]): string {
  const total = lines.reduce(
    (sum, line) => sum + (toMicros(line.quantity) * toMicros(line.unit_price)) / 10n ** BigInt(SCALE),
    0n,
  );
  return fromMicros(total, 2);
}
