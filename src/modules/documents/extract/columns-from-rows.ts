import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageWord } from "../text/page-text.ts";
import { type LineField, resolvePartColumns } from "./line-columns.ts";
import { type Cell, cellsOf } from "./page-lines.ts";
import { CODE_LIKE, type Column } from "./row-cells.ts";
import { unitOf } from "./units.ts";

/** A number as OCR prints it, noise marks around it allowed ("26),", "4.92)", "$1,204.00"). */
const NUMBER_WORD = /^[^\p{L}\p{N}]*[$€£]?\d[\d.,]*[^\p{L}\p{N}]*$/u;
/** A number with cents (or more decimals) at its end: a price or an amount. */
const DECIMAL = /\d[.,]\d{2,4}[^\p{L}\p{N}]*$/u;
/** Words that end a table or stand in its totals: such rows are not items. */
const TOTALS = /\b(?:sub ?total|total|tax|amount due|balance|freight|shipping)\b/i;

type Kind = "number" | "decimal" | "code" | "unit" | "text";
type Found = { kind: Kind; cell: Cell; row: number };
type Cluster = { kind: Kind; x0: number; x1: number; rows: Set<number>; cells: Cell[] };

/** What a cell of an OCR'd row holds: a whole number, a number with cents, a code, a unit, or words. */
function kindOf(cell: Cell): Kind {
  const words = cell.words.map((word) => word.text);
  if (words.every((text) => NUMBER_WORD.test(text))) {
    // "206 71": OCR parted a number at its decimal point.
    const last = words.at(-1) as string;
    return DECIMAL.test(cell.text) || (words.length === 2 && /^\d{2}\W*$/.test(last)) ? "decimal" : "number";
  }
  const joined = words.join("");
  if (CODE_LIKE.test(joined.replace(/[^\p{L}\p{N}]+$/u, "")) && /\d{3}/.test(joined) && words.length <= 3) return "code";
  if (words.length === 1 && joined.length <= 4 && unitOf(joined)) return "unit";
  return "text";
}

/** A cell parted where numbers meet words ("26), Bx" is a quantity and a unit), unless it is one code ("HIS. FAS. 10038"). */
function partsOf(cell: Cell): Cell[] {
  if (kindOf(cell) === "code") return [cell];
  const parts: Cell[] = [];
  for (const word of cell.words) {
    const last = parts.at(-1);
    const lastWord = last?.words.at(-1);
    if (last && lastWord && NUMBER_WORD.test(lastWord.text) === NUMBER_WORD.test(word.text)) {
      last.words.push(word);
      last.text += ` ${word.text}`;
      last.x1 = word.box.x1;
    } else parts.push({ text: word.text, words: [word], x0: word.box.x0, x1: word.box.x1 });
  }
  return parts;
}

/** Whether an OCR'd row reads as an item: a price or an amount, another number, and some words. */
function itemLike(line: PageWord[] | undefined): boolean {
  if (!line || TOTALS.test(line.map((word) => word.text).join(" "))) return false;
  const parts = cellsOf(line).flatMap(partsOf);
  const numbers = parts.filter((cell) => {
    const kind = kindOf(cell);
    return kind === "number" || kind === "decimal";
  });
  return (
    numbers.some((cell) => kindOf(cell) === "decimal") && numbers.length >= 2 && line.some((word) => /\p{L}{3}/u.test(word.text))
  );
}

/** Cells of the rows, grouped into columns: cells of one kind whose spans overlap across rows. */
function clustersOf(found: Found[]): Cluster[] {
  const clusters: Cluster[] = [];
  const numeric = (kind: Kind) => kind === "number" || kind === "decimal";
  for (const { kind, cell, row } of [...found].sort((a, b) => a.cell.x0 - b.cell.x0)) {
    const cluster = clusters.find(
      (c) => (c.kind === kind || (numeric(c.kind) && numeric(kind))) && cell.x0 < c.x1 && cell.x1 > c.x0,
    );
    if (cluster) {
      cluster.x0 = Math.min(cluster.x0, cell.x0);
      cluster.x1 = Math.max(cluster.x1, cell.x1);
      cluster.rows.add(row);
      cluster.cells.push(cell);
      if (kind === "decimal") cluster.kind = "decimal";
    } else clusters.push({ kind, x0: cell.x0, x1: cell.x1, rows: new Set([row]), cells: [cell] });
  }
  return clusters;
}

/**
 * Columns of an OCR'd table whose header could not be read (a shaded header row that scanned as
 * dither), found from its rows: at least three rows in a run that each read as an item (a price or
 * amount, another number, words). Their cells, grouped by where they stand, make the columns: the
 * rightmost column of prices is the amount and the one before it the unit price; a column of whole
 * numbers the quantity (and a first one, left of everything, counting 1, 2, 3… the line number); a
 * column of codes the part number; a column of units the unit of measure; the widest column of words
 * the description. The first such run from line `from` on whose rows make a quantity, price and
 * amount: its rows are `start` to before `end`. Null when none does.
 */
export function columnsFromRows(
  kind: DocumentKind,
  lines: PageWord[][],
  from: number,
): { start: number; end: number; columns: Column[] } | null {
  for (let start = from; start < lines.length; start++) {
    if (!itemLike(lines[start])) continue;
    // The run of item rows, over a row between two of them that OCR read too poorly to tell.
    let end = start;
    while (itemLike(lines[end]) || (itemLike(lines[end + 1]) && end > start)) end++;
    const columns = end - start >= 3 ? columnsOfRows(kind, lines.slice(start, end)) : null;
    if (columns) return { start, end, columns };
    start = end;
  }
  return null;
}

/** The columns item rows make (see `columnsFromRows`), or null. */
function columnsOfRows(kind: DocumentKind, rows: PageWord[][]): Column[] | null {
  const found: Found[] = rows.flatMap((line, row) =>
    cellsOf(line)
      .flatMap(partsOf)
      .map((cell) => ({ kind: kindOf(cell), cell, row })),
  );
  const regular = clustersOf(found).filter((cluster) => cluster.rows.size >= Math.ceil(rows.length / 2));
  const prices = regular.filter((cluster) => cluster.kind === "decimal").sort((a, b) => a.x0 - b.x0);
  const amount = prices.at(-1);
  const price = prices.at(-2);
  if (!amount || !price) return null;
  const named: { field: LineField; cluster: Cluster }[] = [
    { field: "amount", cluster: amount },
    { field: "unit_price", cluster: price },
  ];
  const counts = regular.filter((cluster) => cluster.kind === "number" && cluster.x1 <= price.x0).sort((a, b) => a.x0 - b.x0);
  const leftmost = Math.min(...regular.map((cluster) => cluster.x0));
  const [first, second] = counts;
  const counting = (cluster: Cluster) =>
    cluster.x0 <= leftmost &&
    cluster.cells.every((cell) => /^\W*\d{1,3}\W*$/.test(cell.text) && Number(cell.text.replace(/\D/g, "")) <= 999);
  if (first && second && counting(first))
    named.push({ field: "line_number", cluster: first }, { field: "quantity", cluster: second });
  else if (first) named.push({ field: "quantity", cluster: first });
  else return null;
  const code = regular.find((cluster) => cluster.kind === "code" && cluster.x1 <= price.x0);
  const partField = resolvePartColumns(kind, ["part_number"])[0];
  if (code && partField) named.push({ field: partField, cluster: code });
  const unit = regular.find((cluster) => cluster.kind === "unit" && cluster.x1 <= price.x0);
  if (unit) named.push({ field: "uom", cluster: unit });
  const width = (cluster: Cluster) => cluster.cells.reduce((sum, cell) => sum + cell.text.length, 0);
  const description = regular
    .filter((cluster) => cluster.kind === "text" && cluster.x1 <= price.x1)
    .sort((a, b) => width(b) - width(a))[0];
  if (description) named.push({ field: "description", cluster: description });
  return named.map(({ field, cluster }) => ({ field, x0: cluster.x0, x1: cluster.x1 })).sort((a, b) => a.x0 - b.x0);
}
