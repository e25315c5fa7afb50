/** "12.5" → 1250: an exact decimal amount as integer minor units (cents), rounded half away from zero. */
export function toMinor(amount: string | number | null | undefined, scale = 2): number {
  if (amount === null || amount === undefined || amount === "") return 0;
  const text = typeof amount === "number" ? amount.toFixed(6) : amount;
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace(/^[-+]/, "").split(".");
  const digits = `${fraction}000000`;
  const kept = Number(digits.slice(0, scale));
  const next = Number(digits.charAt(scale));
  const minor = Number(whole) * 10 ** scale + kept + (next >= 5 ? 1 : 0);
  return negative ? -minor : minor;
}

/** 1250 → "12.50". */
export function fromMinor(minor: number, scale = 2): string {
  const sign = minor < 0 ? "-" : "";
  const digits = Math.abs(minor)
    .toString()
    .padStart(scale + 1, "0");
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** "1,234.50 USD", for task titles and emails. */
export function formatMoney(minor: number, currency: string): string {
  return `${(minor / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** quantity × unit price, in minor units, exactly (decimal strings, no floating point). */
export function extendedMinor(quantity: string | number, unitPrice: string | number): number {
  const scaleOf = (value: string) => (value.split(".")[1] ?? "").length;
  const q = String(quantity);
  const p = String(unitPrice);
  const qs = scaleOf(q);
  const ps = scaleOf(p);
  const product = BigInt(q.replace(".", "")) * BigInt(p.replace(".", ""));
  // product has qs + ps decimals; minor units keep 2.
  const shift = qs + ps - 2;
  if (shift <= 0) return Number(product * 10n ** BigInt(-shift));
  const divisor = 10n ** BigInt(shift);
  const quotient = product / divisor;
  const remainder = product % divisor;
  const roundUp = remainder * 2n >= divisor ? 1n : 0n;
  return Number(quotient + (product >= 0n ? roundUp : -roundUp));
}
