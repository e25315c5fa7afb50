import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { readAmount } from "../values/read-amount.ts";
import { readDate } from "../values/read-date.ts";
import type { ExtractedLine, ExtractedValue } from "./extracted.ts";
import { type Cell, cellsOf, linesOf, locate } from "./page-lines.ts";

/** The first cell of an item's block: "Line 3", "Item 12", "Pos. 4". */
const ITEM_START = /^(line|item|pos|ln)\.?\s*#?\s*(\d+)$/i;
const TABLE_END = /\b(sub ?total|total|merchandise|amount due|balance due)\b/i;

const value = (words: PageWord[], page: number, normalised: string, confidence = 0.85): ExtractedValue => ({
  value: normalised,
  printed: words.map((word) => word.text).join(" "),
  confidence: Math.min(confidence, ...words.map((word) => (word.confidence ?? 100) / 100)),
  location: locate(words, page),
});

/**
 * Line items written as blocks rather than a table: a block starts with "Line 1" (or "Item 1"),
 * its first row holds labelled cells ("Part HIS-ELE-10112", "Qty 12 RL", "@ 99.35") and the line's
 * amount; the rows under it, up to the next block, hold the description and labelled extras
 * ("Required 01/12/2025").
 */
export function extractLabelledItems(kind: DocumentKind, pages: PageText[]): ExtractedLine[] {
  const part =
    kind === "purchase_order" ? "vendor_part_number" : kind === "rebate_claim" ? "item_number" : "supplier_part_number";
  const items: ExtractedLine[] = [];
  for (const page of pages) {
    let current: ExtractedLine | null = null;
    for (const line of linesOf(page)) {
      const cells = cellsOf(line);
      const first = cells[0] as Cell;
      const start = ITEM_START.exec(first.text);
      if (start) {
        current = { fields: { line_number: value(first.words.slice(-1), page.page, String(Number(start[2]))) } };
        items.push(current);
        readLabelledCells(current, cells.slice(1), page.page, part);
        continue;
      }
      if (!current) continue;
      if (TABLE_END.test(line.map((word) => word.text).join(" "))) {
        current = null;
        continue;
      }
      const labelled = readLabelledCells(current, cells, page.page, part);
      if (!labelled && !current.fields.description)
        current.fields.description = value(line, page.page, first.text === "" ? "" : cells.map((cell) => cell.text).join(" "));
    }
  }
  return items;
}

/** Reads "Label value" cells into the item; whether any cell was one. */
function readLabelledCells(item: ExtractedLine, cells: Cell[], page: number, part: string): boolean {
  let any = false;
  for (const cell of cells) {
    const [label, ...rest] = cell.words;
    if (!label) continue;
    const text = rest.map((word) => word.text).join(" ");
    const name = label.text.toLowerCase().replace(/[.:]$/, "");
    if (rest.length > 0 && (name === "part" || name === "item" || name === "sku" || name === "p/n")) {
      item.fields[part] = value(rest, page, text);
      any = true;
    } else if (rest.length > 0 && (name === "qty" || name === "quantity")) {
      const [count, unit] = rest;
      const amount = count ? readAmount(count.text) : null;
      if (count && amount) item.fields.quantity = value([count], page, amount.value, 0.9);
      if (unit && /^[A-Za-z]{1,4}$/.test(unit.text)) item.fields.uom = value([unit], page, unit.text.toUpperCase());
      any = true;
    } else if (name === "@" && rest.length > 0) {
      const price = readAmount(text);
      if (price) item.fields.unit_price = value(rest, page, price.value, 0.9);
      any = true;
    } else if (rest.length > 0 && /^(required|need by|req date|delivery|ship date)$/.test(name)) {
      const date = readDate(text);
      if (date) item.fields.requested_date = value(rest, page, date, 0.9);
      any = true;
    } else if (
      rest.length === 0 &&
      /^[-(]?[$€£]?\d[\d.,]*[)-]?$/.test(label.text) &&
      cell === cells.at(-1) &&
      !item.fields.amount
    ) {
      const amount = readAmount(label.text);
      if (amount) item.fields.amount = value([label], page, amount.value, 0.9);
      any = true;
    }
  }
  return any;
}
