import { describe, expect, it } from "vitest";
import { croston, fitCroston, sba } from "./croston.ts";

const history = [0, 2, 0, 0, 3, 0, 1, 0, 0, 4];

describe("fitCroston", () => {
  it("smooths sizes and intervals only when demand comes (hand-worked, α = 0.1)", () => {
    // start: size 10/4 = 2.5, interval 2.5; demands 2 (after 2), 3 (after 3), 1 (after 2), 4 (after 3)
    // size: 2.45, 2.505, 2.3545, 2.51905; interval: 2.45, 2.505, 2.4545, 2.50905
    const fit = fitCroston(history, "croston", 0.1);
    expect(fit?.size).toBeCloseTo(2.51905, 10);
    expect(fit?.interval).toBeCloseTo(2.50905, 10);
    expect(fit?.mean).toBeCloseTo(2.51905 / 2.50905, 10);
  });

  it("scales SBA by 1 − α/2", () => {
    const plain = fitCroston(history, "croston", 0.2);
    const adjusted = fitCroston(history, "sba", 0.2);
    expect(adjusted?.mean).toBeCloseTo((plain?.mean as number) * 0.9, 12);
  });

  it("fits α on the grid, and uses 0.1 when there is a single demand", () => {
    expect([0.02, 0.05, 0.1, 0.15, 0.2, 0.3]).toContain(fitCroston(history)?.alpha);
    const single = fitCroston([0, 0, 6, 0]);
    expect(single?.alpha).toBe(0.1);
    // size stays 6; interval 4 → 4 + 0.1·(3 − 4) = 3.9; SBA: 6/3.9 · 0.95
    expect(single?.mean).toBeCloseTo((6 / 3.9) * 0.95, 12);
  });
});

describe("croston", () => {
  it("forecasts a flat mean with count quantiles", () => {
    const forecast = sba(history, 3, 0.1);
    expect(forecast.method).toBe("sba");
    expect(forecast.mean).toHaveLength(3);
    expect(forecast.mean[0]).toBeCloseTo((2.51905 / 2.50905) * 0.95, 10);
    expect(forecast.levels?.["0.1"]).toEqual([0, 0, 0]);
    expect(forecast.levels?.["0.9"]?.[0]).toBeGreaterThanOrEqual(2);
  });

  it("forecasts zeros, never NaN, for no demand and for n = 1", () => {
    const none = croston([0, 0, 0], 2);
    expect(none.mean).toEqual([0, 0]);
    expect(none.quantiles["0.975"]).toEqual([0, 0]);
    expect(croston([], 1, "croston").mean).toEqual([0]);
    const one = croston([3], 2, "croston");
    expect(one.mean).toEqual([3, 3]);
    expect(one.levels?.["0.5"]).toEqual([3, 3]);
  });
});
