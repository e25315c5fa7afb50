import type { PageText, PageWord } from "../text/page-text.ts";
import { afterLabel } from "./label-cells.ts";
import { type Cell, cellsOf, linesOf } from "./page-lines.ts";

/** A line of a page as cells, with its top and bottom. */
export type Row = { cells: Cell[]; top: number; bottom: number };

export function rowsOf(page: PageText): Row[] {
  return linesOf(page).map((line) => ({
    cells: cellsOf(line),
    top: Math.min(...line.map((word) => word.box.y0)),
    bottom: Math.max(...line.map((word) => word.box.y1)),
  }));
}

export const charWidth = (cell: Cell) => (cell.x1 - cell.x0) / Math.max(1, cell.text.length);

/**
 * The block of lines that starts with `first` (words at the block's left edge on row `row`) and
 * goes on down the rows whose cell starts at the same edge (or, `centred`, overlaps it), until a
 * gap, a label or six lines.
 */
export function blockFrom(
  rows: Row[],
  row: number,
  first: PageWord[],
  isLabel: (cell: Cell) => boolean,
  centred = false,
): PageWord[][] {
  const x0 = first[0]?.box.x0 ?? 0;
  const x1 = first.at(-1)?.box.x1 ?? 0;
  // A centred letterhead's lines share its middle, not its left edge.
  const under = (candidate: Cell) =>
    centred
      ? Math.min(candidate.x1, x1) - Math.max(candidate.x0, x0) > 0
      : Math.abs(candidate.x0 - x0) <= 2 * charWidth(candidate);
  const lines: PageWord[][] = [first];
  let bottom = (rows[row] as Row).bottom;
  const height = (rows[row] as Row).bottom - (rows[row] as Row).top;
  for (const next of rows.slice(row + 1)) {
    if (lines.length >= 6 || next.top - bottom > 1.8 * height) break;
    const cell = next.cells.find(under);
    // Another column's taller line, level with the block's last (a tagline beside it), is passed over.
    if (!cell && next.top < bottom) continue;
    if (!cell || isLabel(cell)) break;
    lines.push(cell.words);
    bottom = next.bottom;
  }
  return lines;
}

/**
 * Where a labelled block starts: after its label in the label's own cell when the label ends with a
 * colon ("To:  Harbor …", "VENDOR:  HARBOR …"), else in the cell beside an exact label, else in the
 * cell under it (the cell that stands under the label, which may be centred over its block). A
 * label spaced out over two cells ("SHIP  FROM") is read as one.
 */
export function findBlock(
  rows: Row[],
  names: string[],
  isLabel: (cell: Cell) => boolean,
): { row: number; words: PageWord[] } | null {
  for (const name of names) {
    const label = name.split(" ");
    for (const [index, row] of rows.entries()) {
      for (const [column, single] of row.cells.entries()) {
        const next = row.cells[column + 1];
        const joined = next && next.x0 - single.x1 < 4 * charWidth(single) ? mergeCells(single, next) : null;
        for (const [cell, used] of [[single, 1], ...(joined ? [[joined, 2]] : [])] as [Cell, number][]) {
          const rest = afterLabel(cell, label);
          if (rest === null) continue;
          const colon = /:$/.test(cell.words[cell.words.length - rest.length - 1]?.text ?? "");
          if (rest.length > 0) {
            if (colon) return { row: index, words: rest };
            continue;
          }
          const beside = row.cells[column + used];
          if (colon && beside && !isLabel(beside) && beside.x0 - cell.x1 < 20 * charWidth(cell))
            return { row: index, words: beside.words };
          const below = rows[index + 1]?.cells.find(
            (candidate) =>
              Math.min(candidate.x1, cell.x1) - Math.max(candidate.x0, cell.x0) > 0 ||
              Math.abs(candidate.x0 - cell.x0) <= 2 * charWidth(candidate),
          );
          if (below && !isLabel(below)) return { row: index + 1, words: below.words };
        }
      }
    }
  }
  return null;
}

const mergeCells = (a: Cell, b: Cell): Cell => ({
  text: `${a.text} ${b.text}`,
  words: [...a.words, ...b.words],
  x0: a.x0,
  x1: b.x1,
});
