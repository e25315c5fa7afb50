import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportSetupError, loadMapping, parseMapping } from "./mapping.ts";

function problems(document: unknown) {
  const result = parseMapping(document);
  if (result.ok) throw new Error("expected the mapping to be refused");
  return result.problems;
}

describe("parseMapping", () => {
  it("accepts column names as shorthand and fills in the defaults", () => {
    const result = parseMapping({ fields: { external_id: "Item No", weight: { column: "Weight g", factor: 0.001, round: 3 } } });
    expect(result).toEqual({
      ok: true,
      value: {
        trim: true,
        decimal_comma: false,
        unmapped_columns: "ignore",
        fields: { external_id: { column: "Item No" }, weight: { column: "Weight g", factor: 0.001, round: 3 } },
      },
    });
  });

  it("names the JSON path of each problem", () => {
    expect(
      problems({
        fields: {
          sku: 42,
          name: { colum: "Name" },
          list_price: { column: "Price", factor: "a lot" },
          order_date: { column: "Date", date: "dd/mm/yyyy" },
          status: { column: "Status", constant: "active" },
        },
        trim: "yes",
      }),
    ).toEqual([
      { path: "trim", message: "expected boolean, received string" },
      { path: "fields.sku", message: "must be a column name or an object of options" },
      {
        path: "fields.name",
        message: expect.stringMatching(/^unknown option "colum" \(known: column, constant, default, trim, values/),
      },
      { path: "fields.name", message: "needs a column (or a constant)" },
      { path: "fields.list_price.factor", message: "must be a non-zero decimal number, e.g. 0.001" },
      { path: "fields.order_date.date", message: '"dd/mm/yyyy": unknown token "d" at position 1; use DD or D for the day' },
      { path: "fields.status", message: "takes a column or a constant, not both" },
      { path: "fields.status", message: "a constant takes no other options (found column)" },
    ]);
  });

  it("quotes target names that are not identifiers, and refuses options that do not go together", () => {
    expect(problems({ fields: { "Unit Price": "Price" } })).toEqual([
      { path: 'fields["Unit Price"]', message: "must be a field name such as sku, or attributes.<key>" },
    ]);
    expect(problems({ fields: { qty: { column: "Qty", number: true, date: "YYYY-MM-DD" } } })).toEqual([
      { path: "fields.qty", message: "cannot be both a number and a date" },
    ]);
    expect(problems({ fields: { at: { column: "At", date: "DD/MM/YYYY HH:mm" } } })).toEqual([
      { path: "fields.at.utc_offset", message: 'a format with a time needs utc_offset, e.g. "+01:00" or "Z"' },
    ]);
    expect(problems({ fields: { ok: { column: "Ok", ignore_case: true } } })).toEqual([
      { path: "fields.ok.ignore_case", message: "ignore_case applies to values: add a values map" },
    ]);
  });

  it("refuses two child collections, unknown top-level options and a missing fields map", () => {
    expect(problems({ fields: {}, children: { lines: {}, tracking_events: {} } })).toEqual([
      { path: "children", message: "map one child collection per file: each row becomes one of its entries" },
    ]);
    expect(problems({ field: {} })).toEqual([
      { path: "fields", message: "expected record, received undefined" },
      {
        path: "(the mapping)",
        message: 'unknown option "field" (known: csv, trim, decimal_comma, date_format, unmapped_columns, fields, children)',
      },
    ]);
  });
});

describe("loadMapping", () => {
  it("refuses a file that is not JSON, naming the file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crossdock-mapping-"));
    const file = path.join(dir, "bad.json");
    await writeFile(file, '{ "fields": { "sku": "Item", } }');
    const error = await loadMapping(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportSetupError);
    expect((error as ImportSetupError).source).toBe(file);
    expect((error as ImportSetupError).problems[0]?.message).toMatch(/^is not valid JSON/);
  });
});
