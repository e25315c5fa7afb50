import path from "node:path";
import { type CsvOptions, readCsv } from "./read-csv.ts";
import { readJsonArray } from "./read-json-array.ts";
import { readJsonl } from "./read-jsonl.ts";
import type { RowSource } from "./source-row.ts";

export type SourceFormat = RowSource["format"];

/** The format a file's name says it holds: .csv (and .txt, .tsv), .jsonl (.ndjson), .json. */
export function formatOf(file: string): SourceFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if ([".csv", ".tsv", ".txt"].includes(extension)) return "csv";
  if ([".jsonl", ".ndjson"].includes(extension)) return "jsonl";
  if (extension === ".json") return "json";
  return undefined;
}

/** Opens a file for reading row by row, in the format its name says. */
export async function openSource(file: string, format: SourceFormat, csv: CsvOptions = {}): Promise<RowSource> {
  switch (format) {
    case "csv":
      return readCsv(file, {
        ...csv,
        delimiter: csv.delimiter ?? (path.extname(file).toLowerCase() === ".tsv" ? "\t" : undefined),
      });
    case "jsonl":
      return readJsonl(file);
    case "json":
      return readJsonArray(file);
  }
}
