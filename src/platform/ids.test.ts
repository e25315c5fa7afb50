import { describe, expect, it } from "vitest";
import { hasPrefix, newId } from "./ids.ts";

describe("ids", () => {
  it("are prefixed, lowercase ULIDs, unique, and sort in the order they were made", () => {
    const ids = Array.from({ length: 20_000 }, () => newId("so"));
    for (const id of ids.slice(0, 100)) {
      expect(id).toMatch(/^so_[0-9a-hjkmnp-tv-z]{26}$/);
      expect(hasPrefix(id, "so")).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
