import { describe, expect, it } from "vitest";
import { hasPrefix, ID_PREFIXES, newId } from "../../platform/ids.ts";
import { RECORD_TYPES } from "./index.ts";

describe("record id prefixes", () => {
  it("are the platform's, so ids of every kind read alike everywhere", () => {
    const known = new Set<string>(Object.values(ID_PREFIXES));
    for (const type of RECORD_TYPES) {
      expect(known.has(type.prefix), `${type.name}: ${type.prefix}`).toBe(true);
      expect(hasPrefix(newId(type.prefix), type.prefix)).toBe(true);
    }
  });
});
