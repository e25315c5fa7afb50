import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Field, Fields } from "./fields.ts";
import { parseRecordInput, RECORD_TYPES, recordTypes } from "./index.ts";

/** Values near and across each kind's edges: valid ones, and the mistakes an export makes. */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("", " ", "a\u0000b", "x".repeat(201), "__proto__", "true", "1e3", " 12 ", "-0", "12.500", "1.2.3"),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 2_147_483_648),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);

/** Values a field takes (checked with its own schema), and now and then one it may not. */
function fieldValue(field: Field): fc.Arbitrary<unknown> {
  const candidates: Record<Field["kind"], fc.Arbitrary<unknown>> = {
    text: fc.oneof(fc.string({ minLength: 1, maxLength: Math.min(field.maxLength ?? 20, 20) }), fc.constantFrom("US", "GB", "")),
    integer: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 99 }).map(String)),
    decimal: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom("12.50", "0.000001", "1e2", "-3")),
    money: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom("12.50", "0.1", "1E-7", "+4")),
    currency: fc.constantFrom("USD", "usd", " eur ", "ZZZ"),
    date: fc.constantFrom("2024-02-29", "2023-02-29", "2024-05-01", "2025-01-31"),
    timestamp: fc.constantFrom("2024-05-01T14:30:00Z", "2024-05-01T14:30:00+02:00", "2024-05-01 14:30Z", "2024-05-01T14:30:00"),
    boolean: fc.constantFrom(true, false, "true", "false"),
    enum: fc.constantFrom(...(field.values ?? ["x"])),
    ref: fc.string({ minLength: 1, maxLength: 12 }),
    json: fc.jsonValue({ maxDepth: 2 }),
  };
  const valid = candidates[field.kind].filter((value) => field.input.safeParse(value).success);
  return fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: junk, weight: 1 });
}

function rowOf(fields: Fields, base: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = { ...base };
  for (const [name, field] of Object.entries(fields)) shape[name] = fieldValue(field);
  shape.attributes = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), weight: 4 },
    { arbitrary: junk, weight: 1 },
  );
  const required = Object.keys(base).concat(Object.keys(fields).filter((name) => fields[name]?.required));
  // Required keys are there (but for a rare junk value); optional ones come and go; an unknown key now and then.
  return fc
    .tuple(fc.record(shape, { requiredKeys: required }), fc.integer({ min: 0, max: 40 }))
    .map(([row, dice]) => (dice === 0 ? { ...row, colour: "red" } : row));
}

function recordRow(type: {
  fields: Fields;
  children: Record<string, { fields: Fields }>;
}): fc.Arbitrary<Record<string, unknown>> {
  const base = {
    source_system: fc.oneof(
      { arbitrary: fc.constantFrom("erp", "sap-ecc", "net.suite:2"), weight: 30 },
      { arbitrary: junk, weight: 1 },
    ),
    external_id: fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 8 }), weight: 30 }, { arbitrary: junk, weight: 1 }),
  };
  const children = Object.entries(type.children).map(
    ([name, collection]) =>
      [
        name,
        fc.oneof(
          { arbitrary: fc.array(rowOf(collection.fields, {}), { maxLength: 3 }), weight: 10 },
          { arbitrary: fc.constant(undefined), weight: 2 },
          { arbitrary: junk, weight: 1 },
        ),
      ] as const,
  );
  return fc.tuple(rowOf(type.fields, base), fc.tuple(...children.map(([, lines]) => lines))).map(([row, lines]) => {
    children.forEach(([name], index) => {
      if (lines[index] !== undefined) row[name] = lines[index];
    });
    return row;
  });
}

describe("quick record input", () => {
  for (const type of RECORD_TYPES) {
    it(`gives what zod gives for every ${type.name} it takes, and takes none zod refuses`, () => {
      let taken = 0;
      let valid = 0;
      fc.assert(
        fc.property(recordRow(type), (row) => {
          const byZod = type.input.safeParse(row);
          const quick = type.quickInput(row);
          if (byZod.success) valid++;
          if (quick === undefined) return;
          taken++;
          expect(byZod.success).toBe(true);
          // Same values, same key order (content hashes serialise records as they are).
          expect(JSON.stringify(quick)).toBe(JSON.stringify(byZod.data));
          expect(quick).toEqual(byZod.data);
        }),
        { numRuns: 400 },
      );
      // It is a fast path only if it takes the valid rows: all of them, as the generator makes them
      // (about half of its rows; the rest break a field, a rule or strictness).
      expect(valid).toBeGreaterThan(60);
      expect(taken).toBe(valid);
    });
  }

  it("leaves refused rows to zod, which says why", () => {
    const type = recordTypes.sales_order;
    const order = {
      source_system: "erp",
      external_id: "SO-1",
      order_number: "SO-1",
      customer_external_id: "C-1",
      status: "open",
      order_date: "2024-05-01",
      currency: "usd",
      lines: [{ line_number: 1, item_external_id: "I-1", quantity: "2", uom: "EA", unit_price: 3.25 }],
    };
    const parsed = parseRecordInput(type, order);
    expect(parsed.success && parsed.data).toMatchObject({ currency: "USD", lines: [{ unit_price: "3.25", attributes: {} }] });
    const refused = parseRecordInput(type, { ...order, lines: [...order.lines, order.lines[0]] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual(["repeats lines.0.line_number"]);
  });
});
