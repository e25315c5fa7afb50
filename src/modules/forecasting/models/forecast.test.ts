import { describe, expect, it } from "vitest";
import { mapQuantiles, normalQuantiles } from "./forecast.ts";

describe("normalQuantiles", () => {
  it("puts the 80% and 95% bounds at ±1.2816 and ±1.96 standard errors", () => {
    const quantiles = normalQuantiles([10, 20], [2, 0]);
    expect(quantiles["0.025"][0]).toBeCloseTo(10 - 3.919928, 5);
    expect(quantiles["0.1"][0]).toBeCloseTo(10 - 2.563103, 5);
    expect(quantiles["0.9"][0]).toBeCloseTo(12.563103, 5);
    expect(quantiles["0.975"][0]).toBeCloseTo(13.919928, 5);
    expect(quantiles["0.975"][1]).toBe(20);
  });

  it("maps every level", () => {
    const doubled = mapQuantiles(normalQuantiles([1], [0]), (values) => values.map((value) => value * 2));
    expect(Object.values(doubled)).toEqual([[2], [2], [2], [2]]);
  });
});
