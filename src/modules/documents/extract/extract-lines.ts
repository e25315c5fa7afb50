import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { readAmount } from "../values/read-amount.ts";
import { readDate } from "../values/read-date.ts";
import type { ExtractedLine, ExtractedValue } from "./extracted.ts";
import { extractLabelledItems } from "./labelled-items.ts";
import { lineAddsUp } from "./line-arithmetic.ts";
import { headerPhrases, type LineField, resolvePartColumns } from "./line-columns.ts";
import { cellsOf, linesOf, locate } from "./page-lines.ts";

type Column = { field: LineField; x0: number; x1: number };

const NUMERIC_FIELDS = new Set<LineField>([
  "quantity",
  "unit_price",
  "amount",
  "discount",
  "rebate_per_unit",
  "weight",
  "handling_units",
  "line_number",
]);
/** A line that ends a table: its totals, or its count. */
const TABLE_END = /\b(?:sub ?total|total|merchandise|sale amount|amount due|balance due|total lines|sales tax)\b|\blines:/i;
const NUMBER_LIKE = /^[-(]?[$€£]?[\d.,]+[)-]?$/;

/** A table's header: a line whose cells read as at least three line fields, one of them a quantity, price, amount or weight. */
function headerColumns(kind: DocumentKind, line: PageWord[]): Column[] | null {
  const phrases = cellsOf(line).flatMap((cell) => headerPhrases(cell.words));
  const fields = resolvePartColumns(
    kind,
    phrases.map((phrase) => phrase.field),
  );
  const named = fields.filter((field): field is LineField => field !== null);
  if (new Set(named).size < 3) return null;
  if (!named.some((field) => field === "quantity" || field === "amount" || field === "unit_price" || field === "weight"))
    return null;
  const columns: Column[] = [];
  for (const [index, phrase] of phrases.entries()) {
    const field = fields[index];
    if (!field || columns.some((column) => column.field === field)) continue;
    columns.push({
      field,
      x0: Math.min(...phrase.words.map((word) => word.box.x0)),
      x1: Math.max(...phrase.words.map((word) => word.box.x1)),
    });
  }
  return columns.sort((a, b) => a.x0 - b.x0);
}

const overlap = (word: PageWord, column: Column) => Math.min(word.box.x1, column.x1) - Math.max(word.box.x0, column.x0);

/**
 * The column a word of a row belongs to: the header it stands under (the most overlap); else the
 * text column it runs on in (its header starts left of the word, the next header right of its
 * end); else, for a number, the numeric column whose right edge is nearest its own (numbers are
 * right-aligned); else the last column whose header starts left of it.
 */
function columnOf(word: PageWord, columns: Column[]): Column | null {
  let best: Column | null = null;
  let most = 0;
  for (const column of columns) {
    const shared = overlap(word, column);
    if (shared > most) {
      most = shared;
      best = column;
    }
  }
  if (best) return best;
  const index = columns.findLastIndex((column) => column.x0 <= word.box.x0 + 2);
  const before = index >= 0 ? (columns[index] as Column) : null;
  const next = columns[index + 1];
  if (before && !NUMERIC_FIELDS.has(before.field) && (!next || word.box.x1 <= next.x0)) return before;
  if (NUMBER_LIKE.test(word.text)) {
    const numeric = columns.filter((column) => NUMERIC_FIELDS.has(column.field));
    const nearest = numeric.sort((a, b) => Math.abs(a.x1 - word.box.x1) - Math.abs(b.x1 - word.box.x1))[0];
    if (nearest && Math.abs(nearest.x1 - word.box.x1) < 3 * (nearest.x1 - nearest.x0 + 10)) return nearest;
  }
  return before;
}

function cellValue(field: LineField, words: PageWord[], page: number): ExtractedValue | null {
  const printed = words.map((word) => word.text).join(" ");
  const location = locate(words, page);
  const ocr = words.map((word) => word.confidence).filter((value): value is number => value !== undefined);
  const seen = ocr.length > 0 ? Math.min(...ocr) / 100 : 1;
  if (NUMERIC_FIELDS.has(field)) {
    const amount = readAmount(printed);
    return amount ? { value: amount.value, printed, confidence: 0.9 * seen, location } : null;
  }
  if (field === "requested_date") {
    const date = readDate(printed);
    return date ? { value: date, printed, confidence: 0.9 * seen, location } : null;
  }
  if (field === "uom") return { value: printed.toUpperCase(), printed, confidence: 0.85 * seen, location };
  return { value: printed, printed, confidence: 0.85 * seen, location };
}

/**
 * A column marked with an X for yes (a bill of lading's HM): yes when the row's cell holds a mark,
 * no when it is empty (located at the column's place on the row).
 */
function markedOrNot(cell: ExtractedValue | undefined, column: Column, page: number, line: PageWord[]): ExtractedValue {
  if (cell) return { ...cell, value: String(/^(x|yes|y|✓|✔)$/i.test(cell.printed.trim())), confidence: 0.85 * cell.confidence };
  const y0 = Math.min(...line.map((word) => word.box.y0));
  const y1 = Math.max(...line.map((word) => word.box.y1));
  const at = (line[0] as PageWord).start;
  return {
    value: "false",
    printed: "",
    confidence: 0.8,
    location: { page, start: at, end: at, box: { x0: column.x0, y0, x1: column.x1, y1 } },
  };
}

/**
 * A document's line items from its tables: on each page, a header row names the columns; the rows
 * under it, to the totals, are the lines; a row with only description text continues the line
 * above it. Each value keeps its place; a line whose quantity × price (less its discount) is not its
 * amount has those three's confidence halved, so a person checks them. A document without a table may write its
 * lines as labelled blocks ("Line 1  Part …  Qty 12 RL  @ 99.35"): those are read instead.
 */
export function extractLines(kind: DocumentKind, pages: PageText[]): ExtractedLine[] {
  const fromTables = extractTableLines(kind, pages);
  return fromTables.length > 0 ? fromTables : extractLabelledItems(kind, pages);
}

function extractTableLines(kind: DocumentKind, pages: PageText[]): ExtractedLine[] {
  const result: ExtractedLine[] = [];
  for (const page of pages) {
    const lines = linesOf(page);
    let columns: Column[] | null = null;
    let previous: ExtractedLine | null = null;
    let previousBottom = 0;
    for (const line of lines) {
      if (!columns) {
        columns = headerColumns(kind, line);
        previousBottom = Math.max(...line.map((word) => word.box.y1));
        continue;
      }
      const byField = new Map<LineField, PageWord[]>();
      for (const word of line) {
        const column = columnOf(word, columns);
        if (!column) continue;
        const words = byField.get(column.field) ?? [];
        words.push(word);
        byField.set(column.field, words);
      }
      const top = Math.min(...line.map((word) => word.box.y0));
      const height = Math.max(...line.map((word) => word.box.y1 - word.box.y0));
      const fields: Record<string, ExtractedValue> = {};
      for (const [field, words] of byField) {
        const value = cellValue(field, words, page.page);
        if (value) fields[field] = value;
      }
      // A totals row ends the table; a line that only names such a word ("Merchandise display
      // rack", 1 at 45.00) is an item: it has a quantity with a price or an amount.
      const priced = Boolean(fields.quantity && (fields.unit_price || fields.amount));
      if (TABLE_END.test(line.map((word) => word.text).join(" ")) && !priced) {
        columns = null;
        previous = null;
        continue;
      }
      const isItem = Boolean(fields.quantity || fields.amount || (fields.weight && fields.handling_units));
      if (isItem) {
        const hazmat = columns.find((column) => column.field === "hazmat");
        if (hazmat) fields.hazmat = markedOrNot(fields.hazmat, hazmat, page.page, line);
        const holds = lineAddsUp(fields);
        if (holds === false)
          for (const field of ["quantity", "unit_price", "amount"])
            if (fields[field]) (fields[field] as ExtractedValue).confidence /= 2;
        previous = { fields };
        result.push(previous);
      } else if (previous && byField.size === 1 && byField.has("description") && top - previousBottom < 1.5 * height) {
        const description = previous.fields.description;
        const more = fields.description;
        if (description && more) {
          description.value = `${description.value} ${more.value}`;
          description.printed = `${description.printed} ${more.printed}`;
          description.location.end = more.location.end;
          description.location.box.y1 = more.location.box.y1;
        }
      }
      previousBottom = Math.max(...line.map((word) => word.box.y1));
    }
  }
  return result;
}
