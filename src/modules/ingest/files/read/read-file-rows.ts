import type { FileFormat } from "../../contract/index.ts";
import type { FileRow } from "./file-row.ts";
import { groupRows } from "./group-rows.ts";
import { readCsvRows } from "./read-csv-rows.ts";
import { readJsonlRows } from "./read-jsonl-rows.ts";
import { readXlsxRows } from "./read-xlsx-rows.ts";

/** A dropped file's rows, streamed, in the drop's format; grouped when the format says `group_by`. */
export function readFileRows(file: string, format: FileFormat, options: { chunkSize?: number } = {}): AsyncGenerator<FileRow> {
  const rows = readUngrouped(file, format, options);
  return format.group_by ? groupRows(rows, format.group_by) : rows;
}

function readUngrouped(file: string, format: FileFormat, options: { chunkSize?: number }): AsyncGenerator<FileRow> {
  switch (format.type) {
    case "csv":
      return readCsvRows(file, format, options);
    case "xlsx":
      return readXlsxRows(file, format);
    case "jsonl":
      return readJsonlRows(file, format, options);
  }
}

/** Which files a drop takes when its pattern is left out. */
export function defaultPattern(format: FileFormat): string {
  switch (format.type) {
    case "csv":
      return "*.csv,*.txt,*.tsv";
    case "xlsx":
      return "*.xlsx";
    case "jsonl":
      return "*.jsonl,*.ndjson";
  }
}
