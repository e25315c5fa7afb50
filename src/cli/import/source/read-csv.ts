import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { parse } from "csv-parse";
import { peek, type RowSource, type SourceRow } from "./source-row.ts";

export type CsvOptions = {
  delimiter?: string | undefined;
  encoding?: "utf8" | "latin1" | undefined;
  /** Bytes per read; small values exercise records split across chunks in tests. */
  chunkSize?: number | undefined;
};

const DELIMITERS = [",", ";", "\t", "|"];

/** The delimiter used most often in the header line, outside quotes; a comma when none is. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && DELIMITERS.includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const [char, count] of counts) if (count > (counts.get(best) ?? 0)) best = char;
  return best;
}

async function firstLine(file: string, encoding: BufferEncoding): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return (
      buffer
        .subarray(0, bytesRead)
        .toString(encoding)
        .replace(/^\uFEFF/, "")
        .split(/\r\n|\r|\n/)[0] ?? ""
    );
  } finally {
    await handle.close();
  }
}

const BREAK = /\r\n|\r|\n/g;

/** Names the line where the parser gave up: a quote never closed, a byte that is not text. */
async function* guarded<T>(records: AsyncIterable<T>, line: () => number): AsyncGenerator<T> {
  try {
    yield* records;
  } catch (error) {
    throw new Error(`cannot read the CSV from line ${line()}: ${(error as Error).message}`);
  }
}

/**
 * Streams a CSV file: the first row names the columns; quoted fields may hold delimiters, quotes
 * ("") and line breaks; LF, CRLF and a UTF-8 byte order mark are handled. Each row carries the
 * line it starts on, counted from the raw text (so a quoted line break still counts as a line).
 */
export async function readCsv(file: string, options: CsvOptions = {}): Promise<RowSource> {
  const encoding = options.encoding ?? "utf8";
  const { size } = await stat(file);
  const delimiter = options.delimiter ?? detectDelimiter(await firstLine(file, encoding));
  let bytes = 0;
  const stream = createReadStream(file, options.chunkSize ? { highWaterMark: options.chunkSize } : {});
  stream.on("data", (chunk) => {
    bytes += chunk.length;
  });
  const parser = parse({ bom: true, raw: true, delimiter, encoding, relax_column_count: true, skip_empty_lines: true });
  stream.on("error", (error) => parser.destroy(error));
  stream.pipe(parser);

  let columns: string[] = [];
  async function* rows(): AsyncGenerator<SourceRow> {
    let nextLine = 1;
    let header = true;
    const records = parser as AsyncIterable<{ record: string[]; raw: string }>;
    for await (const { record, raw } of guarded(records, () => nextLine)) {
      const leading = /^(\r\n|\r|\n)*/.exec(raw)?.[0] ?? "";
      const line = nextLine + (leading.match(BREAK)?.length ?? 0);
      nextLine += raw.match(BREAK)?.length ?? 0;
      if (header) {
        columns = record.map((name) => name.trim());
        header = false;
        continue;
      }
      if (record.every((cell) => cell.trim() === "")) continue;
      const values: Record<string, string> = {};
      columns.forEach((column, index) => {
        if (column && !(column in values)) values[column] = record[index] ?? "";
      });
      const extra = record.length > columns.length && record.slice(columns.length).some((cell) => cell.trim() !== "");
      yield {
        line,
        values,
        original: record,
        ...(extra
          ? { problem: `has ${record.length} cells but the header has ${columns.length} (a stray delimiter or quote?)` }
          : {}),
      };
    }
  }
  const { all } = await peek(rows(), 1);
  return {
    format: "csv",
    columns,
    rows: all,
    bytesRead: () => bytes,
    size,
    close: () => stream.destroy(),
  };
}
