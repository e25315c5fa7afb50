import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createArraySplitter, readJsonArray } from "./read-json-array.ts";
import { readJsonl } from "./read-jsonl.ts";
import type { RowSource, SourceRow } from "./source-row.ts";

function split(text: string, chunk = 1) {
  const splitter = createArraySplitter();
  const out: { line: number; text: string }[] = [];
  for (let at = 0; at < text.length; at += chunk) out.push(...splitter.push(text.slice(at, at + chunk)));
  splitter.end();
  return out;
}

async function rowsOf(open: (file: string) => Promise<RowSource>, content: string, name: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "crossdock-json-"));
  const file = path.join(dir, name);
  await writeFile(file, content);
  const source = await open(file);
  const rows: SourceRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return { columns: source.columns, rows };
}

describe("createArraySplitter", () => {
  it("splits an array into its elements as chunks arrive, with the line each starts on", () => {
    const text = '\uFEFF[\n  {"a": "x ] } \\" ,", "b": [1, {"c": 2}]},\n  {"a": 2}\n, 7, "s", null\n]\n';
    for (const chunk of [1, 2, 7, text.length]) {
      expect(split(text, chunk)).toEqual([
        { line: 2, text: '{"a": "x ] } \\" ,", "b": [1, {"c": 2}]}' },
        { line: 3, text: '{"a": 2}' },
        { line: 4, text: "7" },
        { line: 4, text: '"s"' },
        { line: 4, text: "null" },
      ]);
    }
  });

  it("refuses what is not one complete array", () => {
    expect(() => split('{"a": 1}')).toThrow(/must hold an array of records/);
    expect(() => split('[{"a": 1},')).toThrow(/ends inside the array/);
    expect(() => split('[{"a": 1},]')).toThrow(/trailing commas/);
    expect(() => split('[{"a": 1}] []')).toThrow(/more after the array/);
    expect(() => split("")).toThrow(/the file is empty/);
  });
});

describe("JSON sources", () => {
  it("read a .json array and a .jsonl file into rows, flagging what is not an object", async () => {
    const array = await rowsOf(readJsonArray, '[\n{"sku": "A", "name": "x"},\n{"sku": "B", "qty": 2},\n[1]\n]', "a.json");
    expect(array.columns).toEqual(["sku", "name", "qty"]);
    expect(array.rows.map((row) => [row.line, row.values, row.problem])).toEqual([
      [2, { sku: "A", name: "x" }, undefined],
      [3, { sku: "B", qty: 2 }, undefined],
      [4, {}, "is an array, not a JSON object"],
    ]);
    const lines = await rowsOf(readJsonl, '\uFEFF{"sku": "A"}\r\n\r\n{"sku": "B"\n"text"\n', "a.jsonl");
    expect(lines.rows.map((row) => [row.line, row.values, row.problem?.replace(/:.*/, "")])).toEqual([
      [1, { sku: "A" }, undefined],
      [3, {}, "is not valid JSON"],
      [4, {}, 'is "text", not a JSON object'],
    ]);
  });
});
