import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { readAmount } from "../values/read-amount.ts";
import type { ExtractedLine, ExtractedValue } from "./extracted.ts";
import { type Cell, cellsOf, linesOf, locate } from "./page-lines.ts";

/** Rows that sum or tax the charges, not charges themselves. */
const NOT_A_CHARGE =
  /\b(sub ?total|total|amount due|balance|tax|vat|gst|btw|tva|mwst|credits?|payments?|freight|shipping|discount)\b/i;
/** Indents within this many points are one level. */
const SAME_INDENT = 4;
/** How sure a value is that the list implies: one charge is one of it, at its amount. */
const IMPLIED = 0.5;

type Charge = { indent: number; description: Cell; amount: Cell; words: PageWord[] };

const chargeValue = (words: PageWord[], page: number, normalised: string, confidence: number): ExtractedValue => ({
  value: normalised,
  printed: words.map((word) => word.text).join(" "),
  confidence: Math.min(confidence, ...words.map((word) => (word.confidence ?? 100) / 100)),
  location: locate(words, page),
});

/** A row that is a named charge: a description on the left, one amount on the right, nothing between. */
function chargeOf(line: PageWord[]): Charge | null {
  const cells = cellsOf(line);
  if (cells.length !== 2) return null;
  const [description, amount] = cells as [Cell, Cell];
  if (!/\p{L}{3,}/u.test(description.text) || NOT_A_CHARGE.test(description.text)) return null;
  if (!readAmount(amount.text) || !/\d[.,]\d{2}\b/.test(amount.text)) return null;
  return { indent: description.x0, description, amount, words: line };
}

/**
 * An invoice that bills services as a list without a table header (a cloud provider's "Detail":
 * each service and its charge, the charge broken down under it, further in): the charges are the
 * rows at one indent, each a name and an amount, two or more of them in a run, each row further in
 * under one being its breakdown. A one-row run is a summary, not a list. Each charge is a line of
 * one at its amount — implied, so a person confirms the first of a sender's.
 */
export function extractChargeList(kind: DocumentKind, pages: PageText[]): ExtractedLine[] {
  if (kind !== "invoice" && kind !== "credit_note") return [];
  const runs: { page: number; charges: Charge[] }[] = [];
  for (const page of pages) {
    let run: Charge[] = [];
    const close = () => {
      if (run.length >= 2) runs.push({ page: page.page, charges: run });
      run = [];
    };
    for (const line of linesOf(page)) {
      const charge = chargeOf(line);
      const indent = Math.min(...line.map((word) => word.box.x0));
      const level = run[0]?.indent;
      if (level !== undefined && indent > level + SAME_INDENT) continue;
      if (!charge || (level !== undefined && Math.abs(charge.indent - level) > SAME_INDENT)) {
        close();
        if (charge) run.push(charge);
        continue;
      }
      run.push(charge);
    }
    close();
  }
  const chosen = runs.sort((a, b) => b.charges.length - a.charges.length)[0];
  if (!chosen) return [];
  return chosen.charges.map((charge) => {
    const amount = readAmount(charge.amount.text)?.value ?? "";
    return {
      fields: {
        description: chargeValue(charge.description.words, chosen.page, charge.description.text, 0.8),
        quantity: chargeValue(charge.description.words, chosen.page, "1", IMPLIED),
        unit_price: chargeValue(charge.amount.words, chosen.page, amount, IMPLIED),
        amount: chargeValue(charge.amount.words, chosen.page, amount, 0.8),
      },
    };
  });
}
