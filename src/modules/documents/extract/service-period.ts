import type { PageText, PageWord } from "../text/page-text.ts";
import type { DateStyle } from "../values/read-date.ts";
import { readPeriod } from "../values/read-period.ts";
import type { ExtractedValue } from "./extracted.ts";
import { linesOf, locate } from "./page-lines.ts";

/** Words that open a period ("du 1er au 31 Juillet 2015") or name one ("billing period July 1 - July 31, 2014"). */
const OPENS = /^(du|from|vom|van)$/i;
const NAMES = /^(period|periode|période|zeitraum|leistungszeitraum|abrechnungszeitraum|facturatieperiode):?$/i;

/**
 * The period an invoice bills for, where no label of its own names its days: a span of two dates
 * after "du", "from", "vom", "van" or a "period" word, on any page. Empty when there is none.
 */
export function servicePeriod(pages: PageText[], dates: DateStyle): Record<string, ExtractedValue> {
  for (const page of pages) {
    for (const line of linesOf(page)) {
      for (const [index, word] of line.entries()) {
        const from = OPENS.test(word.text) ? index : NAMES.test(word.text) ? index + 1 : -1;
        if (from < 0) continue;
        for (let end = from + 3; end <= Math.min(line.length, from + 10); end++) {
          const words = line.slice(from, end);
          const period = readPeriod(words.map((candidate) => candidate.text).join(" "), dates);
          if (period) return fieldsOf(period, words, page.page);
        }
      }
    }
  }
  return {};
}

function fieldsOf(period: { start: string; end: string }, words: PageWord[], page: number): Record<string, ExtractedValue> {
  const printed = words.map((word) => word.text).join(" ");
  const value = (day: string): ExtractedValue => ({ value: day, printed, confidence: 0.8, location: locate(words, page) });
  return { service_start: value(period.start), service_end: value(period.end) };
}
