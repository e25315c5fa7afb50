import { describe, expect, it } from "vitest";
import { naive, naive2, seasonalNaive } from "./naive.ts";

describe("naive", () => {
  it("repeats the last value with random-walk intervals", () => {
    const forecast = naive([1, 3, 2], 3);
    expect(forecast.mean).toEqual([2, 2, 2]);
    // σ = sqrt((2² + 1²) / 2); step 2 has σ·√2
    expect(forecast.quantiles["0.975"][1]).toBeCloseTo(2 + 1.959964 * Math.sqrt(2.5) * Math.sqrt(2), 5);
  });

  it("refuses an empty history", () => {
    expect(() => naive([], 2)).toThrow(RangeError);
  });
});

describe("seasonalNaive", () => {
  it("repeats the last cycle, its intervals widening each cycle", () => {
    const forecast = seasonalNaive([1, 2, 3, 4, 5, 6], 4, 3);
    expect(forecast.mean).toEqual([4, 5, 6, 4]);
    expect(forecast.quantiles["0.9"][2]).toBeCloseTo(6 + 1.281552 * 3, 5);
    expect(forecast.quantiles["0.9"][3]).toBeCloseTo(4 + 1.281552 * 3 * Math.sqrt(2), 5);
  });
});

describe("naive2", () => {
  it("continues the seasonal pattern around the last adjusted level", () => {
    const pattern = [0.8, 0.8, 0.8, 1.6];
    const y = Array.from({ length: 16 }, (_, t) => 100 * (pattern[t % 4] as number));
    const forecast = naive2(y, 5, 4);
    expect(forecast.method).toBe("naive2");
    expect(forecast.mean).toEqual([80, 80, 80, 160, 80].map((value) => expect.closeTo(value, 9)));
  });

  it("is the plain naive when the series is not seasonal", () => {
    const y = [5, 7, 6, 8, 7, 9, 8, 10, 9, 11];
    expect(naive2(y, 3, 4).mean).toEqual(naive(y, 3).mean);
  });
});
