const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });
const integerFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const timestampFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export const formatCount = (value: number): string => integerFormat.format(value);

/** Exact decimals arrive as strings ("12.5"); shown grouped, without losing digits a float would drop. */
export function formatDecimal(value: string | number): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole = "0", fraction] = text.split(".");
  const grouped = integerFormat.format(BigInt(whole));
  const sign = whole === "-0" ? "-" : "";
  return fraction ? `${sign}${grouped}${numberFormat.format(0.1).charAt(1)}${fraction}` : `${sign}${grouped}`;
}

/** An amount with at least two decimals, as money is read ("9.50 USD"), never rounding digits away. */
export function formatMoney(amount: string | number, currency: string | null | undefined): string {
  const raw = String(amount);
  const [, fraction = ""] = raw.split(".");
  const padded = /^-?\d+(\.\d+)?$/.test(raw) && fraction.length < 2 ? `${raw.split(".")[0]}.${fraction.padEnd(2, "0")}` : raw;
  const text = formatDecimal(padded);
  return currency ? `${text} ${currency}` : text;
}

/** A calendar date (YYYY-MM-DD): shown as that day, whatever the viewer's time zone. */
export function formatDate(value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? value : dateFormat.format(parsed);
}

export function formatTimestamp(value: string): string {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : timestampFormat.format(parsed);
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 hours ago", "in 2 days"; "just now" under a minute. */
export function formatRelative(value: string, now = Date.now()): string {
  const delta = new Date(value).getTime() - now;
  if (Number.isNaN(delta)) return value;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return relativeFormat.format(Math.round(delta / size), unit);
  }
  return "just now";
}
