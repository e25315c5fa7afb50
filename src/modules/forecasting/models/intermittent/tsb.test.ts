import { describe, expect, it } from "vitest";
import { fitTsb, tsb } from "./tsb.ts";

describe("fitTsb", () => {
  it("updates the probability every period and the size on demand (hand-worked, α = 0.5, β = 0.5)", () => {
    // start at the first demand (period 2): p = 1/2, z = 4; period 3, 0: p 0.25; period 4, 2: p 0.625, z 3
    const fit = fitTsb([0, 4, 0, 2], 0.5, 0.5);
    expect(fit?.probability).toBeCloseTo(0.625, 12);
    expect(fit?.size).toBeCloseTo(3, 12);
    expect(fit?.mean).toBeCloseTo(1.875, 12);
  });

  it("decays towards 0 while no demand comes, as Croston does not", () => {
    const early = fitTsb([5, 5, 5, 0, 0, 0, 0, 0, 0, 0], 0.3, 0.3) as { mean: number };
    const recent = fitTsb([0, 0, 0, 0, 0, 0, 0, 5, 5, 5], 0.3, 0.3) as { mean: number };
    expect(early.mean).toBeLessThan(recent.mean / 5);
  });

  it("picks α and β from the grid by in-sample MSE", () => {
    const fit = fitTsb([0, 1, 0, 0, 2, 0, 1, 0, 3, 0, 0, 1]);
    expect([0.02, 0.05, 0.1, 0.2, 0.3]).toContain(fit?.alpha);
    expect([0.02, 0.05, 0.1, 0.2, 0.3]).toContain(fit?.beta);
  });
});

describe("tsb", () => {
  it("forecasts zeros, never NaN, without demand; one demand or n = 1 gives finite values", () => {
    expect(tsb([0, 0, 0, 0], 2).mean).toEqual([0, 0]);
    expect(tsb([0, 0, 0, 0], 2).levels?.["0.9"]).toEqual([0, 0]);
    const single = tsb([0, 0, 4, 0], 1);
    expect(Number.isFinite(single.mean[0])).toBe(true);
    // p = 1/3 at the demand, then one empty period: (1/3)(1 − α) · 4 with α the first on the grid (no errors to fit)
    expect(single.mean[0]).toBeCloseTo((4 / 3) * 0.98, 12);
    expect(tsb([2], 1).mean).toEqual([2]);
    expect(tsb([2], 1).levels?.["0.5"]).toEqual([2]);
  });

  it("has quantiles that never decrease with the level", () => {
    const forecast = tsb([0, 3, 0, 0, 1, 7, 0, 2, 0, 0, 0, 4], 1);
    const levels = ["0.025", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "0.975"];
    const values = levels.map((level) => forecast.levels?.[level]?.[0] ?? Number.NaN);
    expect(values.every(Number.isFinite)).toBe(true);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBeGreaterThan(0);
  });
});
