import { describe, expect, it } from "vitest";
import { fitSes } from "./ses.ts";
import { linearTrendSlope, theta } from "./theta.ts";

describe("linearTrendSlope", () => {
  it("is the least-squares slope", () => {
    expect(linearTrendSlope([1, 3, 5, 7])).toBeCloseTo(2, 12);
    expect(linearTrendSlope([2, 0, 2, 0])).toBeCloseTo(-0.4, 12);
  });
});

describe("theta", () => {
  it("extends a straight line at half its slope from one step past the last value", () => {
    const y = Array.from({ length: 20 }, (_, t) => 5 + 2 * t);
    const forecast = theta(y, 3);
    // SES takes alpha → 1 on a line, so level ≈ 43 and drift (1 − (1−α)^n)/α ≈ 1: 43 + 1·(j + 1)
    expect(forecast.mean).toEqual([44, 45, 46].map((value) => expect.closeTo(value, 2)));
  });

  it("is flat at a constant series' value, with no spread", () => {
    const forecast = theta([7, 7, 7, 7, 7], 2);
    expect(forecast.mean).toEqual([expect.closeTo(7, 9), expect.closeTo(7, 9)]);
    expect(forecast.quantiles["0.025"]).toEqual(forecast.mean.map((value) => expect.closeTo(value, 9)));
  });

  it("reseasonalises a seasonal series", () => {
    const pattern = [0.8, 0.8, 0.8, 1.6];
    const y = Array.from({ length: 16 }, (_, t) => 100 * (pattern[t % 4] as number));
    expect(theta(y, 4, 4).mean).toEqual([80, 80, 80, 160].map((value) => expect.closeTo(value, 6)));
  });

  it("gives thetaf's intervals: SES's σ·sqrt(1 + α²(j−1)) around the mean", () => {
    const y = [12, 15, 11, 14, 18, 16, 13, 17, 19, 15, 16, 20, 18, 17];
    const forecast = theta(y, 3);
    const fit = fitSes(y);
    const halfWidth95 = forecast.quantiles["0.975"].map((upper, j) => upper - (forecast.mean[j] as number));
    const halfWidth80 = forecast.quantiles["0.9"].map((upper, j) => upper - (forecast.mean[j] as number));
    halfWidth95.forEach((width, j) => {
      expect(width).toBeCloseTo(1.959964 * Math.sqrt(fit.sigma2 * (1 + fit.alpha ** 2 * j)), 5);
    });
    expect(halfWidth80[0]).toBeCloseTo(1.281552 * Math.sqrt(fit.sigma2), 5);
    expect(forecast.quantiles["0.025"][0]).toBeLessThan(forecast.quantiles["0.1"][0] as number);
    // the trend: mean rises by half the slope each step
    expect((forecast.mean[1] as number) - (forecast.mean[0] as number)).toBeCloseTo(linearTrendSlope(y) / 2, 9);
  });
});
