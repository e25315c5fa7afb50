/**
 * Exact decimals for amounts printed on documents, as bigints of millionths (six places, the
 * records contract's default scale), so totals add up to the cent the way an ERP prints them.
 */
export type Micros = bigint;

const SCALE = 1_000_000n;

/** Reads a record's decimal (a string such as "12.5", or a number). */
export function toMicros(value: string | number): Micros {
  const text = typeof value === "number" ? value.toFixed(6) : value.trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) throw new Error(`not a decimal: ${value}`);
  const [, sign, whole = "", fraction = ""] = match;
  const digits = BigInt(whole || "0") * SCALE + BigInt(fraction.slice(0, 6).padEnd(6, "0"));
  return sign === "-" ? -digits : digits;
}

/** Rounds half away from zero to `places` decimals (0–6). */
export function roundMicros(value: Micros, places: number): Micros {
  const step = 10n ** BigInt(6 - places);
  const half = step / 2n;
  const magnitude = value < 0n ? -value : value;
  const rounded = ((magnitude + (step > 1n ? half : 0n)) / step) * step;
  return value < 0n ? -rounded : rounded;
}

/** `quantity × price`, rounded to cents, as an extended amount is. */
export function extend(quantity: Micros, price: Micros): Micros {
  return roundMicros((quantity * price) / SCALE, 2);
}

export function sumMicros(values: readonly Micros[]): Micros {
  return values.reduce((sum, value) => sum + value, 0n);
}

/** Digits after the point the value needs, 0–6. */
export function placesNeeded(value: Micros): number {
  let places = 6;
  let rest = value < 0n ? -value : value;
  while (places > 0 && rest % 10n === 0n) {
    rest /= 10n;
    places--;
  }
  return places;
}

/** Fixed-point text: `places` decimals, optional thousands separators. */
export function formatMicros(value: Micros, places: number, thousands = false): string {
  const rounded = roundMicros(value, places);
  const negative = rounded < 0n;
  const magnitude = negative ? -rounded : rounded;
  let whole = (magnitude / SCALE).toString();
  if (thousands) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (magnitude % SCALE).toString().padStart(6, "0").slice(0, places);
  return `${negative ? "-" : ""}${whole}${places > 0 ? `.${fraction}` : ""}`;
}

/** The shortest exact decimal string ("12.5", "3"), the form the records API returns. */
export function canonicalDecimal(value: Micros): string {
  return formatMicros(value, placesNeeded(value));
}
