import { describe, expect, it } from "vitest";
import { recordTypes } from "../contract/index.ts";
import { serialiseRecord } from "./content-hash.ts";

const contentHash = (record: unknown) => serialiseRecord(record).hash;

const parse = (row: unknown) => recordTypes.item.input.parse(row);

describe("content hash", () => {
  it("is the same for the same content, whatever its order or spelling", () => {
    const a = parse({
      source_system: "erp",
      external_id: "I-1",
      sku: "A-1",
      name: "Bolt",
      base_uom: "EA",
      list_price: 1.5,
      currency: "usd",
      attributes: { b: 1, a: { y: 1, x: 2 } },
      uom_conversions: [{ uom: "BX", quantity_in_base: 100 }],
    });
    const b = parse({
      uom_conversions: [{ quantity_in_base: "100.00", uom: "BX" }],
      attributes: { a: { x: 2, y: 1 }, b: 1 },
      currency: "USD",
      list_price: "1.50",
      base_uom: "EA",
      name: "Bolt",
      sku: "A-1",
      description: null,
      external_id: "I-1",
      source_system: "erp",
    });
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it("differs when anything differs, lines included", () => {
    const base = { source_system: "erp", external_id: "I-1", sku: "A-1", name: "Bolt", base_uom: "EA" };
    const hashes = [
      parse(base),
      parse({ ...base, name: "Bolt " }),
      parse({ ...base, uom_conversions: [{ uom: "BX", quantity_in_base: 100 }] }),
      parse({ ...base, uom_conversions: [{ uom: "BX", quantity_in_base: 10 }] }),
      parse({ ...base, attributes: { x: 1 } }),
    ].map(contentHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
