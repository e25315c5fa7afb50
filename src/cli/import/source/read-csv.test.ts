import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsv } from "./read-csv.ts";
import type { SourceRow } from "./source-row.ts";

async function fileWith(content: string | Buffer, name = "data.csv"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "crossdock-csv-"));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function rowsOf(file: string, options: Parameters<typeof readCsv>[1] = {}) {
  const source = await readCsv(file, options);
  const rows: SourceRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return { columns: source.columns, rows, bytes: source.bytesRead(), size: source.size };
}

const TRICKY = ["\uFEFFsku,name,note", 'A-1,"Bolt, hex ""1/2""",plain', "", 'A-2,Washer,"two', 'lines"', "A-3,Nut,last"].join(
  "\r\n",
);

describe("readCsv", () => {
  it("reads a BOM, quoted delimiters, doubled quotes and quoted line breaks, with CRLF, giving each row its line", async () => {
    for (const chunkSize of [undefined, 3]) {
      const { columns, rows, bytes, size } = await rowsOf(await fileWith(TRICKY), { chunkSize });
      expect(columns).toEqual(["sku", "name", "note"]);
      expect(rows.map((row) => [row.line, row.values])).toEqual([
        [2, { sku: "A-1", name: 'Bolt, hex "1/2"', note: "plain" }],
        [4, { sku: "A-2", name: "Washer", note: "two\r\nlines" }],
        [6, { sku: "A-3", name: "Nut", note: "last" }],
      ]);
      expect(bytes).toBe(size);
    }
  });

  it("counts lines the same with LF line ends", async () => {
    const { rows } = await rowsOf(await fileWith(TRICKY.replaceAll("\r\n", "\n")));
    expect(rows.map((row) => row.line)).toEqual([2, 4, 6]);
  });

  it("detects a semicolon or tab delimiter, and reads Latin-1 when told", async () => {
    const { columns, rows } = await rowsOf(
      await fileWith(Buffer.from("Artikel;Bezeichnung;Preis\nA-1;Größe M;12,50\n", "latin1")),
      { encoding: "latin1" },
    );
    expect(columns).toEqual(["Artikel", "Bezeichnung", "Preis"]);
    expect(rows[0]?.values).toEqual({ Artikel: "A-1", Bezeichnung: "Größe M", Preis: "12,50" });
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter('"a;b",c')).toBe(",");
  });

  it("skips rows with no values, pads short rows, and flags rows with more cells than the header", async () => {
    const { rows } = await rowsOf(await fileWith("a,b,c\n1,2\n,,\n4,5,6,7\n"));
    expect(rows).toEqual([
      { line: 2, values: { a: "1", b: "2", c: "" }, original: ["1", "2"] },
      {
        line: 4,
        values: { a: "4", b: "5", c: "6" },
        original: ["4", "5", "6", "7"],
        problem: "has 4 cells but the header has 3 (a stray delimiter or quote?)",
      },
    ]);
  });

  it("says where a quote was never closed", async () => {
    await expect(rowsOf(await fileWith('a,b\n1,2\n3,"open\n4,5\n'))).rejects.toThrow(/^cannot read the CSV from line 3: /);
  });
});
