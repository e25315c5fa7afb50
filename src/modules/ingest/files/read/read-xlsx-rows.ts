import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { FileFormat } from "../../contract/index.ts";
import { FileReadError, type FileRow } from "./file-row.ts";
import { columnIndex, excelSerialToIso, isDateFormatId, numberCell } from "./xlsx-values.ts";

type XlsxFormat = Extract<FileFormat, { type: "xlsx" }>;

/** Parts read whole (the workbook, its relationships, styles) are small; a bigger one is not a workbook we take. */
const MAX_PART_BYTES = 32 * 1024 * 1024;
/** The shared strings are held in memory while the sheet streams. */
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;
const MAX_COLUMNS = 16_384;

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Feeds an entry's XML to a saxes parser chunk by chunk, calling `between` after each chunk (to hand rows on). */
async function* streamXml(stream: Readable, parser: SaxesParser): AsyncGenerator<void> {
  const decoder = new StringDecoder("utf8");
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parser.write(decoder.write(chunk));
    if (failure) throw failure;
    yield;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
  yield;
}

async function readPart(zip: ZipFile, entry: Entry, limit: number, parse: (parser: SaxesParser) => void): Promise<void> {
  if (entry.uncompressedSize > limit) {
    throw new FileReadError(`${entry.fileName} is ${entry.uncompressedSize} bytes unpacked, more than the ${limit} taken`, null);
  }
  const parser = new SaxesParser();
  parse(parser);
  for await (const _ of streamXml(await zip.openReadStreamPromise(entry), parser));
}

type Workbook = {
  sheets: { name: string; rid: string }[];
  targets: Map<string, string>;
  date1904: boolean;
  strings: string[];
  dateStyles: boolean[];
};

async function readWorkbook(zip: ZipFile, entries: Map<string, Entry>): Promise<Workbook> {
  const book: Workbook = { sheets: [], targets: new Map(), date1904: false, strings: [], dateStyles: [] };
  const workbook = entries.get("xl/workbook.xml");
  if (!workbook) throw new FileReadError("not an Excel workbook (.xlsx): it has no xl/workbook.xml", null);
  await readPart(zip, workbook, MAX_PART_BYTES, (parser) =>
    parser.on("opentag", (tag) => {
      const name = local(tag.name);
      if (name === "sheet") {
        const rid = Object.entries(tag.attributes).find(([key]) => key === "r:id" || key.endsWith(":id"))?.[1];
        book.sheets.push({ name: String(tag.attributes.name ?? ""), rid: String(rid ?? "") });
      } else if (name === "workbookPr") {
        book.date1904 = ["1", "true"].includes(String(tag.attributes.date1904 ?? ""));
      }
    }),
  );
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (rels) {
    await readPart(zip, rels, MAX_PART_BYTES, (parser) =>
      parser.on("opentag", (tag) => {
        if (local(tag.name) !== "Relationship") return;
        const target = String(tag.attributes.Target ?? "");
        book.targets.set(String(tag.attributes.Id), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
      }),
    );
  }
  const shared = entries.get("xl/sharedStrings.xml");
  if (shared) {
    await readPart(zip, shared, MAX_SHARED_STRINGS_BYTES, (parser) => {
      let current: string[] | undefined;
      let inText = false;
      let phonetic = 0;
      parser.on("opentag", (tag) => {
        const name = local(tag.name);
        if (name === "si") current = [];
        else if (name === "rPh") phonetic++;
        else if (name === "t" && phonetic === 0) inText = true;
      });
      parser.on("text", (text) => {
        if (inText) current?.push(text);
      });
      parser.on("closetag", (tag) => {
        const name = local(tag.name);
        if (name === "t") inText = false;
        else if (name === "rPh") phonetic--;
        else if (name === "si") {
          book.strings.push((current ?? []).join(""));
          current = undefined;
        }
      });
    });
  }
  const styles = entries.get("xl/styles.xml");
  if (styles) {
    const custom = new Map<number, string>();
    const formats: number[] = [];
    await readPart(zip, styles, MAX_PART_BYTES, (parser) => {
      let inCellXfs = false;
      parser.on("opentag", (tag) => {
        const name = local(tag.name);
        if (name === "numFmt") custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ""));
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) formats.push(Number(tag.attributes.numFmtId ?? 0));
      });
      parser.on("closetag", (tag) => {
        if (local(tag.name) === "cellXfs") inCellXfs = false;
      });
    });
    book.dateStyles = formats.map((id) => isDateFormatId(id, custom));
  }
  return book;
}

type Cell = { column: number; type: string; style: number; text: string; inline: boolean };

function cellValue(cell: Cell, book: Workbook): unknown {
  switch (cell.type) {
    case "s":
      return book.strings[Number(cell.text)] ?? "";
    case "b":
      return cell.text === "1" || cell.text === "true";
    case "str":
    case "inlineStr":
    case "e":
    case "d":
      return cell.text;
    default: {
      if (cell.text === "") return null;
      const value = numberCell(cell.text);
      return typeof value === "number" && book.dateStyles[cell.style] ? excelSerialToIso(value, book.date1904) : value;
    }
  }
}

/**
 * Streams one sheet of an Excel workbook (.xlsx) row by row: the workbook, its shared strings and
 * styles are read first (the strings stay in memory), then the sheet's XML is parsed as it is
 * unzipped. The header row names the columns; each row after it is an object of its cells under
 * their column's name (cells in a column without one are left out): text, numbers, booleans,
 * dates and times as ISO text without a zone, errors (`#N/A`) as their text. `line` is the row's number.
 */
export async function* readXlsxRows(file: string, format: XlsxFormat): AsyncGenerator<FileRow> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw new FileReadError(`not an Excel workbook (.xlsx): ${(error as Error).message}`, null);
  }
  let line = format.header_row;
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const book = await readWorkbook(zip, entries);
    const sheet = format.sheet === undefined ? book.sheets[0] : book.sheets.find((candidate) => candidate.name === format.sheet);
    if (!sheet) {
      const names = book.sheets.map((candidate) => candidate.name).join(", ");
      throw new FileReadError(
        format.sheet === undefined
          ? "the workbook has no sheet"
          : `the workbook has no sheet "${format.sheet}" (it has: ${names})`,
        null,
      );
    }
    const target = book.targets.get(sheet.rid) ?? `xl/worksheets/sheet${book.sheets.indexOf(sheet) + 1}.xml`;
    const part = entries.get(target);
    if (!part) throw new FileReadError(`the sheet "${sheet.name}" is missing from the workbook (${target})`, null);

    let headers: (string | undefined)[] | undefined;
    const ready: FileRow[] = [];
    let rowNumber = 0;
    let cells: Cell[] = [];
    let cell: Cell | undefined;
    let capture = false;
    const parser = new SaxesParser();
    parser.on("opentag", (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === "row") {
        const r = Number(tag.attributes.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        cells = [];
      } else if (name === "c") {
        const reference = tag.attributes.r === undefined ? undefined : columnIndex(String(tag.attributes.r));
        const column = reference ?? (cells.at(-1)?.column ?? -1) + 1;
        const type = String(tag.attributes.t ?? "n");
        cell = { column, type, style: Number(tag.attributes.s ?? 0), text: "", inline: type === "inlineStr" };
      } else if (cell && (name === "v" || (name === "t" && cell.inline))) {
        capture = true;
      }
    });
    parser.on("text", (text) => {
      if (capture && cell) cell.text += text;
    });
    parser.on("closetag", (tag) => {
      const name = local(tag.name);
      if (name === "v" || name === "t") capture = false;
      else if (name === "c" && cell) {
        if (cell.column < MAX_COLUMNS) cells.push(cell);
        cell = undefined;
      } else if (name === "row") {
        line = rowNumber;
        if (rowNumber < format.header_row) return;
        if (rowNumber === format.header_row || !headers) {
          headers = [];
          for (const each of cells) {
            const title = String(cellValue(each, book) ?? "").trim();
            headers[each.column] = title === "" ? undefined : title;
          }
          return;
        }
        const value: Record<string, unknown> = {};
        let any = false;
        for (const each of cells) {
          const title = headers[each.column];
          if (title === undefined || title in value) continue;
          const read = cellValue(each, book);
          value[title] = read;
          if (read !== null && read !== "") any = true;
        }
        if (any) ready.push({ line: rowNumber, ok: true, value });
      }
    });
    for await (const _ of streamXml(await zip.openReadStreamPromise(part), parser)) {
      yield* ready;
      ready.length = 0;
    }
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(`cannot read the workbook from row ${line}: ${(error as Error).message}`, line);
  } finally {
    zip.close();
  }
}
