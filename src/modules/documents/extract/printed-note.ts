import type { PageText, PageWord } from "../text/page-text.ts";
import type { ExtractedValue } from "./extracted.ts";
import { cellsOf, linesOf, locate } from "./page-lines.ts";

/** Headings of a note block, folded: "Notes:", "Remarks", "Opmerkingen", "Bemerkungen", "Remarques". */
const NOTE_LABEL =
  /^(?:notes?|remarks?|comments?|opmerking(?:en)?|bemerkung(?:en)?|hinweis(?:e)?|remarques?)\s*:?\s*(?<rest>.*)$/i;
/** Contact details, web addresses and page numbers are no remark. */
const CONTACT = /@|https?:\/\/|www\.|\bpage\b|\(\d{3}\)/i;
/** A courtesy says nothing to act on. */
const COURTESY = /^(thank(s| you)|we appreciate|danke|vielen dank|merci|bedankt|dank u)\b/i;
/** A sentence a person wrote: it starts with a capital letter and ends as a sentence does. */
const SENTENCE = /^\p{Lu}[^:]*[.!]$/u;
const MIN_WORDS = 5;
/** Lines this many line heights apart (top to top) are not one paragraph. */
const APART = 1.8;

const textOf = (line: PageWord[]) => line.map((word) => word.text).join(" ");
const heightOf = (line: PageWord[]) => Math.max(...line.map((word) => word.box.y1 - word.box.y0));
const top = (line: PageWord[]) => Math.min(...line.map((word) => word.box.y0));

/**
 * A remark the sender printed below its totals, for the reviewer to read: what a "Notes:" heading
 * introduces (on its line or the lines under it), else sentences standing apart on their own
 * lines ("Due to global inflation our payment term has changed to 15 days."). A changed payment
 * term or bank account is told this way, which AP must not miss. Labelled values, contact lines,
 * footnotes marked with a sign ("* May include…"), paragraphs of fine print and courtesies ("Thank
 * you for your business.") are no note.
 * Null when the document prints none, or no total was found (nothing marks where the remarks begin).
 */
export function printedNote(pages: PageText[], fields: Record<string, ExtractedValue>): ExtractedValue | null {
  const totals = ["subtotal", "tax", "freight", "total"].flatMap((field) => (fields[field] ? [fields[field]] : []));
  const last = Math.max(...totals.map((value) => value.location.page));
  const page = pages.find((candidate) => candidate.page === last);
  if (!page) return null;
  // Below the lowest of the totals on their last page: a balance due printed at the top is no end of the lines.
  const below = Math.max(...totals.filter((value) => value.location.page === last).map((value) => value.location.box.y1));
  const lines = linesOf(page).filter((line) => top(line) > below);
  // A line apart from the lines around it (fine print runs on at single spacing).
  const isolated = (index: number) => {
    const line = lines[index] as PageWord[];
    const apart = heightOf(line) * APART;
    const before = lines[index - 1];
    const after = lines[index + 1];
    return (!before || top(line) - top(before) > apart) && (!after || top(after) - top(line) > apart);
  };
  const labelled: PageWord[] = [];
  const loose: PageWord[] = [];
  for (const [index, line] of lines.entries()) {
    const text = textOf(line);
    const heading = NOTE_LABEL.exec(text);
    if (heading && labelled.length === 0) {
      const rest = heading.groups?.rest ?? "";
      if (rest) labelled.push(...line.slice(line.length - rest.split(" ").length));
      // The lines under the heading, until a gap.
      for (let next = index + 1; next < lines.length; next++) {
        const under = lines[next] as PageWord[];
        const above = lines[next - 1] as PageWord[];
        if (top(under) - top(above) > heightOf(under) * 2.2 && labelled.length > 0) break;
        if (CONTACT.test(textOf(under))) break;
        labelled.push(...under);
      }
      continue;
    }
    if (cellsOf(line).length !== 1 || CONTACT.test(text) || COURTESY.test(text) || !SENTENCE.test(text)) continue;
    if (line.length < MIN_WORDS || !isolated(index)) continue;
    loose.push(...line);
  }
  const words = labelled.length > 0 ? labelled : loose;
  if (words.length === 0) return null;
  const printed = textOf(words);
  return {
    value: printed.slice(0, 2000),
    printed,
    confidence: labelled.length > 0 ? 0.8 : 0.6,
    location: locate(words, page.page),
  };
}
