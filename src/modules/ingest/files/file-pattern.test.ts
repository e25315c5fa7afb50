import { describe, expect, it } from "vitest";
import { createStableFiles } from "../../../platform/stable-files.ts";
import { matchesPattern } from "./file-pattern.ts";

describe("matchesPattern", () => {
  it("takes names matching one of the globs, without case, and never a file still being written", () => {
    expect(matchesPattern("Items-2024.CSV", "*.csv,*.txt")).toBe(true);
    expect(matchesPattern("items.txt", "*.csv, *.txt")).toBe(true);
    expect(matchesPattern("items.xlsx", "*.csv")).toBe(false);
    expect(matchesPattern("item?.csv", "item?.csv")).toBe(true);
    expect(matchesPattern("items(1).csv", "items(?).csv")).toBe(true);
    for (const busy of ["items.csv.part", ".items.csv", "~$items.xlsx", "items.csv.tmp", "items.csv.filepart"]) {
      expect(matchesPattern(busy, "*")).toBe(false);
    }
  });
});

describe("createStableFiles", () => {
  it("takes a file once its size and time held for the settle time, and waits while they change", () => {
    const stable = createStableFiles(() => 1_000);
    const file = { name: "a.csv", size: 10, mtimeMs: 1 };
    expect(stable.check(file, 0)).toEqual({ ready: false, waitMs: 1_000 });
    expect(stable.check(file, 600)).toEqual({ ready: false, waitMs: 400 });
    expect(stable.check({ ...file, size: 20, mtimeMs: 2 }, 900)).toEqual({ ready: false, waitMs: 1_000 });
    expect(stable.check({ ...file, size: 20, mtimeMs: 2 }, 1_900)).toEqual({ ready: true });
    expect(createStableFiles(() => 0).check(file, 0)).toEqual({ ready: true });
  });
});
