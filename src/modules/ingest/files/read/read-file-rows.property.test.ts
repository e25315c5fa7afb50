import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { zip } from "../../../../platform/testing/write-xlsx.ts";
import { FileFormat } from "../../contract/index.ts";
import { applyMapping, compileMapping } from "../../mapping/index.ts";
import { FileReadError } from "./file-row.ts";
import { readFileRows } from "./read-file-rows.ts";

const compiled = compileMapping({
  version: 1,
  records: [{ type: "item", fields: { external_id: '["Item No"]', sku: '["Item No"]', name: "a", base_uom: { const: "EA" } } }],
});

/** Reads every row and maps it; what it may throw is a FileReadError, and nothing else. */
async function readAll(file: string, format: unknown): Promise<{ rows: number; error?: FileReadError }> {
  if (!compiled.ok) throw new Error("the test's mapping does not compile");
  let rows = 0;
  try {
    for await (const row of readFileRows(file, FileFormat.parse(format), { chunkSize: 7 })) {
      rows++;
      expect(row.line).toBeGreaterThan(0);
      if (row.ok) applyMapping(compiled.mapping, row.value, { sourceSystem: "erp" });
      else expect(typeof row.body).toBe("string");
    }
    return { rows };
  } catch (error) {
    if (error instanceof FileReadError) return { rows, error };
    throw error;
  }
}

const CSV_PARTS = ['"', ",", ";", "\t", "\n", "\r", "\r\n", "\uFEFF", "\u0000", "a", "Item No", "1.5", " ", "\\", "é", "\uD800"];

describe("reading random bytes as a dropped file", () => {
  let dir: string;
  let n = 0;
  const fileWith = async (content: Uint8Array | string) => {
    const file = path.join(dir, `random-${++n}`);
    await writeFile(file, content);
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "crossdock-random-rows-"));
  });

  it("never throws anything but a FileReadError, and always ends, whatever the CSV", async () => {
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }),
      fc.array(fc.constantFrom(...CSV_PARTS), { maxLength: 300 }).map((parts) => parts.join("")),
    );
    const format = fc.record({
      type: fc.constant("csv"),
      delimiter: fc.option(fc.constantFrom(",", ";", "\t", "||"), { nil: undefined }),
      encoding: fc.constantFrom("utf8", "latin1", "utf16le"),
      header_row: fc.integer({ min: 1, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(content, format, async (bytes, options) => {
        await readAll(await fileWith(bytes), options);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws anything but a FileReadError on random JSON Lines or random workbooks", async () => {
    const jsonl = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }),
      fc
        .array(fc.oneof(fc.json(), fc.constantFrom("{", "}", "\n", '"', "\uFEFF")), { maxLength: 50 })
        .map((parts) => parts.join("\n")),
    );
    await fc.assert(
      fc.asyncProperty(jsonl, async (bytes) => {
        await readAll(await fileWith(bytes), { type: "jsonl" });
      }),
      { numRuns: 200 },
    );
    // A zip holding random parts under a workbook's names, and plain random bytes.
    const workbook = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
      fc
        .record({
          workbook: fc.oneof(fc.string(), fc.constant('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>')),
          sheet: fc.oneof(
            fc.string(),
            fc.constant(
              '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>9</v></c></row></sheetData></worksheet>',
            ),
          ),
          strings: fc.string(),
        })
        .map((parts) =>
          zip({
            "xl/workbook.xml": parts.workbook,
            "xl/_rels/workbook.xml.rels":
              '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
            "xl/worksheets/sheet1.xml": parts.sheet,
            "xl/sharedStrings.xml": parts.strings,
          }),
        ),
    );
    await fc.assert(
      fc.asyncProperty(workbook, async (bytes) => {
        await readAll(await fileWith(bytes), { type: "xlsx" });
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
