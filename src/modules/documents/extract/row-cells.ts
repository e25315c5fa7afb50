import { continuesPhrase } from "../text/compose-layout.ts";
import type { PageWord } from "../text/page-text.ts";
import type { LineField } from "./line-columns.ts";

/** A column of a table, named by its header, where its header stands. */
export type Column = { field: LineField; x0: number; x1: number };

export const NUMERIC_FIELDS = new Set<LineField>([
  "quantity",
  "quantity_ordered",
  "quantity_backordered",
  "unit_price",
  "amount",
  "discount",
  "tax_rate",
  "rebate_per_unit",
  "weight",
  "handling_units",
  "line_number",
]);
const NUMBER_LIKE = /^[-(]?[$€£]?[\d.,]+[)-]?$/;
const PERCENT = /^-?[\d.,]+ ?%$/;
/** A part number or code: digits with letters or a dash, no spaces ("HIS-FAS-10077", "03831083A"). */
export const CODE_LIKE = /^(?=.*\d)(?=.*[A-Za-z-])[A-Za-z0-9][A-Za-z0-9./-]{3,}$/;

const overlap = (word: PageWord, column: Column) => Math.min(word.box.x1, column.x1) - Math.max(word.box.x0, column.x0);

/**
 * The column a word of a row belongs to: the header it stands under (the most overlap); else the
 * text column it runs on in (its header starts left of the word, the next header right of its
 * end); else, a currency's mark alone goes with the numeric column after it; for a rate ("21%"),
 * the nearest tax or discount column, or none; for a number, the
 * numeric column whose right edge is nearest its own (numbers are right-aligned); else the last
 * column whose header starts left of it.
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
  // A currency's mark standing apart leads the amount after it ("$ 42.00"): the next column's.
  if (/^[$€£]$/.test(word.text) && next && NUMERIC_FIELDS.has(next.field)) return next;
  if (PERCENT.test(word.text)) {
    // A rate under no header is the line's tax or discount rate, never its price or quantity.
    const rates = columns.filter((column) => column.field === "tax_rate" || column.field === "discount");
    return rates.sort((a, b) => Math.abs(a.x1 - word.box.x1) - Math.abs(b.x1 - word.box.x1))[0] ?? null;
  }
  if (NUMBER_LIKE.test(word.text)) {
    const numeric = columns.filter((column) => NUMERIC_FIELDS.has(column.field));
    const nearest = numeric.sort((a, b) => Math.abs(a.x1 - word.box.x1) - Math.abs(b.x1 - word.box.x1))[0];
    if (nearest && Math.abs(nearest.x1 - word.box.x1) < 3 * (nearest.x1 - nearest.x0 + 10)) return nearest;
  }
  return before;
}

/**
 * A row's words by the column each belongs to (`columnOf`), and the numbers left over. Text that
 * runs on past its column's edge into the next one ("… reel (US" under "Quantity") stays with its
 * phrase: always into a numeric column, and on an OCR'd page (whose header boxes are rough) into
 * any other. On an OCR'd page, two cells (words apart, not one phrase) under one header are
 * parted when a neighbouring column has nothing on the row (an OCR'd header's box, widened by a
 * smudge, reached over its neighbour); two numbers still in one numeric column keep the one nearer
 * its right edge, and the other is `spare`, for the line's arithmetic to place. A code standing
 * apart in a text column, and words under no header, are `unnamed` (a column whose header OCR lost).
 */
export function rowCells(
  line: PageWord[],
  columns: Column[],
  ocr: boolean,
): { byField: Map<LineField, PageWord[]>; spare: PageWord[]; unnamed: PageWord[][] } {
  const assigned: { word: PageWord; column: Column }[] = [];
  const unnamed: PageWord[][] = [];
  for (const word of line) {
    const before = assigned.at(-1);
    let column = columnOf(word, columns);
    const runsOn =
      before !== undefined &&
      column !== before.column &&
      !NUMERIC_FIELDS.has(before.column.field) &&
      !NUMBER_LIKE.test(word.text) &&
      // A code is a cell of its own: the words after it (OCR's box of it a little wide) are not more of it.
      !CODE_LIKE.test(before.word.text) &&
      continuesPhrase(before.word.box.x1, word);
    if (before && runsOn && (ocr || (column && NUMERIC_FIELDS.has(column.field)))) column = before.column;
    if (column) assigned.push({ word, column });
    else unnamed.push([word]);
  }
  // Cells per column, in order: a cell is words of one phrase.
  const cells = new Map<Column, PageWord[][]>();
  for (const { word, column } of assigned) {
    const list = cells.get(column) ?? [];
    const last = list.at(-1);
    const lastWord = last?.at(-1);
    if (last && lastWord && continuesPhrase(lastWord.box.x1, word)) last.push(word);
    else list.push([word]);
    cells.set(column, list);
  }
  const spare: PageWord[] = [];
  if (ocr) {
    for (const [index, column] of columns.entries()) {
      const list = cells.get(column);
      const next = columns[index + 1];
      const previous = columns[index - 1];
      while (list && list.length > 1) {
        if (next && !cells.has(next)) cells.set(next, [list.pop() as PageWord[]]);
        else if (previous && !cells.has(previous)) cells.set(previous, [list.shift() as PageWord[]]);
        else break;
      }
      if (list && list.length > 1 && !NUMERIC_FIELDS.has(column.field)) {
        // A code standing apart in a text column after its first cell is a column the header lost (its part numbers).
        const codes = list.slice(1).filter((cell) => cell.length === 1 && CODE_LIKE.test((cell[0] as PageWord).text));
        unnamed.push(...codes);
        cells.set(
          column,
          list.filter((cell) => !codes.includes(cell)),
        );
      }
      if (list && list.length > 1 && NUMERIC_FIELDS.has(column.field)) {
        // Two numbers in one numeric column: the one nearer its right edge is its own.
        const distance = (cell: PageWord[]) => Math.abs((cell.at(-1) as PageWord).box.x1 - column.x1);
        const nearest = list.reduce((best, cell) => (distance(cell) < distance(best) ? cell : best));
        for (const cell of list) if (cell !== nearest) spare.push(...cell);
        cells.set(column, [nearest]);
      }
    }
  }
  const byField = new Map<LineField, PageWord[]>();
  for (const column of columns) {
    const list = cells.get(column);
    if (list) byField.set(column.field, list.flat());
  }
  return { byField, spare, unnamed };
}
