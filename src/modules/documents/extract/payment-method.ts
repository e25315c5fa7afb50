import type { PageText } from "../text/page-text.ts";
import { readAmount } from "../values/read-amount.ts";
import type { ExtractedValue } from "./extracted.ts";
import { linesOf, locate } from "./page-lines.ts";

/** Payment methods known by name, as their owners spell them. */
const BRANDS = [
  "iDEAL",
  "PayPal",
  "Bancontact",
  "Sofort",
  "Klarna",
  "Giropay",
  "Visa",
  "Mastercard",
  "Maestro",
  "American Express",
  "Amex",
  "Apple Pay",
  "Google Pay",
];

/**
 * How an invoice was paid where no label says: a payment method known by name on a line that
 * also holds an amount ("''iDEAL'' op 21 april 2015   € 717,97"), the first such line.
 */
export function paymentBrand(pages: PageText[]): ExtractedValue | null {
  for (const page of pages) {
    for (const line of linesOf(page)) {
      if (!line.some((word) => /\d/.test(word.text) && readAmount(word.text))) continue;
      for (const [index, word] of line.entries()) {
        const name = word.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
        const brand = BRANDS.find((candidate) => {
          const [first, second] = candidate.toLowerCase().split(" ");
          const next = line[index + 1]?.text.replace(/[^\p{L}]+$/u, "").toLowerCase();
          return name.toLowerCase() === first && (!second || next === second);
        });
        if (!brand) continue;
        const words = line.slice(index, index + brand.split(" ").length);
        return {
          value: brand,
          printed: words.map((w) => w.text).join(" "),
          confidence: 0.75,
          location: locate(words, page.page),
        };
      }
    }
  }
  return null;
}
