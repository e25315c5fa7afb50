import { describe, expect, it } from "vitest";
import { diffVersions, showValue } from "./diff-versions.ts";

describe("diffVersions", () => {
  it("names each changed field with its old and new value, ignoring bookkeeping", () => {
    const before = { id: "so_1", version: 1, status: "open", total_amount: "10", lines: [{ q: 1 }], updated_at: "a" };
    const after = { id: "so_1", version: 2, status: "shipped", total_amount: "10", lines: [{ q: 1 }, { q: 2 }], updated_at: "b" };
    expect(diffVersions(before, after)).toEqual([
      { field: "lines", before: [{ q: 1 }], after: [{ q: 1 }, { q: 2 }] },
      { field: "status", before: "open", after: "shipped" },
    ]);
  });

  it("has nothing to compare for the first version", () => {
    expect(diffVersions(undefined, { status: "open" })).toEqual([]);
  });

  it("shows lines as a count and nulls as a dash", () => {
    expect(showValue([1, 2, 3])).toBe("3 lines");
    expect(showValue(null)).toBe("—");
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
