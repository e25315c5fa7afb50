import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { readAmount } from "../values/read-amount.ts";
import { type DateStyle, readDate } from "../values/read-date.ts";
import type { ExtractedValue } from "./extracted.ts";
import { HEADER_SPECS, type HeaderSpec, TOTALS, type ValueType } from "./header-labels.ts";
import { afterLabel } from "./label-cells.ts";
import { type Cell, cellsOf, linesOf, locate } from "./page-lines.ts";

type Grid = { page: number; rows: Cell[][]; confidence: (words: PageWord[]) => number; dates: DateStyle };

/** A candidate read as the field's type: its normalised value and the words it took; null when it is not one. */
function asType(type: ValueType, words: PageWord[], dates: DateStyle): { value: string; words: PageWord[] } | null {
  if (words.length === 0) return null;
  const text = words.map((word) => word.text).join(" ");
  switch (type) {
    case "id": {
      const [first] = words;
      const id = first?.text.replace(/[.,;:]+$/, "") ?? "";
      return /\d/.test(id) && /^[\p{L}\p{N}][\p{L}\p{N}\-/.#]*$/u.test(id) ? { value: id, words: [first as PageWord] } : null;
    }
    case "date":
      for (let length = Math.min(3, words.length); length > 0; length--) {
        const date = readDate(
          words
            .slice(0, length)
            .map((word) => word.text)
            .join(" ")
            .replace(/[.,;:]+$/, ""),
          dates,
        );
        if (date) return { value: date, words: words.slice(0, length) };
      }
      return null;
    case "amount": {
      const amount = readAmount(text);
      return amount ? { value: amount.value, words } : null;
    }
    case "measure": {
      // A number and its unit ("796 LB"): the number.
      const [first, unit] = words;
      const amount = first ? readAmount(first.text) : null;
      return amount && (!unit || /^\p{L}{1,4}$/u.test(unit.text)) && words.length <= 2
        ? { value: amount.value, words: [first as PageWord] }
        : null;
    }
    case "count": {
      const [first] = words;
      return first && /^\d+$/.test(first.text) ? { value: String(Number(first.text)), words: [first] } : null;
    }
    case "code":
      return words.length <= 3 && /^[\p{L}\p{N}][\p{L}\p{N}/%.\- ]{0,20}$/u.test(text) ? { value: text, words } : null;
    case "yes-no": {
      const [first] = words;
      if (!first) return null;
      if (/^(yes|y|x)$/i.test(first.text)) return { value: "true", words: [first] };
      if (/^(no|n|none)$/i.test(first.text)) return { value: "false", words: [first] };
      return null;
    }
    case "text":
      return words.length <= 8 && /\p{L}/u.test(text) ? { value: text, words } : null;
  }
}

/**
 * The cell in the rows under `row` (up to two) that stands under `cell`: the most overlap, else the
 * nearest centre within a width of it (a value centred under a short label, or set a little aside).
 */
function cellBelow(grid: Grid, row: number, cell: Cell): Cell | null {
  const centre = (candidate: Cell) => (candidate.x0 + candidate.x1) / 2;
  for (const next of grid.rows.slice(row + 1, row + 3)) {
    let best: Cell | null = null;
    let score = Number.NEGATIVE_INFINITY;
    for (const candidate of next) {
      const shared = Math.min(candidate.x1, cell.x1) - Math.max(candidate.x0, cell.x0);
      const distance = Math.abs(centre(candidate) - centre(cell));
      const reach = Math.max(cell.x1 - cell.x0, candidate.x1 - candidate.x0);
      const candidateScore = shared > 0 ? shared : distance < reach ? -distance : Number.NEGATIVE_INFINITY;
      if (candidateScore > score) {
        score = candidateScore;
        best = candidate;
      }
    }
    if (best) return best;
  }
  return null;
}

/** What may stand between a label and its value beside it: a rate, a currency, a note in brackets. */
const QUALIFIER = /^(\(.*\)|\d+([.,]\d+)?\s?%|[A-Z]{3}|[$€£]|:)$/u;

/** Labels that name a field only by where they stand ("No.", "Date", "Total"): less sure than "PO Number". */
const GENERIC = new Set([
  "no",
  "date",
  "datum",
  "due",
  "total",
  "totaal",
  "invoice",
  "account",
  "lines",
  "via",
  "buyer",
  "contact",
  "tax",
  "vat",
  "btw",
  "tva",
  "service",
  "carrier",
  "shipment",
]);

/**
 * One field: each of its labels in turn, most specific first, through the pages (the first page
 * first, the last first for totals), taking the first place where a label has a value of the
 * field's type after it in its cell, in the next cell of its line, or under it.
 */
function findField(spec: HeaderSpec, grids: Grid[], isLabel: (cell: Cell) => boolean): ExtractedValue | null {
  const ordered = TOTALS.has(spec.field) ? [...grids].reverse() : grids;
  for (const label of spec.labels) {
    const tokens = label.split(" ");
    for (const grid of ordered) {
      for (const [row, cells] of grid.rows.entries()) {
        for (const [column, cell] of cells.entries()) {
          const rest = afterLabel(cell, tokens);
          if (rest === null) continue;
          // A label that only begins a longer heading ("Invoice Date", "Total HT", "Total Qty") is not
          // this field's: its value is not beside it. A rate or a currency may stand between ("BTW 21%").
          const qualified = rest.every((word) => QUALIFIER.test(word.text));
          const right = qualified ? cells[column + 1] : undefined;
          // Totals stand beside their labels; under a "Total" heading are a table's line amounts.
          const below = rest.length === 0 && !TOTALS.has(spec.field) ? cellBelow(grid, row, cell) : null;
          // After the label in its cell ("Terms: NET45"), else beside it ("BTW 21%   € 124,61"), else under it.
          const candidates: [PageWord[], number][] = [
            [rest, 0.9],
            ...(right && !isLabel(right) ? ([[right.words, 0.85]] as [PageWord[], number][]) : []),
            ...(below && !isLabel(below) ? ([[below.words, 0.8]] as [PageWord[], number][]) : []),
          ];
          for (const [words, placement] of candidates) {
            const read = asType(spec.type, words, grid.dates);
            if (!read) continue;
            const confidence = placement * (GENERIC.has(label) ? 0.9 : 1) * grid.confidence(read.words);
            return {
              value: read.value,
              printed: read.words.map((word) => word.text).join(" "),
              confidence: Math.round(confidence * 100) / 100,
              location: locate(read.words, grid.page),
            };
          }
        }
      }
    }
  }
  return null;
}

/**
 * Whether a document writes its all-number dates day first: a date whose first number is over 12
 * ("28/11/2022") says so, one whose second is over 12 ("03/14/2025") says month first; dotted
 * dates ("14.03.2025") are day first. Month first (the US) when nothing says.
 */
export function dateStyleOf(pages: PageText[]): DateStyle {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const page of pages) {
    for (const word of page.words) {
      const match = /^(\d{1,2})([./-])(\d{1,2})\2\d{2,4}$/.exec(word.text.replace(/[.,;:]+$/, ""));
      if (!match) continue;
      if (Number(match[1]) > 12 || match[2] === ".") dayFirst += 1;
      else if (Number(match[3]) > 12) monthFirst += 1;
    }
  }
  return { order: dayFirst > monthFirst ? "day-first" : "month-first" };
}

/**
 * A document's header fields (numbers, dates, terms, totals, …) by their labels, as `HEADER_SPECS`
 * lists them for its kind. Parties and addresses are not read yet.
 */
export function extractHeader(kind: DocumentKind, pages: PageText[]): Record<string, ExtractedValue> {
  const specs = HEADER_SPECS[kind] ?? [];
  const dates = dateStyleOf(pages);
  const grids: Grid[] = pages.map((page) => ({
    page: page.page,
    rows: linesOf(page).map(cellsOf),
    confidence: (words) => Math.min(1, ...words.map((word) => (word.confidence ?? 100) / 100)),
    dates,
  }));
  const labels = specs.flatMap((spec) => spec.labels.map((label) => label.split(" ")));
  // A cell that is itself a label (a grid's next heading) is never another label's value.
  const isLabel = (cell: Cell) => labels.some((label) => afterLabel(cell, label)?.length === 0);
  const fields: Record<string, ExtractedValue> = {};
  for (const spec of specs) {
    const found = findField(spec, grids, isLabel);
    if (found) fields[spec.field] = found;
  }
  return fields;
}
