/** How knowledge documents print values. Questions and tests format with these too, so the text they cite matches. */

type Decimal = string | number | null | undefined;

/** A record's decimal as a plain string of digits ("12.5000", "3"), or undefined when unset or not a number. */
function decimalText(value: Decimal): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === "number" ? value.toFixed(6) : value.trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
}

export function decimalNumber(value: Decimal): number | undefined {
  const text = decimalText(value);
  return text === undefined ? undefined : Number(text);
}

/**
 * `$1,234.50`; prices of cheap items keep up to four decimals (`$0.0825`) as the price agreement
 * carries them, so a contract never prints a rounded price a question would then contradict.
 */
export function money(value: Decimal): string {
  const text = decimalText(value);
  if (text === undefined) throw new Error(`not an amount: ${String(value)}`);
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  let decimals = fraction.slice(0, 4).replace(/0+$/, "");
  if (decimals.length < 2) decimals = decimals.padEnd(2, "0");
  return `${negative ? "-" : ""}$${groupThousands(String(Number(whole)))}.${decimals}`;
}

/** Whole dollars, for thresholds written in policies: `$2,500`. */
export function dollars(amount: number): string {
  return `$${groupThousands(String(Math.round(amount)))}`;
}

/** A quantity with thousands grouped: `5000` → `5,000`, `2.5` → `2.5`. */
export function quantity(value: number): string {
  const [whole = "0", fraction] = String(value).split(".");
  return fraction ? `${groupThousands(whole)}.${fraction}` : groupThousands(whole);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** `2026-03-01` → `March 1, 2026`. */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${day}, ${year}`;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function addMonths(isoDate: string, months: number): string {
  const [year = 2000, month = 1, day = 1] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1 + months, Math.min(day, 28)));
  return date.toISOString().slice(0, 10);
}

/** The first day of the month `isoDate` falls in. */
export function monthStart(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

export function percent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** `Acme Fabrication Inc.` → `Acme Fabrication`: how people name a company when they talk. */
export function shortName(name: string): string {
  return name.replace(/,?\s+(Inc\.|LLC|Co\.|Corp\.|Corporation|Company|Group|Ltd\.|Mfg\.)$/, "").trim();
}

/** `Acme's`, `Summit Facilities Services'`. */
export function possessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

/** A file-name-safe slug: `Fluid Power` → `fluid-power`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** `fluid power` → `Fluid Power`. */
export function titleCase(text: string): string {
  return text.replace(/\b([a-z])/g, (letter) => letter.toUpperCase());
}
