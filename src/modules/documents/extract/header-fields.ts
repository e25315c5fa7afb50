import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { numberStyleOf } from "../values/number-style.ts";
import type { DateStyle } from "../values/read-date.ts";
import { documentCurrency } from "./currency.ts";
import { impliedSubtotal, receiptNumber } from "./derived-fields.ts";
import type { ExtractedValue } from "./extracted.ts";
import { HEADER_SPECS, type HeaderSpec, TOTALS } from "./header-labels.ts";
import { afterLabel, afterPhrase } from "./label-cells.ts";
import { type Cell, cellsOf, linesOf, locate } from "./page-lines.ts";
import { paymentBrand } from "./payment-method.ts";
import { printedNote } from "./printed-note.ts";
import { servicePeriod } from "./service-period.ts";
import { asType, type Styles } from "./value-types.ts";

type Grid = { page: number; rows: Cell[][]; confidence: (words: PageWord[]) => number; styles: Styles };

/**
 * The cell in the rows under `row` (up to two) that stands under `cell`: the most overlap, else the
 * nearest centre within a width of it (a value centred under a short label, or set a little aside).
 */
function cellBelow(rows: Cell[][], row: number, cell: Cell, reach = 2): Cell | null {
  const centre = (candidate: Cell) => (candidate.x0 + candidate.x1) / 2;
  for (const next of rows.slice(row + 1, row + 1 + reach)) {
    let best: Cell | null = null;
    let score = Number.NEGATIVE_INFINITY;
    for (const candidate of next) {
      const shared = Math.min(candidate.x1, cell.x1) - Math.max(candidate.x0, cell.x0);
      const distance = Math.abs(centre(candidate) - centre(cell));
      const width = Math.max(cell.x1 - cell.x0, candidate.x1 - candidate.x0);
      const candidateScore = shared > 0 ? shared : distance < width ? -distance : Number.NEGATIVE_INFINITY;
      if (candidateScore > score) {
        score = candidateScore;
        best = candidate;
      }
    }
    if (best) return best;
  }
  return null;
}

/** A table's totals row ("Total facture  24.99  5.00  29.99") under a column headed by a totals label: its cell in that column. */
function totalsRowCell(rows: Cell[][], row: number, cell: Cell): Cell | null {
  for (const [offset, next] of rows.slice(row + 1, row + 16).entries()) {
    const first = next[0];
    if (!first || !/^(total|totaal|gesamt|summe|somme)\b/i.test(first.text)) continue;
    const under = cellBelow(rows, row + offset, cell, 1);
    return under && under !== first ? under : null;
  }
  return null;
}

/** What may stand between a label and its value beside it: a rate, a currency, a note in brackets. */
const QUALIFIER = /^(\(.*\)|\d+([.,]\d+)?\s?%|[A-Z]{3}|[$€£]|:|\*+)$/u;
/** A tax's base after its rate: "Tax 15% on $ 112.90", "TVA 20 % sur 100,00". */
const BASE = /^(\d+([.,]\d+)?\s?%\s+)?(on|over|sur|op|auf|über)\s+([$€£]\s?)?[\d.,]+(\s?[$€£])?$/iu;

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
  "reference",
]);

/**
 * One field: each of its labels in turn, most specific first, through the pages (the first page
 * first; for totals the last page first, from its foot up), taking the first place where a label
 * has a value of the field's type after it in its cell, in the next cell of its line, or under it
 * (under a totals heading, in the table's totals row).
 */
function findField(spec: HeaderSpec, grids: Grid[], isLabel: (cell: Cell) => boolean): ExtractedValue | null {
  const total = TOTALS.has(spec.field);
  const ordered = total ? [...grids].reverse() : grids;
  const read = (grid: Grid, words: PageWord[], placement: number, generic: boolean): ExtractedValue | null => {
    const found = asType(spec.type, words, grid.styles);
    if (!found) return null;
    const confidence = placement * (generic ? 0.9 : 1) * grid.confidence(found.words);
    return {
      value: found.value,
      printed: found.words.map((word) => word.text).join(" "),
      confidence: Math.round(confidence * 100) / 100,
      location: locate(found.words, grid.page),
    };
  };
  for (const label of spec.labels) {
    const tokens = label.split(" ");
    for (const grid of ordered) {
      // A document's totals are at its foot: a section's subtotal above them is not the document's.
      const rows = [...grid.rows.entries()];
      for (const [row, cells] of total ? rows.reverse() : rows) {
        for (const [column, cell] of cells.entries()) {
          const rest = afterLabel(cell, tokens);
          if (rest === null || spec.notOnLine?.test(cells.map((other) => other.text).join(" "))) continue;
          // A label that only begins a longer heading ("Invoice Date", "Total HT", "Total Qty") is not
          // this field's: its value is not beside it. A rate or a currency may stand between ("BTW 21%").
          const restText = rest.map((word) => word.text).join(" ");
          const qualified = rest.every((word) => QUALIFIER.test(word.text)) || BASE.test(restText);
          const right = qualified ? cells[column + 1] : undefined;
          // Under a totals heading stand a table's line amounts: its total is in the table's totals row.
          const below =
            rest.length === 0 ? (total ? totalsRowCell(grid.rows, row, cell) : cellBelow(grid.rows, row, cell)) : null;
          // After the label in its cell ("Terms: NET45"), else beside it ("BTW 21%   € 124,61"), else under it.
          const candidates: [PageWord[], number][] = [
            [rest, 0.9],
            ...(right && !isLabel(right) ? ([[right.words, 0.85]] as [PageWord[], number][]) : []),
            ...(below && !isLabel(below) ? ([[below.words, 0.8]] as [PageWord[], number][]) : []),
          ];
          for (const [words, placement] of candidates) {
            const found = read(grid, words, placement, GENERIC.has(label));
            if (found) return found;
          }
        }
      }
    }
  }
  for (const phrase of spec.phrases ?? []) {
    for (const grid of ordered) {
      for (const cells of grid.rows) {
        for (const cell of cells) {
          const rest = afterPhrase(cell, phrase.split(" "));
          const found = rest && read(grid, rest, 0.85, false);
          if (found) return found;
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

/** "Facture n°562044387 du 02 Juillet 2015", "Invoice 1234 of 3 May 2024": an invoice's date after its number. */
function datedNumber(number: ExtractedValue, grids: Grid[]): ExtractedValue | null {
  const grid = grids.find((candidate) => candidate.page === number.location.page);
  const words = grid?.rows.flat().flatMap((cell) => cell.words) ?? [];
  const at = words.findIndex((word) => word.end >= number.location.end);
  if (!grid || at < 0 || !/^(du|of|vom|van|del|dated)$/i.test(words[at + 1]?.text ?? "")) return null;
  const date = asType("date", words.slice(at + 2, at + 6), grid.styles);
  return date
    ? {
        value: date.value,
        printed: date.words.map((word) => word.text).join(" "),
        confidence: Math.round(0.85 * grid.confidence(date.words) * 100) / 100,
        location: locate(date.words, grid.page),
      }
    : null;
}

/**
 * A document's header fields (numbers, dates, terms, totals, references, …) by their labels, as
 * `HEADER_SPECS` lists them for its kind; an invoice's currency, service period and payment method
 * also where no label names them, and its untaxed amount and a receipt's number where the document
 * implies them (`derived-fields.ts`, not sure enough to pass without a person).
 */
export function extractHeader(kind: DocumentKind, pages: PageText[]): Record<string, ExtractedValue> {
  const specs = HEADER_SPECS[kind] ?? [];
  const styles: Styles = { dates: dateStyleOf(pages), numbers: numberStyleOf(pages) };
  const grids: Grid[] = pages.map((page) => ({
    page: page.page,
    rows: linesOf(page).map(cellsOf),
    confidence: (words) => Math.min(1, ...words.map((word) => (word.confidence ?? 100) / 100)),
    styles,
  }));
  const labels = specs.flatMap((spec) => spec.labels.map((label) => label.split(" ")));
  // A cell that is itself a label (a grid's next heading) is never another label's value.
  const isLabel = (cell: Cell) => labels.some((label) => afterLabel(cell, label)?.length === 0);
  const fields: Record<string, ExtractedValue> = {};
  for (const spec of specs) {
    const found = findField(spec, grids, isLabel);
    if (found) fields[spec.field] = found;
  }
  if (kind !== "invoice" && kind !== "credit_note") return fields;
  if (fields.invoice_number && !fields.invoice_date) {
    const date = datedNumber(fields.invoice_number, grids);
    if (date) fields.invoice_date = date;
  }
  const currency = documentCurrency(fields, pages);
  if (currency) fields.currency = currency;
  if (!fields.service_start && !fields.service_end) Object.assign(fields, servicePeriod(pages, styles.dates));
  if (!fields.payment_method) {
    const brand = paymentBrand(pages);
    if (brand) fields.payment_method = brand;
  }
  const subtotal = impliedSubtotal(fields);
  if (subtotal) fields.subtotal = subtotal;
  const number = receiptNumber(fields, pages);
  if (number) fields.invoice_number = number;
  const note = printedNote(pages, fields);
  if (note) fields.note = note;
  return fields;
}
