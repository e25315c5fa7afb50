import { describe, expect, it } from "vitest";
import { normalQuantile } from "./normal-quantile.ts";

describe("the standard normal quantile", () => {
  it("matches known values", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.281552, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 8);
  });

  it("is infinite at 0 and 1", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
});
