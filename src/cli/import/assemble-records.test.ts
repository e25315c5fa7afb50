import { describe, expect, it } from "vitest";
import { createAssembler, type PendingRecord } from "./assemble-records.ts";
import type { MappedRow } from "./row-mapper.ts";
import type { SourceRow } from "./source/source-row.ts";

function feed(
  assembler: ReturnType<typeof createAssembler>,
  rows: [number, Record<string, unknown>, Record<string, unknown>?, MappedRow["issues"]?][],
) {
  const done: PendingRecord[] = [];
  for (const [line, record, child, issues] of rows) {
    const row: SourceRow = { line, values: {}, original: [] };
    done.push(...assembler.push(row, { record: { source_system: "erp", ...record }, child, issues: issues ?? [] }));
  }
  done.push(...assembler.end());
  return done;
}

const summary = (records: PendingRecord[]) =>
  records.map((pending) => ({
    id: pending.externalId,
    lines: pending.rows.map((row) => row.line),
    childLines: pending.childLines,
    issues: pending.issues,
  }));

describe("createAssembler", () => {
  it("groups consecutive rows that share an external id into one record with lines", () => {
    const records = feed(createAssembler({ childCollection: "lines", recordName: "sales order" }), [
      [2, { external_id: "SO-1", order_date: "2024-04-03" }, { line_number: "1" }],
      [3, { external_id: "SO-1" }, { line_number: "2" }],
      [4, { external_id: "SO-2", order_date: "2024-04-04" }, { line_number: "1" }],
    ]);
    expect(records.map((pending) => pending.record)).toEqual([
      {
        source_system: "erp",
        external_id: "SO-1",
        order_date: "2024-04-03",
        lines: [{ line_number: "1" }, { line_number: "2" }],
      },
      { source_system: "erp", external_id: "SO-2", order_date: "2024-04-04", lines: [{ line_number: "1" }] },
    ]);
    expect(summary(records)).toEqual([
      { id: "SO-1", lines: [2, 3], childLines: [2, 3], issues: [] },
      { id: "SO-2", lines: [4], childLines: [4], issues: [] },
    ]);
  });

  it("rejects a group whose rows disagree on the record's own fields, or that has a row it could not map", () => {
    const records = feed(createAssembler({ childCollection: "lines", recordName: "sales order" }), [
      [2, { external_id: "SO-1", order_date: "2024-04-03" }, { line_number: "1" }],
      [3, { external_id: "SO-1", order_date: "2024-04-05" }, { line_number: "2" }],
      [4, { external_id: "SO-2" }, { line_number: "1" }, [{ path: "lines.quantity", message: '"x" is not a number' }]],
    ]);
    expect(summary(records).map((record) => record.issues)).toEqual([
      [{ line: 3, path: "order_date", message: 'is "2024-04-05" here but "2024-04-03" on line 2, in the same sales order' }],
      [{ line: 4, path: "lines.quantity", message: '"x" is not a number' }],
    ]);
  });

  it("rejects an external id seen earlier in the file, so later rows never silently replace earlier ones", () => {
    const grouped = feed(createAssembler({ childCollection: "lines", recordName: "sales order" }), [
      [2, { external_id: "SO-1" }, { line_number: "1" }],
      [3, { external_id: "SO-2" }, { line_number: "1" }],
      [4, { external_id: "SO-1" }, { line_number: "2" }],
    ]);
    expect(grouped[2]?.issues).toEqual([
      {
        line: 4,
        path: "external_id",
        message: '"SO-1" appeared before, on line 2: sort the file so each sales order\'s rows are together',
      },
    ]);
    const flat = feed(createAssembler({ childCollection: undefined, recordName: "item" }), [
      [2, { external_id: "A" }],
      [3, { external_id: "A" }],
      [4, { external_id: "A", source_system: "wms" }],
    ]);
    expect(summary(flat).map((record) => record.issues)).toEqual([
      [],
      [{ line: 3, path: "external_id", message: '"A" appeared before, on line 2; a record may appear once per file' }],
      [],
    ]);
  });
});
