import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { readAmount } from "../values/read-amount.ts";
import { readDate } from "../values/read-date.ts";
import { extractChargeList } from "./charge-list.ts";
import { columnsFromRows } from "./columns-from-rows.ts";
import type { ExtractedLine, ExtractedValue } from "./extracted.ts";
import { extractLabelledItems } from "./labelled-items.ts";
import { lineAddsUp, settleByArithmetic } from "./line-arithmetic.ts";
import { headerPhrases, type LineField, resolvePartColumns } from "./line-columns.ts";
import { type ContinuationSpacing, continueLine } from "./line-continuation.ts";
import { settleLineNumbers } from "./line-numbers.ts";
import { isOcr, tidyOcrLine } from "./ocr-words.ts";
import { cellsOf, linesOf, locate } from "./page-lines.ts";
import { settleCodes } from "./part-codes.ts";
import { CODE_LIKE, type Column, NUMERIC_FIELDS, rowCells } from "./row-cells.ts";
import { leadingCode, quantityWithUnit, taxCell } from "./shared-cells.ts";
import { settleUnits, unitOf } from "./units.ts";

/** A line that ends a table: its totals, or its count (in English, Dutch, German and French). */
const TABLE_END =
  /\b(?:sub ?total|total|merchandise|sale amount|amount due|balance due|total lines|sales tax|sub ?totaal|totaal|exclusief btw|zwischensumme|summe|gesamtbetrag|nettobetrag|sous-total|montant total)\b|\blines:/i;

/**
 * A table's header: a line whose cells read as at least three line fields, one of them a quantity,
 * price, amount or weight. On an OCR'd page a header word may be misread ("Oty", "Hem").
 */
function headerColumns(kind: DocumentKind, line: PageWord[], ocr: boolean): Column[] | null {
  const phrases = cellsOf(line).flatMap((cell) => headerPhrases(cell.words, { tolerant: ocr }));
  // Misread header words count only beside one read as printed (a line of misreadings is not a header).
  if (!phrases.some((phrase) => !phrase.misread)) return null;
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

/**
 * An OCR'd header's columns, placed where the rows under it stand: when the rows right under the
 * header read as a table by themselves (`columnsFromRows`), a field they place is where its values
 * are (an OCR'd header word's box is rough, and a misread header word names nothing); a field only
 * the header names stays where the header has it, unless a column of the rows stands there.
 */
function withColumnsFromRows(kind: DocumentKind, header: Column[], lines: PageWord[][], index: number): Column[] {
  const rows = columnsFromRows(kind, lines, index + 1);
  if (!rows || rows.start > index + 2) return header;
  const placed = rows.columns;
  const kept = header.filter(
    (column) =>
      !placed.some((other) => other.field === column.field) &&
      !placed.some((other) => Math.min(other.x1, column.x1) > Math.max(other.x0, column.x0)),
  );
  return [...placed, ...kept].sort((a, b) => a.x0 - b.x0);
}

/** A row's printed quantity, price and amount, and its numbers left over, as the line's arithmetic may read them (a little less sure). */
function arithmeticCandidates(byField: Map<LineField, PageWord[]>, spare: PageWord[], page: number) {
  const candidate = (words: PageWord[]) => ({
    printed: words.map((word) => word.text).join(" "),
    value: (normalised: string): ExtractedValue => ({
      value: normalised,
      printed: words.map((word) => word.text).join(" "),
      confidence: 0.8 * seenOf(words),
      location: locate(words, page),
    }),
  });
  return [
    ...(["quantity", "unit_price", "amount"] as const).flatMap((field) => {
      const words = byField.get(field);
      return words ? [{ field, candidate: candidate(words) }] : [];
    }),
    ...spare.map((word) => ({ candidate: candidate([word]) })),
  ];
}

/**
 * Cells of an OCR'd row under no header a table has (OCR lost the header word): a row's first cell,
 * a whole number left of every column, is its line number when the table names none; a code ("HIS-FAS-10077",
 * letters or a dash with digits) is its part number when the table names no part column, as the
 * document's writer would call it. A little less sure than a value under its header.
 */
function readUnnamed(
  kind: DocumentKind,
  fields: Record<string, ExtractedValue>,
  unnamed: PageWord[][],
  columns: Column[],
  page: number,
) {
  const first = columns[0];
  const named = (test: (field: LineField) => boolean) => columns.some((column) => test(column.field));
  for (const cell of unnamed) {
    const text = cell.map((word) => word.text).join(" ");
    const [word] = cell;
    if (!word) continue;
    if (
      !fields.line_number &&
      !named((field) => field === "line_number") &&
      first &&
      word.box.x1 <= first.x0 &&
      /^\d{1,3}$/.test(text)
    ) {
      fields.line_number = {
        value: String(Number(text)),
        printed: text,
        confidence: 0.7 * seenOf(cell),
        location: locate(cell, page),
      };
      continue;
    }
    const partField = resolvePartColumns(kind, ["part_number"])[0];
    if (
      partField &&
      !fields[partField] &&
      !named((field) => field.endsWith("part_number")) &&
      cell.length === 1 &&
      CODE_LIKE.test(text)
    ) {
      fields[partField] = { value: text, printed: text, confidence: 0.7 * seenOf(cell), location: locate(cell, page) };
    }
  }
}

/**
 * A row's values by column: each cell read as its field; a quantity cell with its unit ("1.00 kg")
 * gives both; a tax column's cell its rate or amount; a description led by the item's code
 * ("[FURN_7777] Office Chair") gives the code, when no column holds one.
 */
function rowValues(kind: DocumentKind, byField: Map<LineField, PageWord[]>, page: number): Record<string, ExtractedValue> {
  const fields: Record<string, ExtractedValue> = {};
  for (const [field, words] of byField) {
    if (field === "tax_rate") {
      const tax = taxCell(words, page, seenOf(words));
      if (tax) fields[tax.field] = tax.value;
      continue;
    }
    const value = cellValue(field, words, page);
    if (value) fields[field] = value;
    else if (field === "quantity") {
      const split = quantityWithUnit(words, page, seenOf(words));
      if (split) {
        fields.quantity = split.quantity;
        if (!byField.has("uom")) fields.uom = split.uom;
      }
    }
  }
  const described = byField.get("description");
  const partField = resolvePartColumns(kind, ["part_number"])[0];
  const coded = Object.keys(fields).some((field) => field.endsWith("part_number"));
  const led = described && !coded ? leadingCode(described) : null;
  if (led && partField) {
    fields[partField] = {
      value: led.code,
      printed: led.codeWords.map((word) => word.text).join(" "),
      confidence: 0.8 * seenOf(led.codeWords),
      location: locate(led.codeWords, page),
    };
    const rest = cellValue("description", led.rest, page);
    if (rest) fields.description = rest;
  }
  return fields;
}

/** How sure OCR was of the words (the least sure of them, 0–1); 1 for a text layer. */
function seenOf(words: PageWord[]): number {
  const ocr = words.map((word) => word.confidence).filter((value): value is number => value !== undefined);
  return ocr.length > 0 ? Math.min(...ocr) / 100 : 1;
}

/** An OCR'd number without the marks OCR read around it ("26),", "4.92)", "|878.73"); an accounting "(12.00)" kept. */
const bareNumber = (printed: string) =>
  printed.startsWith("(") && printed.endsWith(")")
    ? printed
    : printed.replace(/^[^\p{L}\p{N}$€£(-]+|[^\p{L}\p{N}]+$/gu, "").replace(/^\((?=[^)]*$)/, "");

function cellValue(field: LineField, words: PageWord[], page: number): ExtractedValue | null {
  const printed = words.map((word) => word.text).join(" ");
  const location = locate(words, page);
  const seen = seenOf(words);
  const ocr = words.some((word) => word.confidence !== undefined);
  if (NUMERIC_FIELDS.has(field)) {
    const amount = readAmount(ocr ? bareNumber(printed) : printed);
    if (amount) return { value: amount.value, printed, confidence: 0.9 * seen, location };
    // OCR lost the point of a price or an amount, leaving a gap before its cents ("206 71").
    const parted =
      ocr && (field === "amount" || field === "unit_price")
        ? /^([$€£]?\d{1,3}(?:,\d{3})*) (\d{2})$/.exec(bareNumber(printed))
        : null;
    const whole = parted ? readAmount(`${parted[1]}.${parted[2]}`) : null;
    return whole ? { value: whole.value, printed, confidence: 0.8 * seen, location } : null;
  }
  if (field === "requested_date") {
    const date = readDate(printed);
    return date ? { value: date, printed, confidence: 0.9 * seen, location } : null;
  }
  if (field.endsWith("part_number") && words.some((word) => word.confidence !== undefined)) {
    // OCR splits a code at its dashes now and then ("HIS-FAS- 10042"): the pieces are one code.
    // A dash may read as a period after letters ("HIS. FAS. 10038"), or be lost between pieces ("HIS-FAS 10056").
    const joined = printed
      .replace(/(?<=[A-Za-z])\. ?(?=[A-Za-z0-9])/g, "-")
      .replace(/(?<=-) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=-)/g, "");
    const pieces = joined.split(" ");
    const code =
      pieces.length > 1 && joined.includes("-") && pieces.every((piece) => /^[A-Z0-9-]+$/.test(piece))
        ? pieces.join("-")
        : joined;
    return { value: code, printed, confidence: 0.85 * seen, location };
  }
  if (field === "uom") {
    // On an OCR'd page a unit may be misread ("8x", "RL."): read as the unit it spells.
    const unit = words.some((word) => word.confidence !== undefined) ? unitOf(printed) : printed.toUpperCase();
    return unit ? { value: unit, printed, confidence: 0.85 * seen, location } : null;
  }
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
 * lines as labelled blocks ("Line 1  Part …  Qty 12 RL  @ 99.35"): those are read instead; else a
 * list of named charges (`charge-list.ts`).
 */
export function extractLines(kind: DocumentKind, pages: PageText[]): ExtractedLine[] {
  const fromTables = extractTableLines(kind, pages);
  if (fromTables.length > 0) return fromTables;
  const labelled = extractLabelledItems(kind, pages);
  return labelled.length > 0 ? labelled : extractChargeList(kind, pages);
}

function extractTableLines(kind: DocumentKind, pages: PageText[]): ExtractedLine[] {
  const result: ExtractedLine[] = [];
  for (const page of pages) {
    const ocr = isOcr(page);
    const first = result.length;
    const lines = ocr
      ? linesOf(page)
          .map(tidyOcrLine)
          .filter((line) => line.length > 0)
      : linesOf(page);
    let columns: Column[] | null = null;
    // After a totals row on a text page: a section's subtotal, when items follow under the same columns.
    let paused = false;
    let previous: ExtractedLine | null = null;
    const spacing: ContinuationSpacing = { tightGap: null };
    let previousBottom = 0;
    // On an OCR'd page, a table whose header OCR could not read is found from its rows.
    let fromRows: ReturnType<typeof columnsFromRows> | undefined;
    for (const [index, line] of lines.entries()) {
      if (columns && fromRows && columns === fromRows.columns && index >= fromRows.end) {
        // A table found from its rows ends with them.
        columns = null;
        previous = null;
      }
      if (paused) {
        const header = headerColumns(kind, line, ocr);
        if (header) {
          columns = header;
          paused = false;
          previousBottom = Math.max(...line.map((word) => word.box.y1));
          continue;
        }
      }
      if (!columns) {
        const header = headerColumns(kind, line, ocr);
        if (header) {
          columns = ocr ? withColumnsFromRows(kind, header, lines, index) : header;
          previousBottom = Math.max(...line.map((word) => word.box.y1));
          continue;
        }
        if (ocr) {
          if (fromRows === undefined || (fromRows && fromRows.start < index)) fromRows = columnsFromRows(kind, lines, index);
          if (fromRows?.start === index) columns = fromRows.columns;
        }
        if (!columns) {
          previousBottom = Math.max(...line.map((word) => word.box.y1));
          continue;
        }
      }
      const { byField, spare, unnamed } = rowCells(line, columns, ocr);
      const top = Math.min(...line.map((word) => word.box.y0));
      const height = Math.max(...line.map((word) => word.box.y1 - word.box.y0));
      const fields = rowValues(kind, byField, page.page);
      if (ocr) {
        settleByArithmetic(fields, arithmeticCandidates(byField, spare, page.page));
        readUnnamed(kind, fields, unnamed, columns, page.page);
      }
      // A totals row ends the table; a line that only names such a word ("Merchandise display
      // rack", 1 at 45.00) is an item: it has a quantity with a price or an amount.
      const priced = Boolean(fields.quantity && (fields.unit_price || fields.amount));
      if (TABLE_END.test(line.map((word) => word.text).join(" ")) && !priced) {
        if (ocr) columns = null;
        else paused = true;
        previous = null;
        continue;
      }
      if (paused) {
        // Past a totals row, only a whole item (described, and its quantity × price making its amount) resumes the table.
        if (!(priced && fields.description && lineAddsUp(fields) === true)) {
          previousBottom = Math.max(...line.map((word) => word.box.y1));
          continue;
        }
        paused = false;
      }
      // On an OCR'd page an item shows two of its quantity, price, amount, part and description (a
      // totals row OCR misread, "Ton $9.00", shows one). One whose numbers are unreadable is still an
      // item when it shows its line number, part and description.
      const shown = ["quantity", "unit_price", "amount", "description"].filter((field) => fields[field]).length;
      const coded = Object.keys(fields).some((field) => field.endsWith("part_number"));
      const isItem =
        (Boolean(fields.quantity || fields.amount || (fields.weight && fields.handling_units)) &&
          (!ocr || shown + (coded ? 1 : 0) >= 2)) ||
        (ocr && Boolean(fields.line_number && fields.description) && coded);
      if (isItem) {
        const hazmat = columns.find((column) => column.field === "hazmat");
        if (hazmat) fields.hazmat = markedOrNot(fields.hazmat, hazmat, page.page, line);
        const holds = lineAddsUp(fields);
        if (holds === false)
          for (const field of ["quantity", "unit_price", "amount"])
            if (fields[field]) (fields[field] as ExtractedValue).confidence /= 2;
        previous = { fields };
        result.push(previous);
      } else if (previous && byField.size === 1 && fields.description && top - previousBottom < 1.5 * height) {
        continueLine(previous, fields.description, top - previousBottom, height, spacing);
      }
      previousBottom = Math.max(...line.map((word) => word.box.y1));
    }
    if (ocr) settlePageWords(result.slice(first));
  }
  return result;
}

/**
 * An OCR'd page's misread units and part numbers' lost dashes, settled by its other lines'
 * (`settleUnits`, `settleCodes`), a little less sure; its line numbers by their sequence
 * (`settleLineNumbers`), not sure enough to pass without a person.
 */
function settlePageWords(lines: ExtractedLine[]) {
  const partFields = [...new Set(lines.flatMap((line) => Object.keys(line.fields)))].filter((field) =>
    field.endsWith("part_number"),
  );
  const settlers: [string, (values: string[]) => string[]][] = [
    ["uom", settleUnits],
    ...partFields.map((field): [string, (values: string[]) => string[]] => [field, settleCodes]),
  ];
  for (const [field, settle] of settlers) {
    const settled = settle(lines.map((line) => line.fields[field]?.value ?? ""));
    for (const [index, line] of lines.entries()) {
      const value = line.fields[field];
      if (!value || settled[index] === value.value) continue;
      value.value = settled[index] as string;
      value.confidence *= 0.8;
    }
  }
  const numbers = settleLineNumbers(
    lines.map((line) => (line.fields.line_number ? Number.parseInt(line.fields.line_number.value, 10) : null)),
  );
  for (const [index, line] of lines.entries()) {
    const number = numbers[index];
    const value = line.fields.line_number;
    if (number === null || number === undefined || (value && Number.parseInt(value.value, 10) === number)) continue;
    // A number lost to OCR stands where the row begins; one misread keeps what was printed.
    const first = Object.values(line.fields).sort((a, b) => a.location.box.x0 - b.location.box.x0)[0];
    if (!value && !first) continue;
    line.fields.line_number = {
      value: String(number),
      printed: value?.printed ?? "",
      confidence: 0.5,
      location: (value ?? first)?.location as ExtractedValue["location"],
    };
  }
}
