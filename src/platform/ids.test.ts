import { describe, expect, it } from "vitest";
import { firstIdAt, hasPrefix, newId } from "./ids.ts";

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

  it("bound a range of time: the first id at a moment sorts after ids made before it and before those made after", async () => {
    const before = newId("rcv");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const floor = firstIdAt("rcv", new Date());
    const after = newId("rcv");
    expect(hasPrefix(floor, "rcv")).toBe(true);
    expect([after, floor, before].sort()).toEqual([before, floor, after]);
    expect(firstIdAt("rcv", new Date(0))).toBe(`rcv_${"0".repeat(26)}`);
  });
});
