import { describe, expect, it } from "vitest";
import { jsonPathLines, lineOfPath, parseJson, prettyPayload } from "./json-lines.ts";

const SPEC = JSON.stringify(
  {
    version: 1,
    records: [
      {
        type: "sales_order",
        fields: { external_id: "id", status: { path: "st", map: { values: { O: "open", "H.X": "hold" } } } },
        attributes: { "Order No": "no" },
      },
    ],
  },
  null,
  2,
);

describe("jsonPathLines", () => {
  it("finds each key and element on its line, written as the mapping engine writes paths", () => {
    const lines = jsonPathLines(SPEC);
    expect(lines.get("version")).toBe(2);
    expect(lines.get("records")).toBe(3);
    expect(lines.get("records[0]")).toBe(4);
    expect(lines.get("records[0].type")).toBe(5);
    expect(lines.get("records[0].fields.status.map.values.O")).toBe(12);
    expect(lines.get('records[0].fields.status.map.values["H.X"]')).toBe(13);
    expect(lines.get('records[0].attributes["Order No"]')).toBe(19);
  });

  it("keeps what it read before text that does not parse", () => {
    const lines = jsonPathLines('{\n  "a": 1,\n  "b": {\n    "c": tru');
    expect(lines.get("a")).toBe(2);
    expect(lines.get("b.c")).toBe(4);
  });

  it("reads lists of lists and empty containers", () => {
    const lines = jsonPathLines("[\n  [],\n  {},\n  [\n    1\n  ]\n]");
    expect(lines.get("[0]")).toBe(2);
    expect(lines.get("[2][0]")).toBe(5);
  });
});

describe("lineOfPath", () => {
  it("points at the path, or at the nearest part of it that is there", () => {
    expect(lineOfPath(SPEC, "records[0].fields.status.map.values.O")).toBe(12);
    expect(lineOfPath(SPEC, "records[0].fields.currency")).toBe(6);
    expect(lineOfPath(SPEC, "records[0].fields.status.pth")).toBe(8);
  });

  it("does not take a key for the start of a longer one", () => {
    const text = JSON.stringify({ line: 1, line_items: [{ price: "x" }] }, null, 2);
    expect(lineOfPath(text, "line_items[0].price")).toBe(5);
    expect(lineOfPath(text, "line_itemsX")).toBeNull();
  });

  it("has no line for the whole document", () => {
    expect(lineOfPath(SPEC, "$")).toBeNull();
    expect(lineOfPath(SPEC, "")).toBeNull();
    expect(lineOfPath(SPEC, "$.version")).toBe(2);
  });
});

describe("parseJson and prettyPayload", () => {
  it("says on which line JSON stops parsing", () => {
    const parsed = parseJson('{\n  "a": 1,\n  "b": }');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.line).toBe(3);
      expect(parsed.message).toBe("not valid JSON: Unexpected token '}'");
    }
  });

  it("pretty-prints JSON and leaves anything else as it came", () => {
    expect(prettyPayload('{"a":[1,2]}')).toEqual({ json: true, text: '{\n  "a": [\n    1,\n    2\n  ]\n}' });
    expect(prettyPayload("ISA*00*~")).toEqual({ json: false, text: "ISA*00*~" });
  });
});
