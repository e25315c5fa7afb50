/** Calendar arithmetic on `YYYY-MM-DD` dates, in UTC, so the same seed gives the same days everywhere. */
const DAY_MS = 86_400_000;

export const toDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => isoDate(new Date(toDate(iso).getTime() + days * DAY_MS));
export const daysBetween = (from: string, to: string): number =>
  Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: string): number => toDate(iso).getUTCDay();
export const isWeekend = (iso: string): boolean => weekday(iso) === 0 || weekday(iso) === 6;
/** Day of the year, 0-based. */
export const dayOfYear = (iso: string): number => daysBetween(`${iso.slice(0, 4)}-01-01`, iso);

/** Every day from `start` to `end`, both included. */
export function daysFrom(start: string, end: string): string[] {
  const count = daysBetween(start, end) + 1;
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/** A timestamp on `date` at the given hour and minute UTC, ISO 8601 with milliseconds. */
export const at = (date: string, hour: number, minute = 0): string =>
  `${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00.000Z`;

/** The next weekday on or after `iso`. */
export function nextWorkday(iso: string): string {
  let day = iso;
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}
