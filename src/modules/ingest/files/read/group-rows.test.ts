import { describe, expect, it } from "vitest";
import type { FileRow } from "./file-row.ts";
import { groupRows, MAX_GROUP_ROWS } from "./group-rows.ts";

async function grouped(rows: FileRow[], by: string[]): Promise<FileRow[]> {
  const out: FileRow[] = [];
  async function* source() {
    yield* rows;
  }
  for await (const row of groupRows(source(), by)) out.push(row);
  return out;
}

const ok = (line: number, value: unknown): FileRow => ({ ok: true, line, value });

describe("groupRows", () => {
  it("joins consecutive rows with the same key, the group named by its first and last line", async () => {
    const rows = await grouped(
      [ok(2, { o: "A", l: 1 }), ok(3, { o: "A", l: 2 }), ok(4, { o: "B", l: 1 }), ok(5, { o: "A", l: 3 })],
      ["o"],
    );
    expect(rows).toEqual([
      {
        ok: true,
        line: 3,
        firstLine: 2,
        value: {
          o: "A",
          l: 1,
          rows: [
            { o: "A", l: 1 },
            { o: "A", l: 2 },
          ],
        },
      },
      { ok: true, line: 4, firstLine: 4, value: { o: "B", l: 1, rows: [{ o: "B", l: 1 }] } },
      // Not consecutive: another group, as the file has it.
      { ok: true, line: 5, firstLine: 5, value: { o: "A", l: 3, rows: [{ o: "A", l: 3 }] } },
    ]);
  });

  it("keys on several columns, a missing one as empty", async () => {
    const rows = await grouped(
      [ok(1, { a: 1, b: 2 }), ok(2, { a: 1, b: 2 }), ok(3, { a: 1 }), ok(4, { a: 1, b: null })],
      ["a", "b"],
    );
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it("lets a row it cannot read, or one that is not an object, stand alone between groups", async () => {
    const bad: FileRow = { ok: false, line: 3, message: "is not JSON", body: "{" };
    const rows = await grouped([ok(1, { o: "A" }), ok(2, { o: "A" }), bad, ok(4, "text"), ok(5, { o: "A" })], ["o"]);
    expect(rows.map((row) => [row.line, row.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
      [5, true],
    ]);
    expect(rows[2]).toEqual(ok(4, "text"));
  });

  it("goes on in a new group past MAX_GROUP_ROWS rows", async () => {
    const rows = await grouped(
      Array.from({ length: MAX_GROUP_ROWS + 1 }, (_, i) => ok(i + 1, { o: "A" })),
      ["o"],
    );
    expect(rows.map((row) => (row.ok ? (row.value as { rows: unknown[] }).rows.length : 0))).toEqual([MAX_GROUP_ROWS, 1]);
  });
});
