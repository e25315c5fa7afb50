import { describe, expect, it } from "vitest";
import { createSeenKeys } from "./seen-keys.ts";

describe("createSeenKeys", () => {
  it("remembers each key with the line it was first seen on, through many growths", () => {
    const seen = createSeenKeys(4);
    const count = 200_000;
    for (let index = 0; index < count; index++) expect(seen.remember(`erp\u0000SO-${index}`, index + 2)).toBeUndefined();
    expect(seen.size).toBe(count);
    for (const index of [0, 1, 4_095, 4_096, 123_456, count - 1])
      expect(seen.remember(`erp\u0000SO-${index}`, 999_999)).toBe(index + 2);
    expect(seen.remember("wms\u0000SO-1", 5)).toBeUndefined();
    expect(seen.remember("", 7)).toBeUndefined();
    expect(seen.remember("", 9)).toBe(7);
  });
});
