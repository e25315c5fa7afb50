import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { peek, type RowSource, type SourceRow } from "./source-row.ts";

/** How many rows a JSON source looks at to learn its keys (its "columns"). */
export const KEY_SAMPLE = 100;

/** A row from one parsed JSON value: an object is a row, anything else is a problem. */
export function jsonRow(line: number, value: unknown): SourceRow {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return { line, values: value as Record<string, unknown>, original: value };
  }
  return {
    line,
    values: {},
    original: value,
    problem: `is ${Array.isArray(value) ? "an array" : JSON.stringify(value)}, not a JSON object`,
  };
}

/** The keys of the first rows, in the order first seen. */
export function keysOf(rows: readonly SourceRow[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.values)) keys.add(key);
  return [...keys];
}

/** Streams a JSON Lines file: one JSON object per line; blank lines are skipped. */
export async function readJsonl(file: string): Promise<RowSource> {
  const { size } = await stat(file);
  let bytes = 0;
  const stream = createReadStream(file);
  stream.on("data", (chunk) => {
    bytes += chunk.length;
  });
  async function* rows(): AsyncGenerator<SourceRow> {
    let line = 0;
    for await (const raw of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      line += 1;
      const text = (line === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
      if (!text) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        yield { line, values: {}, original: text, problem: `is not valid JSON: ${(error as Error).message}` };
        continue;
      }
      yield jsonRow(line, value);
    }
  }
  const { first, all } = await peek(rows(), KEY_SAMPLE);
  return { format: "jsonl", columns: keysOf(first), rows: all, bytesRead: () => bytes, size, close: () => stream.destroy() };
}
