import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RECORD_TYPES, type RecordType, recordTypeOfId, recordTypes } from "./index.ts";

const salesOrder = {
  source_system: "erp",
  external_id: "SO-1",
  order_number: "SO-1",
  customer_external_id: "C-1",
  status: "open",
  order_date: "2024-05-01",
  currency: "USD",
  lines: [{ line_number: 1, item_external_id: "I-1", quantity: "2", uom: "EA", unit_price: 3.25 }],
};

const issues = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
};

describe("record definitions", () => {
  it("derive a strict input schema that normalises every field", () => {
    const parsed = recordTypes.sales_order.input.parse({ ...salesOrder, total_amount: 6.5, attributes: { erp_batch: 7 } });
    expect(parsed).toMatchObject({ total_amount: "6.5", ship_to_external_id: null, attributes: { erp_batch: 7 } });
    expect(parsed.lines[0]).toMatchObject({ quantity: "2", unit_price: "3.25", requested_date: null, attributes: {} });
    expect(issues(recordTypes.sales_order.input, { ...salesOrder, colour: "red" })).toEqual([
      { path: "", message: 'Unrecognized key: "colour"' },
    ]);
  });

  it("refuse lines that repeat their key, and money without a currency", () => {
    const lines = [salesOrder.lines[0], { ...salesOrder.lines[0], quantity: 1 }];
    expect(issues(recordTypes.sales_order.input, { ...salesOrder, lines })).toEqual([
      { path: "lines.1.line_number", message: "repeats lines.0.line_number" },
    ]);
    expect(
      issues(recordTypes.item.input, {
        source_system: "erp",
        external_id: "I",
        sku: "I",
        name: "n",
        base_uom: "EA",
        list_price: "2",
      }),
    ).toEqual([{ path: "list_price", message: "needs a currency: set currency" }]);
  });

  it("apply validity rules", () => {
    const agreement = {
      source_system: "erp",
      external_id: "PA-1",
      customer_external_id: "C-1",
      item_external_id: "I-1",
      uom: "EA",
      currency: "USD",
      contract_price: "9.90",
      valid_from: "2024-06-01",
    };
    expect(issues(recordTypes.price_agreement.input, agreement)).toEqual([]);
    expect(issues(recordTypes.price_agreement.input, { ...agreement, valid_to: "2024-05-31" })).toEqual([
      { path: "valid_to", message: "must not be before valid_from (2024-06-01)" },
    ]);
  });

  it("give every type and field a name fit for SQL and URLs, with no clashes", () => {
    const reserved = [
      "id",
      "tenant_id",
      "source_system",
      "external_id",
      "attributes",
      "content_hash",
      "version",
      "created_at",
      "updated_at",
      "parent_id",
      "position",
      "idx",
      "hash",
      "doc",
      "event_id",
      "_sort",
    ];
    for (const type of RECORD_TYPES as unknown as RecordType[]) {
      expect(type.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(type.path).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const name of [...Object.keys(type.fields), ...Object.keys(type.children)]) {
        expect(name).toMatch(/^[a-z][a-z0-9_]{0,40}$/);
        expect(reserved).not.toContain(name);
      }
      for (const collection of Object.values(type.children))
        for (const name of Object.keys(collection.fields)) expect(reserved).not.toContain(name);
      // List parameters must not shadow one another.
      const params = type.listParams.map((param) => param.name);
      expect(new Set(params).size).toBe(params.length);
      expect(params).not.toContain("limit");
    }
  });

  it("give each type its own id prefix, and find the type back from an id", () => {
    const prefixes = RECORD_TYPES.map((type) => type.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(recordTypeOfId("so_01j0000000000000000000000")).toBe("sales_order");
    expect(recordTypeOfId("shpm_01j0000000000000000000000")).toBe("shipment");
    expect(recordTypeOfId("zzz_1")).toBeUndefined();
  });

  it("point every reference and money field at something that exists", () => {
    for (const type of RECORD_TYPES as unknown as RecordType[]) {
      const collections = [
        { fields: type.fields, parent: undefined },
        ...Object.values(type.children).map((collection) => ({ fields: collection.fields, parent: type.fields })),
      ];
      for (const { fields, parent } of collections) {
        for (const [name, field] of Object.entries(fields)) {
          if (field.kind === "ref") expect(Object.keys(recordTypes), `${type.name}.${name}`).toContain(field.refType);
          if (field.kind === "money") {
            const currency = fields[field.currencyField ?? ""] ?? parent?.[field.currencyField ?? ""];
            expect(currency?.kind, `${type.name}.${name}`).toBe("currency");
          }
        }
      }
    }
  });

  it("describe every schema in JSON Schema, for OpenAPI", () => {
    for (const type of RECORD_TYPES as unknown as RecordType[]) {
      const input = z.toJSONSchema(type.input, { io: "input" }) as {
        properties: Record<string, unknown>;
        additionalProperties: boolean;
      };
      expect(input.additionalProperties).toBe(false);
      expect(Object.keys(input.properties)).toEqual(
        expect.arrayContaining(["source_system", "external_id", ...Object.keys(type.fields)]),
      );
      expect(z.toJSONSchema(type.output, { io: "output" })).toHaveProperty("properties.id");
      expect(z.toJSONSchema(type.listQuery, { io: "input" })).toHaveProperty("properties.limit");
    }
  });

  it("accept a stored record in the output schema", () => {
    const stored = {
      ...recordTypes.sales_order.input.parse(salesOrder),
      id: "so_01j0000000000000000000000",
      version: 1,
      created_at: "2024-05-01T10:00:00.000Z",
      updated_at: "2024-05-01T10:00:00.000Z",
    };
    expect(recordTypes.sales_order.output.parse(stored)).toMatchObject({ id: stored.id, lines: [{ unit_price: "3.25" }] });
  });
});

describe("list query schemas", () => {
  const query = recordTypes.sales_order.listQuery;

  it("take URL strings, with defaults", () => {
    expect(query.parse({})).toEqual({ limit: 50 });
    expect(
      query.parse({
        limit: "10",
        sort: "-order_date",
        status: "open,released",
        order_date_from: "2024-01-01",
        total_amount_min: "100",
        q: "SO-",
      }),
    ).toMatchObject({
      limit: 10,
      sort: "-order_date",
    });
  });

  it("accept what they produced, unchanged", () => {
    const once = query.parse({ limit: "10", status: "open", include: "lines" });
    expect(query.parse(once)).toEqual(once);
  });

  it("name what is wrong", () => {
    expect(issues(query, { limit: "5000" })[0]?.path).toBe("limit");
    expect(issues(query, { status: "open,lost" })).toEqual([
      {
        path: "status",
        message: '"lost" is not one of draft, open, on_hold, released, partially_shipped, shipped, invoiced, closed, cancelled',
      },
    ]);
    expect(issues(query, { sort: "notes" })[0]?.path).toBe("sort");
    expect(issues(query, { order_date_from: "yesterday" })[0]?.path).toBe("order_date_from");
    expect(issues(query, { colour: "red" })[0]?.message).toMatch(/colour/);
    expect(issues(query, { include: "payments" })[0]?.path).toBe("include");
  });
});
