import { assertNever } from "../../../platform/errors.ts";
import { formatMicros, type Micros, placesNeeded } from "../decimal.ts";

/** How a document writes dates: each trading partner's system has its habit. */
export type DateStyle = "us" | "us-short" | "dd-mon-yyyy" | "iso" | "long" | "x12";

export type MoneyStyle = { symbol: boolean; thousands: boolean };

/** A layout's number and date habits. */
export type Formats = {
  date: DateStyle;
  money: MoneyStyle;
  /** Unit prices show at least this many decimals, and more when the price has them. */
  minPricePlaces: number;
  /** Quantities show at least this many decimals (0 prints "12"). */
  minQuantityPlaces: number;
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = [
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

export function formatDate(iso: string, style: DateStyle): string {
  const [year = "", month = "", day = ""] = iso.slice(0, 10).split("-");
  const monthIndex = Number(month) - 1;
  switch (style) {
    case "us":
      return `${month}/${day}/${year}`;
    case "us-short":
      return `${Number(month)}/${Number(day)}/${year.slice(2)}`;
    case "dd-mon-yyyy":
      return `${day}-${MONTHS[monthIndex]}-${year}`;
    case "iso":
      return `${year}-${month}-${day}`;
    case "long":
      return `${LONG_MONTHS[monthIndex]} ${Number(day)}, ${year}`;
    case "x12":
      return `${year}${month}${day}`;
    default:
      return assertNever(style);
  }
}

export function formatMoney(value: Micros, style: MoneyStyle): string {
  const text = formatMicros(value < 0n ? -value : value, 2, style.thousands);
  return `${value < 0n ? "-" : ""}${style.symbol ? "$" : ""}${text}`;
}

export function formatAtLeast(value: Micros, minPlaces: number): string {
  return formatMicros(value, Math.max(minPlaces, placesNeeded(value)));
}

/** A timestamp as a person reads it on paper, in a place's time zone: "03/14/2025 2:35 PM EDT". */
export function formatLocalTime(iso: string, timeZone: string): { printed: string; minuteUtc: string } {
  const instant = new Date(iso);
  instant.setUTCSeconds(0, 0);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
    timeZoneName: "short",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  const printed = `${part("month")}/${part("day")}/${part("year")} ${part("hour")}:${part("minute")} ${part("dayPeriod")} ${part("timeZoneName")}`;
  return { printed, minuteUtc: instant.toISOString().replace(".000Z", "Z") };
}
