import type { Parsed } from "./parse-number.ts";

/**
 * Dates in a declared format (`DD/MM/YYYY`, `MM/DD/YYYY`, `YYYY-MM-DD`, `DD.MM.YY HH:mm`…), read
 * strictly: a value that does not match the format, or names a day that does not exist, is an
 * error rather than a guess. Dates come out as `YYYY-MM-DD`; with a UTC offset, as ISO 8601
 * timestamps (`2024-05-01T14:30:00+02:00`).
 */

const TOKENS = ["YYYY", "YY", "MMM", "MM", "M", "DD", "D", "HH", "H", "mm", "ss"] as const;
type Token = (typeof TOKENS)[number];

const PATTERN: Record<Token, string> = {
  YYYY: "(\\d{4})",
  YY: "(\\d{2})",
  MMM: "([A-Za-z]{3})",
  MM: "(\\d{2})",
  M: "(\\d{1,2})",
  DD: "(\\d{2})",
  D: "(\\d{1,2})",
  HH: "(\\d{2})",
  H: "(\\d{1,2})",
  mm: "(\\d{2})",
  ss: "(\\d{2})",
};

const UNIT: Record<Token, string> = {
  YYYY: "year",
  YY: "year",
  MMM: "month",
  MM: "month",
  M: "month",
  DD: "day",
  D: "day",
  HH: "hour",
  H: "hour",
  mm: "minute",
  ss: "second",
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export type DateFormat = { format: string; hasTime: boolean; parse(text: string, utcOffset?: string): Parsed<string> };

const HINTS: Record<string, string> = {
  d: "DD or D for the day",
  y: "YYYY or YY for the year",
  m: "MM, M or MMM for the month (mm is minutes)",
  h: "HH or H for the hour (24-hour clock)",
  S: "ss for seconds",
};

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** Compiles a format, or says what is wrong with it. */
export function compileDateFormat(format: string): Parsed<DateFormat> {
  const order: Token[] = [];
  let regex = "";
  for (let at = 0; at < format.length; ) {
    const token = TOKENS.find((candidate) => format.startsWith(candidate, at));
    if (token) {
      if (order.some((seen) => UNIT[seen] === UNIT[token]))
        return { ok: false, message: `${JSON.stringify(format)} names the ${UNIT[token]} twice` };
      order.push(token);
      regex += PATTERN[token];
      at += token.length;
      continue;
    }
    const char = format[at] as string;
    if (/[A-Za-z]/.test(char)) {
      const hint = HINTS[char.toLowerCase() === "s" ? "S" : char.toLowerCase()] ?? "YYYY, MM, DD, HH, mm, ss";
      return { ok: false, message: `${JSON.stringify(format)}: unknown token "${char}" at position ${at + 1}; use ${hint}` };
    }
    regex += char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    at += 1;
  }
  const has = (...tokens: Token[]) => tokens.some((token) => order.includes(token));
  if (!has("YYYY", "YY") || !has("MMM", "MM", "M") || !has("DD", "D")) {
    return { ok: false, message: `${JSON.stringify(format)} needs a year (YYYY), a month (MM) and a day (DD)` };
  }
  const hasTime = has("HH", "H", "mm", "ss");
  if (hasTime && (!has("HH", "H") || !has("mm")))
    return { ok: false, message: `${JSON.stringify(format)}: a time needs hours (HH) and minutes (mm)` };
  const matcher = new RegExp(`^${regex}$`);

  return {
    ok: true,
    value: {
      format,
      hasTime,
      parse(text, utcOffset) {
        const fail = { ok: false as const, message: `${JSON.stringify(text)} is not a date in the format ${format}` };
        const match = matcher.exec(text.trim());
        if (!match) return fail;
        const part: Partial<Record<Token, string>> = {};
        order.forEach((token, index) => {
          part[token] = match[index + 1];
        });
        const year = part.YYYY ? Number(part.YYYY) : 2000 + Number(part.YY) - (Number(part.YY) >= 70 ? 100 : 0);
        const month = part.MMM ? MONTHS.indexOf(part.MMM.toLowerCase()) + 1 : Number(part.MM ?? part.M);
        const day = Number(part.DD ?? part.D);
        const hours = Number(part.HH ?? part.H ?? 0);
        const minutes = Number(part.mm ?? 0);
        const seconds = Number(part.ss ?? 0);
        const calendar = new Date(Date.UTC(year, month - 1, day));
        const exists =
          month >= 1 &&
          calendar.getUTCFullYear() === year &&
          calendar.getUTCMonth() === month - 1 &&
          calendar.getUTCDate() === day;
        if (!exists || year < 1 || hours > 23 || minutes > 59 || seconds > 59) return fail;
        const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
        if (utcOffset === undefined) return { ok: true, value: date };
        return { ok: true, value: `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${utcOffset}` };
      },
    },
  };
}
