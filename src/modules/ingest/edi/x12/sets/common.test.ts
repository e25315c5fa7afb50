import { describe, expect, it } from "vitest";
import { isoDate } from "./common.ts";

describe("X12 dates (isoDate)", () => {
  it("reads CCYYMMDD, and YYMMDD in the century it most likely means", () => {
    expect(isoDate("20260306")).toBe("2026-03-06");
    expect(isoDate(" 260306 ")).toBe("2026-03-06");
    expect(isoDate("991231")).toBe("1999-12-31");
  });

  it("refuses what is not a day that exists", () => {
    expect(isoDate("20240229")).toBe("2024-02-29");
    for (const raw of ["20240230", "20230229", "19000229", "20261301", "20260100", "20260431", "2026036", "2026-03-06", ""]) {
      expect(isoDate(raw), raw).toBeNull();
    }
  });
});
