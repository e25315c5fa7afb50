import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseRecordInput, type QuickInput, recordTypes } from "../contract/index.ts";

import { validateBatch } from "./validate-batch.ts";

const parserOf = (type: { input: z.ZodType; quickInput: QuickInput }) => (row: unknown, params: { reportInput: true }) =>
  parseRecordInput(type, row, params);

const item = (externalId: string, extra: Record<string, unknown> = {}) => ({
  source_system: "erp",
  external_id: externalId,
  sku: `SKU-${externalId}`,
  name: "Hex bolt",
  base_uom: "EA",
  ...extra,
});

describe("validateBatch", () => {
  it("passes valid rows through normalised", () => {
    const result = validateBatch(parserOf(recordTypes.item), [item("1", { list_price: 2, currency: "usd" })]);
    expect(result.rejected).toEqual([]);
    expect(result.valid[0]).toMatchObject({
      index: 0,
      externalId: "1",
      record: { list_price: "2", currency: "USD", description: null, uom_conversions: [] },
    });
  });

  it("takes rows already parsed as they are, and still refuses a record repeated in the batch", () => {
    const parsed = recordTypes.item.input.parse(item("1", { list_price: 2, currency: "usd" }));
    const result = validateBatch(undefined, [parsed, parsed]);
    expect(result.valid).toEqual([{ index: 0, externalId: "1", record: parsed }]);
    expect(result.rejected).toEqual([expect.objectContaining({ index: 1, code: "duplicate_in_batch" })]);
  });

  it("names an unknown field, per row", () => {
    const result = validateBatch(parserOf(recordTypes.item), [
      item("1"),
      item("2", { colour: "red", uom_conversions: [{ uom: "BX", quantity_in_base: 1, gtin14: "x" }] }),
    ]);
    expect(result.valid.map((row) => row.index)).toEqual([0]);
    expect(result.rejected).toHaveLength(2);
    expect(result.rejected).toEqual(
      expect.arrayContaining([
        { index: 1, external_id: "2", path: "colour", message: "is not a field of this record type", code: "unknown_field" },
        {
          index: 1,
          external_id: "2",
          path: "uom_conversions.0.gtin14",
          message: "is not a field of this record type",
          code: "unknown_field",
        },
      ]),
    );
  });

  it("reports wrong types and missing required fields with their paths", () => {
    const result = validateBatch(parserOf(recordTypes.item), [
      { source_system: "erp", external_id: "X", sku: 12, list_price: "cheap", currency: "USD", is_stocked: "maybe" },
    ]);
    const byPath = Object.fromEntries(result.rejected.map((detail) => [detail.path, detail]));
    expect(byPath.sku).toMatchObject({ index: 0, external_id: "X", code: "invalid_type" });
    expect(byPath.name).toMatchObject({ message: "is required", code: "required" });
    expect(byPath.base_uom).toMatchObject({ message: "is required" });
    expect(byPath.list_price?.message).toMatch(/decimal number/);
    expect(byPath.is_stocked?.message).toBe("must be true or false");
  });

  it("refuses every repeat of a record after the first, naming the first", () => {
    const result = validateBatch(parserOf(recordTypes.item), [
      item("A"),
      item("B"),
      item("A"),
      item("A", { source_system: "wms" }),
      item("B"),
    ]);
    expect(result.valid.map((row) => row.index)).toEqual([0, 1, 3]);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        index: 2,
        external_id: "A",
        path: "external_id",
        code: "duplicate_in_batch",
        message: expect.stringContaining("row 0"),
      }),
      expect.objectContaining({
        index: 4,
        external_id: "B",
        code: "duplicate_in_batch",
        message: expect.stringContaining("row 1"),
      }),
    ]);
    expect([...result.rejectedIndexes]).toEqual([2, 4]);
  });

  it("refuses rows that are not objects", () => {
    const result = validateBatch(parserOf(recordTypes.item), [null, "x", []]);
    expect(result.rejected.map((detail) => detail.index)).toEqual([0, 1, 2]);
    expect(result.rejected[0]).not.toHaveProperty("path");
  });

  it("applies the record's rules", () => {
    const result = validateBatch(parserOf(recordTypes.invoice), [
      {
        source_system: "erp",
        external_id: "INV-1",
        kind: "ap",
        invoice_number: "INV-1",
        status: "open",
        invoice_date: "2024-05-01",
        currency: "USD",
        total_amount: "10",
      },
    ]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ path: "supplier_external_id", message: 'is required when kind is "ap"' }),
    ]);
  });
});
