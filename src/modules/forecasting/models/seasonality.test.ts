import { describe, expect, it } from "vitest";
import { autocorrelation, deseasonalise, isSeasonal, reseasonalise, seasonalAdjustment, seasonalIndices } from "./seasonality.ts";

/** One peak a cycle: its autocorrelations below the period are small, so the test can tell from 16 values. */
const PATTERN = [0.8, 0.8, 0.8, 1.6];
const repeated = (cycles: number) => Array.from({ length: cycles * PATTERN.length }, (_, t) => 100 * (PATTERN[t % 4] as number));
/** Deterministic noise (a linear congruential generator), so the tests never flake. */
function noise(length: number, seed = 7): number[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 100 + (state / 2 ** 31) * 10;
  });
}

describe("autocorrelation", () => {
  it("matches R's acf(1:4) at lag 1 (0.25)", () => {
    expect(autocorrelation([1, 2, 3, 4], 1)).toBeCloseTo(0.25, 12);
  });

  it("is 0 for a constant series instead of NaN", () => {
    expect(autocorrelation([5, 5, 5], 1)).toBe(0);
  });
});

describe("seasonalIndices", () => {
  it("averages the ratios to a centred 2×m moving average (worked by hand)", () => {
    // MA at t = 1..4 is 3; ratios 2/3 at even positions, 4/3 at odd; their mean is already 1.
    const indices = seasonalIndices([2, 4, 2, 4, 2, 4], 2);
    expect(indices[0]).toBeCloseTo(2 / 3, 12);
    expect(indices[1]).toBeCloseTo(4 / 3, 12);
  });

  it("recovers an exact multiplicative pattern", () => {
    seasonalIndices(repeated(3), 4).forEach((index, i) => {
      expect(index).toBeCloseTo(PATTERN[i] as number, 12);
    });
  });

  it("uses a plain moving average for an odd period", () => {
    const indices = seasonalIndices([1, 2, 3, 1, 2, 3, 1, 2, 3], 3);
    expect(indices.map((index) => index * 2)).toEqual([expect.closeTo(1, 12), expect.closeTo(2, 12), expect.closeTo(3, 12)]);
  });
});

describe("isSeasonal", () => {
  it("finds a repeating pattern seasonal", () => {
    expect(isSeasonal(repeated(4), 4)).toBe(true);
  });

  it("does not find noise seasonal", () => {
    expect(isSeasonal(noise(60), 12)).toBe(false);
  });

  it("says no for fewer than two cycles, a period of 1, or a constant series", () => {
    expect(isSeasonal(repeated(4).slice(0, 7), 4)).toBe(false);
    expect(isSeasonal(repeated(4), 1)).toBe(false);
    expect(isSeasonal(Array<number>(24).fill(3), 4)).toBe(false);
  });
});

describe("seasonal adjustment", () => {
  it("adjusts a seasonal series to its level and puts the pattern back on forecasts", () => {
    const y = repeated(4);
    const adjustment = seasonalAdjustment(y, 4);
    expect(adjustment).toBeDefined();
    deseasonalise(y, adjustment).forEach((value) => {
      expect(value).toBeCloseTo(100, 9);
    });
    // position 16 starts a cycle again
    expect(reseasonalise([100, 100, 100, 100], 16, adjustment)).toEqual(
      [80, 80, 80, 160].map((value) => expect.closeTo(value, 9)),
    );
  });

  it("leaves a non-seasonal series alone", () => {
    const y = noise(48);
    expect(seasonalAdjustment(y, 12)).toBeUndefined();
    expect(deseasonalise(y, undefined)).toEqual(y);
  });
});
