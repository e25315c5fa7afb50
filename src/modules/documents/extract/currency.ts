import type { PageText, PageWord } from "../text/page-text.ts";
import { currencyMark } from "../values/read-amount.ts";
import type { ExtractedValue } from "./extracted.ts";
import { locate } from "./page-lines.ts";

const currencyOf = (word: PageWord, page: number, confidence: number): ExtractedValue | null => {
  const mark = currencyMark(word.text);
  return mark ? { value: mark.currency, printed: mark.mark, confidence, location: locate([word], page) } : null;
};

/**
 * A document's currency (ISO code, with the mark it prints: "$", "€", "EUR", "Rs"): the one its
 * total is printed with, else one on the total's line ("Total EUR  34,73", "TOTAL DUE (USD)"), else
 * the one its amounts name most. Null when nothing names one.
 */
export function documentCurrency(fields: Record<string, ExtractedValue>, pages: PageText[]): ExtractedValue | null {
  const total = fields.total;
  const page = pages.find((candidate) => candidate.page === total?.location.page);
  if (total && page) {
    const ofTotal = page.words.filter((word) => word.start >= total.location.start && word.end <= total.location.end);
    const line = page.words.find((word) => word.start === total.location.start)?.line;
    const onLine = page.words.filter((word) => word.line === line);
    for (const [words, confidence] of [
      [ofTotal, 0.9],
      [onLine, 0.85],
    ] as const) {
      for (const word of words) {
        const found = currencyOf(word, page.page, confidence);
        if (found) return found;
      }
    }
  }
  const counts = new Map<string, { count: number; first: ExtractedValue }>();
  for (const candidate of pages) {
    for (const word of candidate.words) {
      const found = currencyOf(word, candidate.page, 0.75);
      if (!found) continue;
      const entry = counts.get(found.value) ?? { count: 0, first: found };
      entry.count += 1;
      counts.set(found.value, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.first ?? null;
}
