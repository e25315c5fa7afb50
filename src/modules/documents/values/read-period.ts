import { type DateStyle, readDate } from "./read-date.ts";

/** A service or billing period: its first and last day, YYYY-MM-DD. */
export type Period = { start: string; end: string };

/** What stands between a period's two dates: "au", "to", "bis", "tot", "t/m", "al", a dash. */
const BETWEEN = /^(.+?)\s*(?:\s(?:au|to|until|till|through|thru|bis|tot|t\/m|al)\s|\s?[-–—]\s?)\s*(.+)$/i;
/** What may open a period: "du", "from", "vom", "van", "de", "del". */
const OPENING = /^(?:du|from|vom|van|de|del)\s+/i;

/**
 * Reads a printed period: "du 1er au 31 Juillet 2015", "July 1 - July 31 , 2014", "01.05.14-31.05.14",
 * "from 1 July 2015 to 31 July 2015", "vom 01.05.2014 bis 31.05.2014". The first date may leave out
 * what it shares with the last (its year, its month and year). Null when the text is not one period,
 * or it ends before it starts.
 */
export function readPeriod(printed: string, style?: DateStyle): Period | null {
  const text = printed.trim().replace(OPENING, "");
  // Try each place a separator stands: a dash may also be inside a date ("14-Mar-2026").
  for (let from = 0; from < text.length; ) {
    const match = BETWEEN.exec(text.slice(from));
    if (!match) return null;
    const head = text.slice(0, from) + (match[1] as string);
    const end = readDate(match[2] as string, style);
    const start = end ? completeStart(head, end, style) : null;
    if (start && end && start <= end) return { start, end };
    from += (match[1] as string).length + 1;
  }
  return null;
}

/** The first date of a period, completed from the last where it leaves out its year or month. */
function completeStart(head: string, end: string, style?: DateStyle): string | null {
  const [year, month] = end.split("-");
  const text = head.trim().replace(/,$/, "");
  const day = /^(\d{1,2})(?:er|st|nd|rd|th)?\.?$/i.exec(text);
  if (day) return readDate(`${year}-${month}-${day[1]}`, style);
  const full = readDate(text, style);
  if (full) return full;
  // Without its year, the first date is in the last's year, or the year before ("December 15 - January 14, 2025").
  for (const candidate of [Number(year), Number(year) - 1]) {
    const start = readDate(`${text} ${candidate}`, style) ?? readDate(`${text}, ${candidate}`, style);
    if (start && start <= end) return start;
  }
  return null;
}
