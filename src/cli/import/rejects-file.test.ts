import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PendingRecord } from "./assemble-records.ts";
import { createRejectsFile, csvCell } from "./rejects-file.ts";

function pending(rows: { line: number; original: unknown }[]): PendingRecord {
  return { record: {}, externalId: "X", rows: rows.map((row) => ({ ...row, values: {} })), childLines: [], issues: [] };
}

describe("createRejectsFile", () => {
  it("writes CSV rows as read, padded to the header, with cells past it kept in the reason", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "crossdock-rejects-")), "rejects.csv");
    const rejects = createRejectsFile(file, { columns: ["a", "b", "c"], csv: true, recordName: "item" });
    await rejects.write(pending([{ line: 2, original: ["1", 'say "hi"'] }]), [{ line: 2, path: "b", message: "too loud" }]);
    await rejects.write(pending([{ line: 3, original: ["4", "5", "6", "7"] }]), [
      { line: 3, path: "", message: "has 4 cells but the header has 3" },
    ]);
    await rejects.close();
    expect(await readFile(file, "utf8")).toBe(
      [
        "a,b,c,reject_line,reject_reason",
        '1,"say ""hi""",,2,b: too loud',
        '4,5,6,3,"has 4 cells but the header has 3 (cells past the last column: [""7""])"',
        "",
      ].join("\r\n"),
    );
    expect(rejects.count()).toBe(2);
  });

  it("writes JSON rows as JSON, and each row of a rejected group with its own reason or its group's", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "crossdock-rejects-")), "rejects.csv");
    const rejects = createRejectsFile(file, { columns: [], csv: false, recordName: "sales order" });
    await rejects.write(
      pending([
        { line: 1, original: { id: 1 } },
        { line: 2, original: { id: 2 } },
      ]),
      [{ line: 2, path: "lines.1.quantity", message: "is required" }],
    );
    await rejects.close();
    expect(await readFile(file, "utf8")).toBe(
      [
        "reject_line,reject_reason,row",
        '1,not written: its sales order was rejected (line 2: lines.1.quantity: is required),"{""id"":1}"',
        '2,lines.1.quantity: is required,"{""id"":2}"',
        "",
      ].join("\r\n"),
    );
  });
});

describe("csvCell", () => {
  it("quotes only what needs quoting", () => {
    expect([csvCell("plain"), csvCell("a,b"), csvCell(" edge"), csvCell("two\nlines"), csvCell(null), csvCell(12)]).toEqual([
      "plain",
      '"a,b"',
      '" edge"',
      '"two\nlines"',
      "",
      "12",
    ]);
  });
});
