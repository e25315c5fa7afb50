import type { PageText, PageWord } from "../text/page-text.ts";
import { readDate } from "../values/read-date.ts";
import type { ExtractedValue } from "./extracted.ts";
import { linesOf, locate } from "./page-lines.ts";

/** A heading over the exceptions a driver or receiver noted ("EXCEPTIONS", "OS&D", "Damage / shortage"). */
const EXCEPTIONS_HEADING = /^(exceptions?|os&d|over,? short (and|&) damaged?|damage\s*\/\s*shortage)\b/i;
/** What a receipt says when nothing was noted. */
const NOTHING_NOTED = /^(none|no exceptions?|n\/a|clean)\.?$/i;
/** A label before when the goods were delivered. */
const DELIVERED_LABEL = /^(delivered( on| at)?|delivery (date|time)|date delivered)\s*:?$/i;

/** Hours from UTC of the zone abbreviations North American carriers print. */
const ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  AKST: -9,
  AKDT: -8,
  HST: -10,
};

const text = (words: PageWord[]) => words.map((word) => word.text).join(" ");

/**
 * What was noted at delivery: the lines under an exceptions heading, indented under it, up to the
 * first line that is not ("Received the above … except as noted"), joined by "; "; "NONE" when
 * the receipt says nothing was noted.
 */
function exceptionsOf(page: PageText): ExtractedValue | null {
  const lines = linesOf(page);
  const index = lines.findIndex((line) => EXCEPTIONS_HEADING.test(text(line).trim()));
  const heading = lines[index]?.[0];
  if (index < 0 || !heading) return null;
  const noted: PageWord[][] = [];
  for (const line of lines.slice(index + 1)) {
    const first = line[0];
    if (!first || first.box.x0 <= heading.box.x0 + 1) break;
    noted.push(line);
  }
  if (noted.length === 0) return null;
  const words = noted.flat();
  const printed = noted.map(text).join("; ");
  const value = noted.length === 1 && NOTHING_NOTED.test(printed.trim()) ? "NONE" : printed;
  const confidence = Math.min(1, ...words.map((word) => (word.confidence ?? 100) / 100));
  return { value, printed, confidence: Math.round(0.85 * confidence * 100) / 100, location: locate(words, page.page) };
}

/** "12/10/2024 8:01 AM CST" → "2024-12-10T14:01:00Z"; null without a zone (the hour would be a guess). */
export function readDeliveredAt(printed: string): string | null {
  const match = printed.match(/^(.+?)\s+(\d{1,2}):(\d{2})\s*(AM|PM)?\s+([A-Z]{3,4})$/i);
  if (!match) return null;
  const [, datePart, hourText, minuteText, meridiem, zone] = match;
  const date = readDate(datePart ?? "");
  const offset = ZONES[(zone ?? "").toUpperCase()];
  if (!date || offset === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59 || (meridiem && (hour < 1 || hour > 12))) return null;
  if (meridiem?.toUpperCase() === "PM" && hour !== 12) hour += 12;
  if (meridiem?.toUpperCase() === "AM" && hour === 12) hour = 0;
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCMinutes(hour * 60 + minute - offset * 60);
  return utc.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** When it was delivered: the words after a "DELIVERED" label on its line, read as a date, time and zone. */
function deliveredAtOf(page: PageText): ExtractedValue | null {
  for (const line of linesOf(page)) {
    for (let at = 0; at < line.length; at++) {
      for (const size of [1, 2]) {
        if (at + size > line.length || !DELIVERED_LABEL.test(text(line.slice(at, at + size)))) continue;
        const after = line.slice(at + size, at + size + 5);
        for (let take = after.length; take >= 3; take--) {
          const words = after.slice(0, take);
          const value = readDeliveredAt(text(words));
          if (value) return { value, printed: text(words), confidence: 0.85, location: locate(words, page.page) };
        }
      }
    }
  }
  return null;
}

/** A proof of delivery's own details: the exceptions noted, and when it was delivered. */
export function extractDeliveryDetails(pages: PageText[]): Record<string, ExtractedValue> {
  const fields: Record<string, ExtractedValue> = {};
  for (const page of pages) {
    const exceptions = fields.exceptions ? null : exceptionsOf(page);
    if (exceptions) fields.exceptions = exceptions;
    const delivered = fields.delivered_at ? null : deliveredAtOf(page);
    if (delivered) fields.delivered_at = delivered;
  }
  return fields;
}
