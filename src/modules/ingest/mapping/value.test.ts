import { describe, expect, it } from "vitest";
import { applyMapping } from "./apply-mapping.ts";
import { compileMapping } from "./compile-mapping.ts";

/** Maps `payload` to one item with `fields` added to a minimal item mapping; the row, or the problems. */
function item(fields: Record<string, unknown>, payload: unknown, template: Record<string, unknown> = {}) {
  const compiled = compileMapping({
    version: 1,
    source_system: "test",
    records: [
      {
        type: "item",
        fields: { external_id: "sku", sku: "sku", name: { const: "Widget" }, base_uom: { const: "EA" }, ...fields },
        ...template,
      },
    ],
  });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const result = applyMapping(compiled.mapping, payload);
  return { row: result.records[0]?.row, problems: result.problems };
}

describe("sources", () => {
  it("reads a path, given as a string or as { path }", () => {
    expect(
      item({ brand: "maker.name", category: { path: "cat" } }, { sku: "A1", maker: { name: "Acme" }, cat: "Valves" }).row,
    ).toMatchObject({
      brand: "Acme",
      category: "Valves",
    });
  });

  it("writes a constant", () => {
    expect(item({ is_stocked: { const: true } }, { sku: "A1" }).row).toMatchObject({ is_stocked: true, name: "Widget" });
  });

  it("fills a template; a missing placeholder leaves the value missing", () => {
    const spec = { description: { template: "{brand} {model} ({{{sku}}})" } };
    expect(item(spec, { sku: "A1", brand: "Acme", model: 42 }).row).toMatchObject({ description: "Acme 42 ({A1})" });
    expect(item(spec, { sku: "A1", brand: "Acme" }).row).toMatchObject({ description: null });
  });

  it("joins values, skipping missing ones", () => {
    const spec = { name: { join: ["brand", "model", "size"], separator: " " } };
    expect(item(spec, { sku: "A1", brand: "Acme", size: "2 in" }).row).toMatchObject({ name: "Acme 2 in" });
  });

  it("takes the first value present", () => {
    const spec = { gtin: { first: ["upc", "ean", { const: "00000000000000" }] } };
    expect(item(spec, { sku: "A1", ean: "4006381333931" }).row).toMatchObject({ gtin: "4006381333931" });
    expect(item(spec, { sku: "A1", upc: "", ean: null }).row).toMatchObject({ gtin: "00000000000000" });
  });

  it("numbers elements by position, counting those kept", () => {
    const result = item(
      {},
      { sku: "A1", packs: [{ u: "BX" }, { u: "" }, { u: "CS" }] },
      {
        collections: {
          uom_conversions: {
            each: "packs[*]",
            when: { path: "u", exists: true },
            fields: { uom: "u", quantity_in_base: { position: 10 } },
          },
        },
      },
    );
    expect(result.row?.uom_conversions).toMatchObject([
      { uom: "BX", quantity_in_base: "10" },
      { uom: "CS", quantity_in_base: "11" },
    ]);
  });
});

describe("steps", () => {
  it("trims and changes case", () => {
    expect(item({ base_uom: { path: "uom", trim: true, case: "upper" } }, { sku: "A1", uom: "  ea " }).row).toMatchObject({
      base_uom: "EA",
    });
  });

  it("maps values, ignoring case when asked, with a fallback", () => {
    const status = {
      path: "st",
      map: { values: { A: "active", I: "inactive", X: null }, ignore_case: true, fallback: "pending" },
    };
    expect(item({ status }, { sku: "A1", st: "a" }).row).toMatchObject({ status: "active" });
    expect(item({ status }, { sku: "A1", st: "Q" }).row).toMatchObject({ status: "pending" });
    expect(item({ status }, { sku: "A1", st: "X" }).row).toMatchObject({ status: null });
  });

  it("reports an unmapped value when the map has no fallback", () => {
    const result = item({ status: { path: "st", map: { values: { A: "active" } } } }, { sku: "A1", st: "Z" });
    expect(result.row).toBeUndefined();
    expect(result.problems).toEqual([{ path: "st", message: 'item.status: "Z" is not in the map (A) and it has no fallback' }]);
  });

  it("converts cents to money, pounds to kilograms, and rounds to the field's scale", () => {
    const result = item(
      {
        currency: { const: "USD" },
        list_price: { path: "price_cents", divide: 100 },
        weight: { path: "weight_lb", unit: { from: "LB", to: "KG" } },
        weight_uom: { const: "KG" },
        standard_cost: { path: "cost", multiply: "1.1", round: 2 },
      },
      { sku: "A1", price_cents: 1999, weight_lb: "10.5", cost: "3.333" },
    );
    expect(result.problems).toEqual([]);
    // 10.5 lb = 4.762719885 kg, rounded to the 6 places a decimal field keeps.
    expect(result.row).toMatchObject({ list_price: "19.99", weight: "4.76272", standard_cost: "3.67" });
  });

  it("multiplies a quantity by a pack factor", () => {
    const result = item(
      {},
      { sku: "A1", packs: [{ u: "CS", per: "12" }] },
      {
        collections: {
          uom_conversions: { each: "packs[*]", fields: { uom: "u", quantity_in_base: { path: "per", multiply: 2 } } },
        },
      },
    );
    expect(result.row?.uom_conversions).toMatchObject([{ quantity_in_base: "24" }]);
  });

  it("says when a value to convert is not a number", () => {
    const result = item({ weight: { path: "w", multiply: 2 } }, { sku: "A1", w: "heavy" });
    expect(result.problems).toEqual([{ path: "w", message: 'item.weight: "heavy" must be a decimal number, e.g. "12.50"' }]);
  });

  it("reads dates and times into the field's kind", () => {
    const compiled = compileMapping({
      version: 1,
      source_system: "test",
      records: [
        {
          type: "shipment",
          fields: {
            external_id: "id",
            shipment_number: "id",
            direction: { const: "inbound" },
            status: { const: "in_transit" },
            ship_date: { path: "shipped", datetime: { format: "YYYYMMDD" } },
            estimated_delivery_at: { path: "eta", datetime: { format: "epoch_millis" } },
            delivered_at: { path: "delivered", datetime: { format: "MM/DD/YYYY HH:mm", timezone: "America/Chicago" } },
          },
        },
      ],
    });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const result = applyMapping(compiled.mapping, {
      id: "S1",
      shipped: "20240110",
      eta: 1705000000000,
      delivered: "01/12/2024 14:05",
    });
    expect(result.problems).toEqual([]);
    expect(result.records[0]?.row).toMatchObject({
      ship_date: "2024-01-10",
      estimated_delivery_at: "2024-01-11T19:06:40.000Z",
      delivered_at: "2024-01-12T20:05:00.000Z",
    });
  });

  it("reads booleans written as Y/N or 1/0, and ids sent as numbers as text", () => {
    expect(
      item({ is_stocked: "stk", is_hazardous: "haz", gtin: "upc" }, { sku: 1001, stk: "Y", haz: 0, upc: 12345678 }).row,
    ).toMatchObject({
      external_id: "1001",
      sku: "1001",
      is_stocked: true,
      is_hazardous: false,
      gtin: "12345678",
    });
  });
});

describe("when, default and required", () => {
  it("leaves a value missing when its when is false", () => {
    const spec = { status: { const: "discontinued", when: { path: "flags.eol", equals: true } } };
    expect(item(spec, { sku: "A1", flags: { eol: true } }).row).toMatchObject({ status: "discontinued" });
    expect(item(spec, { sku: "A1", flags: { eol: false } }).row).toMatchObject({ status: null });
  });

  it("uses the default for a missing, null or blank value", () => {
    const spec = { base_uom: { path: "uom", default: "EA" } };
    expect(item(spec, { sku: "A1" }).row).toMatchObject({ base_uom: "EA" });
    expect(item(spec, { sku: "A1", uom: null }).row).toMatchObject({ base_uom: "EA" });
    expect(item(spec, { sku: "A1", uom: "  " }).row).toMatchObject({ base_uom: "EA" });
    expect(item(spec, { sku: "A1", uom: "CS" }).row).toMatchObject({ base_uom: "CS" });
  });

  it("reports a missing required value at its payload path", () => {
    expect(item({ brand: { path: "maker.name", required: true } }, { sku: "A1", maker: null }).problems).toEqual([
      { path: "maker.name", message: "item.brand: is required, but maker is null, not an object" },
    ]);
    // The records contract requires sku: the problem names the payload path it was read from.
    expect(item({}, { id: 1 }).problems).toEqual([
      { path: "sku", message: "item.external_id: is required, but sku is missing" },
      { path: "sku", message: "item.sku: is required, but sku is missing" },
    ]);
  });

  it("copies structured values into attributes", () => {
    const result = item(
      {},
      { sku: "A1", specs: { size: "2 in", rating: [150, 300] } },
      { attributes: { specs: "specs", origin: { const: "US" } } },
    );
    expect(result.row?.attributes).toEqual({ origin: "US", specs: { rating: [150, 300], size: "2 in" } });
  });

  it("refuses an object where a single value belongs", () => {
    expect(item({ brand: "maker" }, { sku: "A1", maker: { name: "Acme" } }).problems).toEqual([
      { path: "maker", message: "item.brand: is an object, not a single value" },
    ]);
  });
});
