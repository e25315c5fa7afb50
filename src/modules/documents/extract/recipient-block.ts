import type { PageWord } from "../text/page-text.ts";
import { readPostalLine } from "../values/postal-line.ts";
import type { Cell } from "./page-lines.ts";
import { charWidth, type Row } from "./party-rows.ts";

const textOf = (cell: Cell) => cell.text;
const heightOf = (cell: Cell) => Math.max(...cell.words.map((word) => word.box.y1 - word.box.y0));

/**
 * An address block with no label, in the top half of the first page: a city line ("1025 RX
 * Amsterdam", "Scranton PA 18503") with the lines above it that share its left edge and its type
 * size (a name and a street or two; a larger tagline above is not the name), and a country line
 * under it. An invoice's recipient, where no "Bill to" names it. Null when there is none outside
 * `taken` (the seller's and labelled blocks' words).
 */
export function recipientBlock(rows: Row[], height: number, taken: (word: PageWord) => boolean): PageWord[][] | null {
  const middle = height / 2;
  for (const [index, row] of rows.entries()) {
    if (row.top > middle) break;
    for (const cell of row.cells) {
      if (cell.words.some(taken) || !readPostalLine(textOf(cell))) continue;
      const lines: PageWord[][] = [cell.words];
      let top = row.top;
      for (let above = index - 1; above >= 0 && lines.length < 5; above--) {
        const previous = rows[above] as Row;
        const next = previous.cells.find(
          (candidate) =>
            Math.abs(candidate.x0 - cell.x0) <= 2 * charWidth(candidate) &&
            Math.abs(heightOf(candidate) - heightOf(cell)) <= 0.25 * heightOf(cell),
        );
        if (!next) {
          if (previous.bottom > top - 0.5 * heightOf(cell)) continue;
          break;
        }
        if (top - previous.bottom > 1.8 * heightOf(cell) || next.words.some(taken) || /:$/.test(next.text)) break;
        lines.unshift(next.words);
        top = previous.top;
      }
      if (lines.length < 3) continue;
      const country = rows[index + 1]?.cells.find((candidate) => Math.abs(candidate.x0 - cell.x0) <= 2 * charWidth(candidate));
      return country ? [...lines, country.words] : lines;
    }
  }
  return null;
}
