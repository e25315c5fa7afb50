import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { type CsvError, parse } from "csv-parse";
import type { FileFormat } from "../../contract/index.ts";
import { FileReadError, type FileRow, MAX_ROW_BYTES } from "./file-row.ts";

type CsvFormat = Extract<FileFormat, { type: "csv" }>;

const DELIMITERS = [",", ";", "\t", "|"];
const BREAK = /\r\n|\r|\n/g;

/** The delimiter used most often in the header line, outside quotes; a comma when none is. */
export function detectDelimiter(headerLine: string, quote = '"'): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === quote) quoted = !quoted;
    else if (!quoted && DELIMITERS.includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const [char, count] of counts) if (count > (counts.get(best) ?? 0)) best = char;
  return best;
}

/** Line `number` (1-based) of the file's first 64 KB, decoded. */
async function lineOf(file: string, number: number, encoding: BufferEncoding): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString(encoding)
      .replace(/^\uFEFF/, "");
    return text.split(/\r\n|\r|\n/)[number - 1] ?? "";
  } finally {
    await handle.close();
  }
}

/** What csv-parse stopped on, said for a person. */
function describe(error: CsvError | Error): string {
  switch ((error as CsvError).code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quote is never closed: the field that starts there runs to the end of the file";
    case "CSV_MAX_RECORD_SIZE":
      return `a row is longer than ${MAX_ROW_BYTES / 1024 / 1024} MB: most likely a quote that is never closed`;
    default:
      return error.message;
  }
}

/**
 * Streams a CSV file row by row (csv-parse; never the whole file in memory): the header row names
 * the columns, quoted fields may hold delimiters, quotes and line breaks; a UTF-8 byte order mark
 * is skipped. A stray quote inside a field is kept as text. A row with more cells than the header
 * is given back unread, with the reason; a shorter one has its missing cells empty. A quote never
 * closed stops the file (FileReadError) at the line it opens on.
 */
export async function* readCsvRows(
  file: string,
  format: CsvFormat,
  options: { chunkSize?: number } = {},
): AsyncGenerator<FileRow> {
  const encoding = format.encoding as BufferEncoding;
  const headerRow = format.header_row;
  const delimiter = format.delimiter ?? detectDelimiter(await lineOf(file, Math.max(headerRow, 1), encoding), format.quote);
  const stream = createReadStream(file, options.chunkSize ? { highWaterMark: options.chunkSize } : {});
  const parser = parse({
    bom: true,
    raw: true,
    delimiter,
    quote: format.quote,
    escape: format.escape ?? format.quote,
    encoding,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_ROW_BYTES,
    from_line: Math.max(headerRow, 1),
  });
  stream.on("error", (error) => parser.destroy(error));
  stream.pipe(parser);

  let columns: string[] | undefined = headerRow === 0 ? format.columns : undefined;
  let nextLine = Math.max(headerRow, 1);
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const leading = /^(\r\n|\r|\n)*/.exec(raw)?.[0] ?? "";
      const line = nextLine + (leading.match(BREAK)?.length ?? 0);
      nextLine += raw.match(BREAK)?.length ?? 0;
      if (!columns) {
        columns = record.map((name) => name.trim());
        continue;
      }
      if (record.every((cell) => cell.trim() === "")) continue;
      const value: Record<string, string> = {};
      columns.forEach((column, index) => {
        if (column && !(column in value)) value[column] = record[index] ?? "";
      });
      const extra = record.slice(columns.length);
      if (extra.some((cell) => cell.trim() !== "")) {
        yield {
          line,
          ok: false,
          message: `has ${record.length} cells but the header has ${columns.length} (a stray delimiter or quote?); the cells past the header are in _extra_cells`,
          body: JSON.stringify({ ...value, _extra_cells: extra }),
        };
        continue;
      }
      yield { line, ok: true, value };
    }
  } catch (error) {
    // Rows before `nextLine` were given out; what stopped the parser is at or after it.
    const detected = (error as CsvError).lines;
    const where = typeof detected === "number" && detected > nextLine ? ` (found at line ${detected})` : "";
    throw new FileReadError(`cannot read the CSV from line ${nextLine}: ${describe(error as Error)}${where}`, nextLine);
  } finally {
    stream.destroy();
  }
}
