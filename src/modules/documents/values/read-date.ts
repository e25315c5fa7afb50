import { isCalendarDay } from "../../records/index.ts";

/** How a document orders a date's numbers when it writes them all as numbers: month first (US) or day first. */
export type DateStyle = { order: "month-first" | "day-first" };

const MONTHS: Record<string, number> = {};
const NAMES: [number, string[]][] = [
  [1, ["january", "jan", "januar", "janvier", "janv", "januari", "enero", "ene", "gennaio", "gen"]],
  [2, ["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "februari", "febrero", "febbraio"]],
  [3, ["march", "mar", "märz", "maerz", "mrz", "mars", "maart", "mrt", "marzo"]],
  [4, ["april", "apr", "avril", "avr", "abril", "abr", "aprile"]],
  [5, ["may", "mai", "mei", "mayo", "maggio", "mag"]],
  [6, ["june", "jun", "juni", "juin", "junio", "giugno", "giu"]],
  [7, ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug"]],
  [8, ["august", "aug", "août", "aout", "augustus", "agosto", "ago"]],
  [9, ["september", "sep", "sept", "septembre", "septiembre", "settembre", "set"]],
  [10, ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"]],
  [11, ["november", "nov", "novembre", "noviembre"]],
  [12, ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre"]],
];
for (const [month, names] of NAMES) for (const name of names) MONTHS[name] = month;

const iso = (year: number, month: number, day: number) =>
  isCalendarDay(year, month, day) ? `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` : null;

/** Two-digit years: 00–69 are 2000s, 70–99 are 1900s (as spreadsheets read them). */
const fullYear = (year: string) => (year.length === 4 ? Number(year) : Number(year) + (Number(year) < 70 ? 2000 : 1900));

/**
 * Reads a printed date as YYYY-MM-DD: "2025-03-14", "03/14/2025", "3/14/25", "14.03.2025",
 * "14-Mar-2026", "March 14, 2025", "August 3 , 2014", "14 mars 2025", "1er juillet 2015", "14. März 2025",
 * "20250314". All-number dates
 * are read in the document's order (`style`), unless one of the numbers can only be a day (over
 * 12). Null when the text is not one date, or names a day that does not exist.
 */
export function readDate(printed: string, style: DateStyle = { order: "month-first" }): string | null {
  // "August 3 , 2014" (a space before the comma), "1er juillet 2015", "1st July 2015".
  const text = printed
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/ ,/g, ",")
    .replace(/^(\d{1,2})(?:er|st|nd|rd|th)\b/, "$1");
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = fullYear(match[4] as string);
    const dayFirst = first > 12 ? true : second > 12 ? false : style.order === "day-first" || match[2] === ".";
    return dayFirst ? iso(year, second, first) : iso(year, first, second);
  }
  // A month's name: "14-Mar-2026", "14 mars 2025", "14. März 2025", "March 14, 2025", "Mar 14 2025".
  match = /^(\d{1,2})\.?[- ]([\p{L}]+)\.?[-, ]+(\d{4}|\d{2})$/u.exec(text);
  if (match) {
    const month = MONTHS[match[2] as string];
    return month ? iso(fullYear(match[3] as string), month, Number(match[1])) : null;
  }
  match = /^([\p{L}]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u.exec(text);
  if (match) {
    const month = MONTHS[match[1] as string];
    return month ? iso(Number(match[3]), month, Number(match[2])) : null;
  }
  return null;
}
