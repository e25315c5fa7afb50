import { isCalendarDay } from "../../records/index.ts";
import type { Parsed } from "./path.ts";

/**
 * Dates and times as source systems write them, read into what the records take: a `date` field
 * gets `YYYY-MM-DD`, a `timestamp` field an instant in ISO 8601 (the records module turns it into
 * UTC). A time written without an offset is read in the mapping's `timezone`; without one it is
 * refused, never guessed.
 */

type Civil = { year: number; month: number; day: number; hour: number; minute: number; second: number; milli: number };

/** What a payload value says: a calendar day, a wall-clock time with no zone, or an instant. */
export type Moment =
  | { kind: "date"; civil: Civil }
  | { kind: "local"; civil: Civil }
  /** `written`: the day as written beside its offset, which is the day a person there meant. */
  | { kind: "instant"; epochMs: number; written: Civil | undefined };

export type Zone = { name: string; offsetMinutesAt: (epochMs: number) => number };

const MIN_MS = -62_135_596_800_000; // 0001-01-01T00:00:00Z
const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

function utcMs(civil: Civil): number {
  const date = new Date(0);
  date.setUTCFullYear(civil.year, civil.month - 1, civil.day);
  date.setUTCHours(civil.hour, civil.minute, civil.second, civil.milli);
  return date.getTime();
}

function civilOf(epochMs: number): Civil {
  const date = new Date(epochMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    milli: date.getUTCMilliseconds(),
  };
}

function validCivil(civil: Civil): boolean {
  const { year, month, day, hour, minute, second } = civil;
  return year <= 9999 && isCalendarDay(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
}

function fixedZone(name: string, minutes: number): Zone {
  return { name, offsetMinutesAt: () => minutes };
}

function offsetMinutes(text: string): number | undefined {
  if (/^z$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (Number(match[2]) > 23 || Number(match[3] ?? 0) > 59) return undefined;
  return match[1] === "-" ? -minutes : minutes;
}

/** `UTC`, a fixed offset (`-05:00`), or an IANA zone (`America/Chicago`, daylight saving included). */
export function parseZone(text: string): Parsed<Zone> {
  if (/^(utc|gmt|z)$/i.test(text)) return { ok: true, value: fixedZone("UTC", 0) };
  const fixed = offsetMinutes(text);
  if (fixed !== undefined) return { ok: true, value: fixedZone(text, fixed) };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: text,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return {
      ok: false,
      message: `"${text}" is not a time zone: use UTC, an offset such as -05:00, or an IANA name such as America/Chicago`,
    };
  }
  return {
    ok: true,
    value: {
      name: text,
      offsetMinutesAt: (epochMs) => {
        const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
        const wall = utcMs({
          year: Number(parts.year),
          month: Number(parts.month),
          day: Number(parts.day),
          hour: Number(parts.hour),
          minute: Number(parts.minute),
          second: Number(parts.second),
          milli: 0,
        });
        return Math.round((wall - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60_000);
      },
    },
  };
}

/** The instant a wall-clock time in `zone` names (the earlier one when a clock change repeats it). */
function instantOf(civil: Civil, zone: Zone): number {
  const guess = utcMs(civil);
  const first = zone.offsetMinutesAt(guess);
  const instant = guess - first * 60_000;
  const second = zone.offsetMinutesAt(instant);
  return second === first ? instant : guess - second * 60_000;
}

/** A date-time format, compiled once: reads a payload value into a moment. */
export type DatetimeFormat = { read: (value: unknown) => Parsed<Moment> };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function fromParts(civil: Civil, hasTime: boolean, offset: number | undefined): Parsed<Moment> {
  if (!validCivil(civil)) return { ok: false, message: "is not a real date or time" };
  if (!hasTime) return { ok: true, value: { kind: "date", civil } };
  if (offset === undefined) return { ok: true, value: { kind: "local", civil } };
  const epochMs = utcMs(civil) - offset * 60_000;
  if (epochMs < MIN_MS || epochMs > MAX_MS) return { ok: false, message: "is out of range" };
  return { ok: true, value: { kind: "instant", epochMs, written: civil } };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

const isoFormat: DatetimeFormat = {
  read: (value) => {
    if (value instanceof Date) {
      const epochMs = value.getTime();
      return Number.isNaN(epochMs)
        ? { ok: false, message: "is an invalid date" }
        : { ok: true, value: { kind: "instant", epochMs, written: undefined } };
    }
    const text = textOf(value);
    const match = text === undefined || text.length > 64 ? null : ISO.exec(text);
    if (!match)
      return { ok: false, message: 'is not an ISO 8601 date or time (e.g. "2024-05-01" or "2024-05-01T14:30:00-05:00")' };
    const [, year, month, day, hour, minute, second, fraction, zone] = match;
    const civil = {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      milli: Number((fraction ?? "").slice(0, 3).padEnd(3, "0")),
    };
    return fromParts(civil, hour !== undefined, zone === undefined ? undefined : offsetMinutes(zone));
  },
};

function epochFormat(unitMs: number): DatetimeFormat {
  return {
    read: (value) => {
      const text = textOf(value);
      const number = text !== undefined && /^-?\d{1,16}(\.\d{1,9})?$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(number))
        return { ok: false, message: `is not a number of ${unitMs === 1000 ? "seconds" : "milliseconds"} since 1970` };
      const epochMs = Math.round(number * unitMs);
      if (epochMs < MIN_MS || epochMs > MAX_MS) return { ok: false, message: "is out of range" };
      return { ok: true, value: { kind: "instant", epochMs, written: undefined } };
    },
  };
}

const TOKENS = ["YYYY", "SSS", "YY", "MM", "DD", "HH", "mm", "ss", "M", "D", "H", "Z"] as const;
type Token = (typeof TOKENS)[number];
const TOKEN_PATTERN: Record<Token, string> = {
  YYYY: "(\\d{4})",
  YY: "(\\d{2})",
  MM: "(\\d{2})",
  M: "(\\d{1,2})",
  DD: "(\\d{2})",
  D: "(\\d{1,2})",
  HH: "(\\d{2})",
  H: "(\\d{1,2})",
  mm: "(\\d{2})",
  ss: "(\\d{2})",
  SSS: "(\\d{3})",
  Z: "(Z|[+-]\\d{2}:?\\d{2})",
};

const TOKEN_FIELD: Record<Token, string> = {
  YYYY: "year",
  YY: "year",
  MM: "month",
  M: "month",
  DD: "day",
  D: "day",
  HH: "hour",
  H: "hour",
  mm: "minute",
  ss: "second",
  SSS: "millisecond",
  Z: "offset",
};

function patternFormat(pattern: string): Parsed<DatetimeFormat> {
  const tokens: Token[] = [];
  let source = "^";
  for (let at = 0; at < pattern.length; ) {
    const token = TOKENS.find((candidate) => pattern.startsWith(candidate, at));
    if (token) {
      if (tokens.some((seen) => TOKEN_FIELD[seen] === TOKEN_FIELD[token]))
        return { ok: false, message: `"${pattern}" gives the ${TOKEN_FIELD[token]} twice` };
      tokens.push(token);
      source += TOKEN_PATTERN[token];
      at += token.length;
      continue;
    }
    const char = pattern[at] as string;
    if (/[A-Za-z0-9]/.test(char) && char !== "T")
      return {
        ok: false,
        message: `"${pattern}": "${char}" at position ${at + 1} is not a token (YYYY YY MM M DD D HH H mm ss SSS Z; other letters than T are not allowed)`,
      };
    source += char.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    at++;
  }
  const has = (...names: Token[]) => names.some((name) => tokens.includes(name));
  if (!has("YYYY", "YY") || !has("MM", "M") || !has("DD", "D"))
    return { ok: false, message: `"${pattern}" needs a year (YYYY or YY), a month (MM or M) and a day (DD or D)` };
  if ((has("mm") && !has("HH", "H")) || (has("ss") && !has("mm")) || (has("SSS") && !has("ss")) || (has("Z") && !has("HH", "H")))
    return {
      ok: false,
      message: `"${pattern}": minutes need hours, seconds need minutes, SSS needs seconds, and Z needs a time`,
    };
  const regex = new RegExp(`${source}$`);
  const index = (name: Token) => tokens.indexOf(name) + 1;
  return {
    ok: true,
    value: {
      read: (value) => {
        const text = textOf(value);
        const match = text === undefined || text.length > 64 ? null : regex.exec(text);
        if (!match) return { ok: false, message: `does not match the format ${pattern}` };
        const group = (...names: Token[]) => {
          const name = names.find((candidate) => tokens.includes(candidate));
          return name === undefined ? undefined : match[index(name)];
        };
        const shortYear = group("YY");
        const year = shortYear !== undefined ? Number(shortYear) + (Number(shortYear) < 70 ? 2000 : 1900) : Number(group("YYYY"));
        const civil = {
          year,
          month: Number(group("MM", "M")),
          day: Number(group("DD", "D")),
          hour: Number(group("HH", "H") ?? 0),
          minute: Number(group("mm") ?? 0),
          second: Number(group("ss") ?? 0),
          milli: Number(group("SSS") ?? 0),
        };
        const zone = group("Z");
        return fromParts(civil, has("HH", "H"), zone === undefined ? undefined : offsetMinutes(zone));
      },
    },
  };
}

export function parseDatetimeFormat(format: string): Parsed<DatetimeFormat> {
  switch (format) {
    case "iso":
      return { ok: true, value: isoFormat };
    case "epoch_seconds":
      return { ok: true, value: epochFormat(1000) };
    case "epoch_millis":
      return { ok: true, value: epochFormat(1) };
    default:
      return patternFormat(format);
  }
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function dateText(civil: Civil): string {
  return `${pad(civil.year, 4)}-${pad(civil.month)}-${pad(civil.day)}`;
}

function instantText(epochMs: number): string {
  const civil = civilOf(epochMs);
  return `${dateText(civil)}T${pad(civil.hour)}:${pad(civil.minute)}:${pad(civil.second)}.${pad(civil.milli, 3)}Z`;
}

/**
 * A moment as a `date` (`YYYY-MM-DD`) or a `timestamp` (ISO in UTC). Which day an instant falls
 * on: in `zone` when one is set, else the day written beside its offset, else the UTC day. A date
 * or a wall-clock time becomes an instant only in a zone (a date as its midnight).
 */
export function formatMoment(moment: Moment, as: "date" | "timestamp", zone: Zone | undefined): Parsed<string> {
  if (as === "date") {
    if (moment.kind !== "instant") return { ok: true, value: dateText(moment.civil) };
    if (zone) return { ok: true, value: dateText(civilOf(moment.epochMs + zone.offsetMinutesAt(moment.epochMs) * 60_000)) };
    return { ok: true, value: dateText(moment.written ?? civilOf(moment.epochMs)) };
  }
  if (moment.kind === "instant") return { ok: true, value: instantText(moment.epochMs) };
  if (!zone)
    return {
      ok: false,
      message: `is ${moment.kind === "date" ? "a date without a time" : "a time without an offset"}: set datetime.timezone to say where it was written`,
    };
  const epochMs = instantOf(moment.civil, zone);
  if (epochMs < MIN_MS || epochMs > MAX_MS) return { ok: false, message: "is out of range" };
  return { ok: true, value: instantText(epochMs) };
}
