import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { FileFormat } from "../../contract/index.ts";
import { FileReadError, type FileRow, MAX_ROW_BYTES } from "./file-row.ts";

type JsonlFormat = Extract<FileFormat, { type: "jsonl" }>;

function toRow(text: string, line: number): FileRow | undefined {
  const trimmed = (line === 1 ? text.replace(/^\uFEFF/, "") : text).trim();
  if (trimmed === "") return undefined;
  try {
    return { line, ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    return { line, ok: false, message: `not valid JSON: ${(error as Error).message}`, body: trimmed };
  }
}

/**
 * Streams a JSON Lines file: one JSON value per line, each a payload to map. Blank lines are
 * skipped; a line that is not JSON is given back unread, with the reason. A line longer than
 * MAX_ROW_BYTES stops the file, as nothing that long is one record.
 */
export async function* readJsonlRows(
  file: string,
  format: JsonlFormat,
  options: { chunkSize?: number } = {},
): AsyncGenerator<FileRow> {
  const stream = createReadStream(file, options.chunkSize ? { highWaterMark: options.chunkSize } : {});
  const decoder = new StringDecoder(format.encoding as BufferEncoding);
  let pending = "";
  let line = 1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending += decoder.write(chunk);
      let start = 0;
      for (let end = pending.indexOf("\n", start); end !== -1; end = pending.indexOf("\n", start)) {
        const row = toRow(pending.slice(start, end), line);
        if (row) yield row;
        line++;
        start = end + 1;
      }
      pending = pending.slice(start);
      if (pending.length > MAX_ROW_BYTES) {
        throw new FileReadError(`line ${line} is longer than ${MAX_ROW_BYTES / 1024 / 1024} MB: not one record`, line);
      }
    }
    pending += decoder.end();
    const last = toRow(pending, line);
    if (last) yield last;
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(`cannot read the file from line ${line}: ${(error as Error).message}`, line);
  } finally {
    stream.destroy();
  }
}
