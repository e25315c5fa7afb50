import { describe, expect, it } from "vitest";
import { fitSes, ses, sesStandardErrors } from "./ses.ts";

const Y = [12, 15, 11, 14, 18, 16, 13, 17, 19, 15, 16, 20, 18, 17];

function sse(y: number[], alpha: number, initialLevel: number): number {
  let level = initialLevel;
  let total = 0;
  for (const value of y) {
    total += (value - level) ** 2;
    level += alpha * (value - level);
  }
  return total;
}

describe("fitSes", () => {
  it("finds an SSE no brute-force search over alpha and the initial level beats", () => {
    const fit = fitSes(Y);
    expect(fit.sse).toBeCloseTo(sse(Y, fit.alpha, fit.initialLevel), 9);
    let bruteForce = Number.POSITIVE_INFINITY;
    for (let alpha = 0.01; alpha < 1; alpha += 0.01) {
      for (let level = 10; level <= 20; level += 0.05) bruteForce = Math.min(bruteForce, sse(Y, alpha, level));
    }
    expect(fit.sse).toBeLessThanOrEqual(bruteForce + 1e-9);
    expect(fit.sigma2).toBeCloseTo(fit.sse / (Y.length - 2), 12);
  });

  it("follows a level shift with alpha near 1", () => {
    const fit = fitSes([5, 5, 5, 5, 9, 9, 9, 9, 9, 9, 9, 9]);
    expect(fit.alpha).toBeGreaterThan(0.99);
    expect(fit.level).toBeCloseTo(9, 3);
  });

  it("fits a constant series exactly", () => {
    const fit = fitSes([4, 4, 4, 4]);
    expect(fit.level).toBeCloseTo(4, 12);
    expect(fit.sse).toBeCloseTo(0, 12);
  });
});

describe("sesStandardErrors", () => {
  it("grows as σ·sqrt(1 + α²(j−1))", () => {
    const errors = sesStandardErrors({ alpha: 0.5, initialLevel: 0, level: 0, sse: 0, sigma2: 4 }, 3);
    expect(errors).toEqual([2, expect.closeTo(2 * Math.sqrt(1.25), 12), expect.closeTo(2 * Math.sqrt(1.5), 12)]);
  });
});

describe("ses", () => {
  it("forecasts the last level flat, with intervals that widen", () => {
    const forecast = ses(Y, 3);
    const fit = fitSes(Y);
    expect(forecast.mean).toEqual([fit.level, fit.level, fit.level]);
    const width = forecast.quantiles["0.975"].map((upper, j) => upper - (forecast.mean[j] as number));
    expect(width[0]).toBeCloseTo(1.959964 * Math.sqrt(fit.sigma2), 5);
    expect(width[2]).toBeGreaterThan(width[0] as number);
  });
});
