/** Exact decimals on the records' and X12's decimal strings, in millionths (bigint): no binary fractions. */
const UNIT = 1_000_000n;

/** "12.50" → 12500000n; null when not a decimal number. */
export function toMicros(value: unknown): bigint | null {
  if (value === null || value === undefined) return null;
  const match = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(String(value).trim());
  if (!match || (!match[2] && !match[3])) return null;
  const magnitude = BigInt(match[2] || "0") * UNIT + BigInt((match[3] ?? "").slice(0, 6).padEnd(6, "0"));
  return match[1] === "-" ? -magnitude : magnitude;
}

/** 12500000n → "12.5". */
export function fromMicros(value: bigint): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const fraction = (magnitude % UNIT).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative && magnitude !== 0n ? "-" : ""}${magnitude / UNIT}${fraction ? `.${fraction}` : ""}`;
}

/** quantity × price, exactly; null when either is missing. */
export function extended(quantity: unknown, price: unknown): string | null {
  const q = toMicros(quantity);
  const p = toMicros(price);
  return q === null || p === null ? null : fromMicros((q * p) / UNIT);
}

/** Σ of the decimals given (others skipped); null when there is none. */
export function sum(values: readonly unknown[]): string | null {
  let total: bigint | null = null;
  for (const value of values) {
    const parsed = toMicros(value);
    if (parsed !== null) total = (total ?? 0n) + parsed;
  }
  return total === null ? null : fromMicros(total);
}
