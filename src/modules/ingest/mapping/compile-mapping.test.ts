import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyMapping } from "./apply-mapping.ts";
import { compileMapping } from "./compile-mapping.ts";

const order = {
  type: "sales_order",
  fields: {
    external_id: "id",
    order_number: "number",
    customer_external_id: "customer.id",
    status: { const: "open" },
    order_date: "date",
    currency: "currency",
  },
};

function problems(spec: unknown) {
  const compiled = compileMapping(spec);
  if (compiled.ok) throw new Error("the spec was accepted");
  return compiled.problems;
}

describe("compileMapping", () => {
  it("accepts a valid spec", () => {
    expect(compileMapping({ version: 1, records: [order] })).toMatchObject({ ok: true });
  });

  it("refuses what is not a spec", () => {
    expect(problems(null)).toEqual([{ path: "", message: "Invalid input: expected object, received null" }]);
    expect(problems({ records: [order] })).toEqual([{ path: "version", message: "is required" }]);
    expect(problems({ version: 2, records: [order] })).toEqual([
      { path: "version", message: "must be 1 (the version of this mapping format)" },
    ]);
    expect(problems({ version: 1, records: [] })).toEqual([
      { path: "records", message: "must hold at least one record template" },
    ]);
  });

  it("names a misspelt key and suggests the right one", () => {
    const spec = { version: 1, records: [{ ...order, fields: { ...order.fields, order_number: { pth: "number" } } }] };
    expect(problems(spec)).toEqual([
      { path: "records[0].fields.order_number.pth", message: "is not a key of this part of a mapping (did you mean path?)" },
      { path: "records[0].fields.order_number", message: "needs exactly one of path, const, template, join, first, position" },
    ]);
  });

  it("names a field the record type does not have, and a required field left out", () => {
    const { currency: _, ...fields } = order.fields;
    const spec = { version: 1, records: [{ ...order, fields: { ...fields, order_numbr: "n" } }] };
    expect(problems(spec)).toEqual([
      { path: "records[0].fields.order_numbr", message: "is not a field of sales_order (did you mean order_number?)" },
      { path: "records[0].fields.currency", message: "is required by sales_order and not mapped" },
    ]);
  });

  it("refuses an unknown record type and line collection", () => {
    expect(problems({ version: 1, records: [{ ...order, type: "salesorder" }] })[0]).toMatchObject({ path: "records[0].type" });
    const spec = { version: 1, records: [{ ...order, collections: { items: { each: "lines[*]", fields: {} } } }] };
    expect(problems(spec)).toEqual([
      { path: "records[0].collections.items", message: "is not a line collection of sales_order (its collections: lines)" },
    ]);
  });

  it("checks constants, defaults and map values against the field", () => {
    const spec = {
      version: 1,
      records: [
        {
          ...order,
          fields: {
            ...order.fields,
            status: { path: "st", map: { values: { O: "open", H: "hold" } } },
            currency: { path: "cur", default: "dollars" },
            channel: { const: "webshop" },
          },
        },
      ],
    };
    expect(problems(spec)).toEqual([
      {
        path: "records[0].fields.status.map.values.H",
        message: expect.stringMatching(/^"hold" is not a valid sales_order.status: Invalid option/),
      },
      {
        path: "records[0].fields.currency.default",
        message: '"dollars" is not a valid sales_order.currency: must be an ISO 4217 currency code, e.g. "USD"',
      },
      {
        path: "records[0].fields.channel.const",
        message: expect.stringMatching(/^"webshop" is not a valid sales_order.channel/),
      },
    ]);
  });

  it("checks paths, date formats, zones and units", () => {
    const spec = {
      version: 1,
      records: [
        {
          ...order,
          fields: {
            ...order.fields,
            order_number: "lines[*].number",
            order_date: { path: "d", datetime: { format: "yyyy-MM-dd", timezone: "Atlantis/Deep" } },
            total_amount: { path: "t", unit: { from: "LB", to: "M" } },
            notes: "a..b",
          },
        },
      ],
    };
    expect(problems(spec).map((problem) => problem.path)).toEqual([
      "records[0].fields.order_number",
      "records[0].fields.order_date.datetime.format",
      "records[0].fields.order_date.datetime.timezone",
      "records[0].fields.total_amount.unit",
      "records[0].fields.notes",
    ]);
  });

  it("refuses conversions that do not fit the field", () => {
    const spec = { version: 1, records: [{ ...order, fields: { ...order.fields, status: { path: "s", multiply: 2 } } }] };
    expect(problems(spec)).toEqual([{ path: "records[0].fields.status", message: "converts a number, and the field is enum" }]);
  });

  it("refuses a __proto__ key, which parsing would drop silently", () => {
    const spec = JSON.parse(
      '{"version":1,"records":[{"type":"location","fields":{"external_id":"id","code":"id","name":"id","__proto__":"x"}}]}',
    );
    expect(problems(spec)).toEqual([{ path: "records[0].fields.__proto__", message: "__proto__ is not allowed as a key" }]);
  });

  it("refuses a source_system field: it is the source's", () => {
    const spec = { version: 1, records: [{ ...order, fields: { ...order.fields, source_system: { const: "x" } } }] };
    expect(problems(spec)[0]).toMatchObject({ path: "records[0].fields.source_system" });
  });

  it("refuses specs too deep or too big, without overflowing the stack", () => {
    let deep: unknown = { path: "x", exists: true };
    for (let depth = 0; depth < 100_000; depth++) deep = { not: deep };
    expect(problems({ version: 1, records: [{ ...order, when: deep }] })).toEqual([
      { path: "", message: "the mapping is nested more than 48 levels deep" },
    ]);
    let nested: unknown = { path: "x", exists: true };
    for (let depth = 0; depth < 10; depth++) nested = { not: nested };
    expect(problems({ version: 1, records: [{ ...order, when: nested }] })).toEqual([
      { path: expect.stringMatching(/^records\[0\]\.when(\.not)+$/), message: "conditions may be nested at most 6 deep" },
    ]);
    const wide = {
      version: 1,
      records: [{ ...order, attributes: Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`a${i}`, "x"])) }],
    };
    expect(problems(wide)).toEqual([{ path: "", message: "the mapping has more than 100000 values" }]);
  });

  it("accepts the mapping the README shows, and maps a payload with it", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    const example = /## A mapping\s+```json\n([\s\S]*?)```/.exec(readme)?.[1];
    const compiled = compileMapping(JSON.parse(example ?? "null"));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const result = applyMapping(compiled.mapping, {
      event: "order.created",
      event_id: "e1",
      data: {
        id: "SO-1",
        number: "1",
        customer: { id: "C1" },
        status: "open",
        created: 1715805480,
        total_cents: 1999,
        lines: [{ sku: "A", qty: 1, uom: "ea", price: "19.99" }],
      },
    });
    expect(result.problems).toEqual([]);
    expect(result.records[0]?.row).toMatchObject({
      order_date: "2024-05-15",
      currency: "USD",
      total_amount: "19.99",
      status: "open",
    });
  });
});
