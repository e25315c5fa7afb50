import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { escapeLiteral } from "./tenant-scope.ts";

describe("escaping a string as a literal", () => {
  it("gives exactly what node-postgres's escapeLiteral gives, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "'", "\\", '"', "\n", "é", "\u0000x", "''", "\\'") }), (value) => {
        expect(escapeLiteral(value)).toBe(pg.escapeLiteral(value));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        expect(escapeLiteral(value)).toBe(pg.escapeLiteral(value));
      }),
    );
  });
});
