import { describe, expect, it } from "vitest";
import { type Mapping, parseMapping } from "./mapping.ts";
import { compileMapping, type MapperInput, mappingFromColumns, passThroughMapper, type RowMapper } from "./row-mapper.ts";
import type { SourceRow } from "./source/source-row.ts";
import { findTargetType, type TargetType } from "./target-type.ts";

const items: TargetType = {
  path: "items",
  name: "item",
  fields: {
    source_system: { kind: "text", required: true },
    external_id: { kind: "text", required: true },
    sku: { kind: "text", required: true },
    name: { kind: "text", required: true },
    base_uom: { kind: "text", required: true },
    status: { kind: "text", required: false },
    list_price: { kind: "number", required: false },
    weight: { kind: "number", required: false },
    is_stocked: { kind: "boolean", required: false },
    introduced_on: { kind: "date", required: false },
  },
  children: { uom_conversions: { uom: { kind: "text", required: true }, quantity_in_base: { kind: "number", required: true } } },
};

const COLUMNS = ["Item", "Name", "UoM", "Price", "Weight g", "Stocked", "Status", "Introduced", "Bin"];

function mapping(document: unknown): Mapping {
  const parsed = parseMapping(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

function compile(document: unknown, input: Partial<MapperInput> = {}): RowMapper {
  const compiled = compileMapping(mapping(document), {
    target: items,
    columns: COLUMNS,
    format: "csv",
    sourceSystem: "erp",
    ...input,
  });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.mapper;
}

function row(values: Record<string, string>, line = 2): SourceRow {
  return { line, values, original: Object.values(values) };
}

const BASE = { external_id: "Item", sku: "Item", name: "Name", base_uom: "UoM" };

describe("compileMapping", () => {
  it("maps a row: trimming, value maps, decimal comma, unit factors, dates, constants, defaults and attributes", () => {
    const mapper = compile({
      decimal_comma: true,
      date_format: "DD/MM/YYYY",
      fields: {
        ...BASE,
        list_price: "Price",
        weight: { column: "Weight g", factor: 0.001, round: 3 },
        is_stocked: { column: "Stocked", values: { Y: true, N: false }, ignore_case: true },
        status: { column: "Status", values: { A: "active", I: "inactive" }, default: "active" },
        introduced_on: "Introduced",
        "attributes.bin": "Bin",
        "attributes.origin": { constant: "ITEMMAST" },
      },
    });
    const mapped = mapper.map(
      row({
        Item: " A-100 ",
        Name: "Bolt",
        UoM: "EA",
        Price: "1.234,50",
        "Weight g": "1 250,4",
        Stocked: "y",
        Status: "",
        Introduced: "03/04/2024",
        Bin: "C-1",
      }),
    );
    expect(mapped).toEqual({
      record: {
        source_system: "erp",
        external_id: "A-100",
        sku: "A-100",
        name: "Bolt",
        base_uom: "EA",
        list_price: "1234.5",
        weight: "1.25",
        is_stocked: true,
        status: "active",
        introduced_on: "2024-04-03",
        attributes: { bin: "C-1", origin: "ITEMMAST" },
      },
      child: undefined,
      issues: [],
    });
  });

  it("leaves out empty cells, and reports each value it cannot read on its field", () => {
    const mapper = compile({
      date_format: "DD/MM/YYYY",
      fields: {
        ...BASE,
        list_price: "Price",
        is_stocked: { column: "Stocked", values: { Y: true, N: false } },
        introduced_on: "Introduced",
      },
    });
    expect(mapper.map(row({ Item: "A-1", Name: "Bolt", UoM: "EA", Price: "", Stocked: "", Introduced: "" })).record).toEqual({
      source_system: "erp",
      external_id: "A-1",
      sku: "A-1",
      name: "Bolt",
      base_uom: "EA",
    });
    expect(
      mapper.map(row({ Item: "A-1", Name: "Bolt", UoM: "EA", Price: "12,50", Stocked: "maybe", Introduced: "2024-04-03" }))
        .issues,
    ).toEqual([
      { path: "list_price", message: '"12,50" is not a number (set "decimal_comma": true if "," is the decimal separator)' },
      { path: "is_stocked", message: '"maybe" is not one of the mapped values ("Y", "N")' },
      { path: "introduced_on", message: '"2024-04-03" is not a date in the format DD/MM/YYYY' },
    ]);
  });

  it("keeps or empties unmapped values when asked, and puts other columns in attributes", () => {
    const mapper = compile({
      unmapped_columns: "attributes",
      fields: {
        ...BASE,
        status: { column: "Status", values: { A: "active" }, unmapped: "keep" },
        is_stocked: { column: "Stocked", values: { Y: true }, unmapped: "empty", default: false },
      },
    });
    const { record } = mapper.map(
      row({ Item: "A-1", Name: "Bolt", UoM: "EA", Status: "pending", Stocked: "?", Bin: "C-1", Price: " " }),
    );
    expect(record).toMatchObject({ status: "pending", is_stocked: false, attributes: { Bin: "C-1" } });
    expect(record.attributes).not.toHaveProperty("Price");
  });

  it("refuses, before reading a row, columns the file lacks, fields the type lacks and required fields left unmapped", () => {
    const compiled = compileMapping(
      mapping({ fields: { external_id: "Item", sku: "Item No", colour: "Colour", list_price: "Price" } }),
      {
        target: items,
        columns: COLUMNS,
        format: "csv",
        sourceSystem: undefined,
      },
    );
    expect(compiled).toEqual({
      ok: false,
      problems: [
        { path: "fields.sku", message: `the file has no column "Item No" (the file's columns: ${COLUMNS.join(", ")})` },
        {
          path: "fields.colour",
          message: expect.stringMatching(/^is not a field of items \(fields: source_system, external_id, sku, name, base_uom/),
        },
        { path: "fields.colour", message: expect.stringMatching(/^the file has no column "Colour"/) },
        { path: "fields", message: "required fields not mapped: source_system (or pass --source-system), name, base_uom" },
      ],
    });
  });

  it("refuses a child collection the type does not have, a line's missing required field and an ambiguous column", () => {
    const problems = (document: unknown, columns = COLUMNS) => {
      const compiled = compileMapping(mapping(document), { target: items, columns, format: "csv", sourceSystem: "erp" });
      return compiled.ok ? [] : compiled.problems;
    };
    expect(problems({ fields: BASE, children: { lines: { uom: "UoM" } } })).toEqual([
      { path: "children.lines", message: 'items has no child collection "lines" (it has: uom_conversions)' },
    ]);
    expect(problems({ fields: BASE, children: { uom_conversions: { uom: "UoM" } } })).toEqual([
      { path: "children.uom_conversions", message: "required field not mapped: quantity_in_base" },
    ]);
    expect(problems({ fields: BASE }, [...COLUMNS, "Name"])).toEqual([
      { path: "fields.name", message: '"Name" names 2 columns of the file; rename them apart' },
    ]);
  });

  it("makes a line of each row when the mapping has a child collection, and no line from a row whose line cells are empty", () => {
    const mapper = compile({ fields: BASE, children: { uom_conversions: { uom: "Stocked", quantity_in_base: "Price" } } });
    expect(mapper.childCollection).toBe("uom_conversions");
    expect(mapper.map(row({ Item: "A-1", Name: "Bolt", UoM: "EA", Stocked: "BX", Price: "100" })).child).toEqual({
      uom: "BX",
      quantity_in_base: "100",
    });
    expect(mapper.map(row({ Item: "A-1", Name: "Bolt", UoM: "EA", Stocked: "", Price: "" })).child).toBeUndefined();
    const withConstant = compile({
      fields: BASE,
      children: { uom_conversions: { uom: { constant: "BX" }, quantity_in_base: "Price" } },
    });
    expect(withConstant.map(row({ Item: "A-1", Name: "Bolt", UoM: "EA", Price: "" })).child).toBeUndefined();
    expect(withConstant.map(row({ Item: "A-1", Name: "Bolt", UoM: "EA", Price: "12" })).child).toEqual({
      uom: "BX",
      quantity_in_base: "12",
    });
    expect(mapper.map(row({ Item: "A-1", Name: "Bolt", UoM: "EA", Stocked: "BX", Price: "x" })).issues).toEqual([
      { path: "uom_conversions.quantity_in_base", message: '"x" is not a number' },
    ]);
  });
});

describe("mappingFromColumns", () => {
  it("maps columns named like fields (any case), lines and attributes, and lists the others", () => {
    const { mapping: generated, ignored } = mappingFromColumns(items, [
      "External_ID",
      "sku",
      "Name",
      "base_uom",
      "uom_conversions.uom",
      "attributes.bin",
      "Colour",
      "",
    ]);
    expect(generated.fields).toEqual({
      external_id: { column: "External_ID" },
      sku: { column: "sku" },
      name: { column: "Name" },
      base_uom: { column: "base_uom" },
      "attributes.bin": { column: "attributes.bin" },
    });
    expect(generated.children).toEqual({ uom_conversions: { uom: { column: "uom_conversions.uom" } } });
    expect(ignored).toEqual(["Colour"]);
  });
});

describe("passThroughMapper", () => {
  it("sends JSON records as they are, filling in the source system only where missing", () => {
    const mapper = passThroughMapper("erp");
    expect(mapper.map({ line: 1, values: { external_id: "A" }, original: {} }).record).toEqual({
      external_id: "A",
      source_system: "erp",
    });
    expect(mapper.map({ line: 2, values: { external_id: "A", source_system: "wms" }, original: {} }).record.source_system).toBe(
      "wms",
    );
    expect(mapper.map({ line: 3, values: {}, original: 7, problem: "is 7, not a JSON object" }).issues).toEqual([
      { path: "", message: "is 7, not a JSON object" },
    ]);
  });
});

describe("findTargetType", () => {
  it("reads record types from the records contract, by path, name or plural", () => {
    const orders = findTargetType("sales-orders");
    expect(orders?.path).toBe("sales-orders");
    expect(findTargetType("sales_order")?.path).toBe("sales-orders");
    expect(orders?.fields.order_date).toEqual({ kind: "date", required: true });
    expect(orders?.children.lines?.quantity).toEqual({ kind: "number", required: true });
    expect(findTargetType("widgets")).toBeUndefined();
  });
});
