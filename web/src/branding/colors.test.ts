import { describe, expect, it } from "vitest";
import { contrastRatio, readableOnWhite, textOn } from "./colors.ts";

describe("brand colours", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
  });

  it("puts white text on dark colours and dark text on light ones", () => {
    expect(textOn("#1f4e79")).toBe("#ffffff");
    expect(textOn("#f5f5f5")).toBe("#111827");
  });

  it("darkens a pale brand colour until it reads on white, and leaves a dark one alone", () => {
    expect(readableOnWhite("#1f4e79")).toBe("#1f4e79");
    const pale = readableOnWhite("#f5f5f5");
    expect(contrastRatio(pale, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(readableOnWhite("#e8a33d"), "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});
