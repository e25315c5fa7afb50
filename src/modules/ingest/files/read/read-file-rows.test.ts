import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeXlsx } from "../../../../platform/testing/write-xlsx.ts";
import { FileFormat } from "../../contract/index.ts";
import { FileReadError, type FileRow } from "./file-row.ts";
import { readFileRows } from "./read-file-rows.ts";

async function fileWith(content: string | Buffer, name = "data.csv"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "crossdock-file-rows-"));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function read(file: string, format: unknown, chunkSize?: number): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for await (const row of readFileRows(file, FileFormat.parse(format), chunkSize ? { chunkSize } : {})) rows.push(row);
  return rows;
}

describe("CSV rows", () => {
  const TRICKY = ["\uFEFFsku,name,note", 'A-1,"Bolt, hex ""1/2""",plain', "", 'A-2,Washer,"two', 'lines"', "A-3,Nut,last"].join(
    "\r\n",
  );

  it("reads a BOM, quoted delimiters, doubled quotes and quoted line breaks, giving each row the line it starts on", async () => {
    for (const chunkSize of [undefined, 3]) {
      const rows = await read(await fileWith(TRICKY), { type: "csv" }, chunkSize);
      expect(rows).toEqual([
        { line: 2, ok: true, value: { sku: "A-1", name: 'Bolt, hex "1/2"', note: "plain" } },
        { line: 4, ok: true, value: { sku: "A-2", name: "Washer", note: "two\r\nlines" } },
        { line: 6, ok: true, value: { sku: "A-3", name: "Nut", note: "last" } },
      ]);
    }
  });

  it("takes a header further down, a semicolon delimiter and Latin-1 text", async () => {
    const file = await fileWith(Buffer.from("Export of 14.05.2024\nArtikel;Größe\nA-1;M\n", "latin1"));
    const rows = await read(file, { type: "csv", header_row: 2, encoding: "latin1" });
    expect(rows).toEqual([{ line: 3, ok: true, value: { Artikel: "A-1", Größe: "M" } }]);
  });

  it("names columns of a file without a header", async () => {
    const rows = await read(await fileWith("A-1|5\nA-2|6\n"), {
      type: "csv",
      header_row: 0,
      columns: ["sku", "qty"],
      delimiter: "|",
    });
    expect(rows.map((row) => row.ok && row.value)).toEqual([
      { sku: "A-1", qty: "5" },
      { sku: "A-2", qty: "6" },
    ]);
  });

  it("gives back a row with more cells than the header unread, with its cells, and keeps a stray quote as text", async () => {
    const rows = await read(await fileWith('a,b\n1,2,3\n4,x"y\n'), { type: "csv" });
    expect(rows[0]).toMatchObject({ line: 2, ok: false, message: expect.stringMatching(/has 3 cells but the header has 2/) });
    expect(JSON.parse((rows[0] as { body: string }).body)).toEqual({ a: "1", b: "2", _extra_cells: ["3"] });
    expect(rows[1]).toEqual({ line: 3, ok: true, value: { a: "4", b: 'x"y' } });
  });

  it("stops at a quote never closed, naming the line, after giving the rows before it", async () => {
    const rows: FileRow[] = [];
    const error = await (async () => {
      for await (const row of readFileRows(await fileWith('a,b\n1,2\n3,"open\n4,5\n'), FileFormat.parse({ type: "csv" })))
        rows.push(row);
    })().catch((caught) => caught);
    expect(error).toBeInstanceOf(FileReadError);
    expect(error.message).toMatch(/quote is never closed/);
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.line).toBeLessThanOrEqual(3);
  });
});

describe("JSONL rows", () => {
  it("reads one value per line, skips blank lines, and gives back a line that is not JSON", async () => {
    const rows = await read(await fileWith('{"sku":"A-1"}\n\n{"sku":\n{"sku":"A-3"}', "x.jsonl"), { type: "jsonl" }, 4);
    expect(rows).toEqual([
      { line: 1, ok: true, value: { sku: "A-1" } },
      { line: 3, ok: false, message: expect.stringMatching(/not valid JSON/), body: '{"sku":' },
      { line: 4, ok: true, value: { sku: "A-3" } },
    ]);
  });
});

describe("XLSX rows", () => {
  it("reads the first sheet's header and rows, with shared and inline strings, numbers, booleans, dates and errors", async () => {
    const workbook = writeXlsx({
      Items: [
        ["Item No", "Description", "Price", "Active", "Since", "Note"],
        ["A-1", "Bolt", 12.5, true, { date: 45426 }, { inline: "inline <text>" }],
        { r: 4, cells: ["A-2", "Nut", 3, false, { date: 45426.5 }, { error: "#N/A" }] },
        { r: 5, cells: [null, null] },
      ],
      Other: [["x"], ["y"]],
    });
    const rows = await read(await fileWith(workbook, "items.xlsx"), { type: "xlsx" });
    expect(rows).toEqual([
      {
        line: 2,
        ok: true,
        value: { "Item No": "A-1", Description: "Bolt", Price: 12.5, Active: true, Since: "2024-05-14", Note: "inline <text>" },
      },
      {
        line: 4,
        ok: true,
        value: { "Item No": "A-2", Description: "Nut", Price: 3, Active: false, Since: "2024-05-14T12:00:00", Note: "#N/A" },
      },
    ]);
    const other = await read(await fileWith(workbook, "items.xlsx"), { type: "xlsx", sheet: "Other" });
    expect(other).toEqual([{ line: 2, ok: true, value: { x: "y" } }]);
  });

  it("says which sheets there are when the one asked for is not, and refuses a file that is not a workbook", async () => {
    const workbook = await fileWith(writeXlsx({ Items: [["a"], ["b"]] }), "w.xlsx");
    await expect(read(workbook, { type: "xlsx", sheet: "Nope" })).rejects.toThrow(/no sheet "Nope" \(it has: Items\)/);
    await expect(read(await fileWith("sku,name\n", "fake.xlsx"), { type: "xlsx" })).rejects.toThrow(/not an Excel workbook/);
  });
});
