import { describe, expect, it } from "vitest";
import { fitEts } from "./fit.ts";
import { etsPointForecast } from "./forecast.ts";

describe("fitEts", () => {
  const y = Array.from({ length: 48 }, (_, t) => 100 + t + ([5, -5, 10, -10][t % 4] as number) + Math.sin(t * 3.1));

  it("keeps the smoothing parameters inside the usual bounds", () => {
    for (const trend of ["N", "A", "Ad"] as const) {
      const fit = fitEts(y, { error: "A", trend, season: "A" }, 4);
      const { alpha, beta, gamma, phi } = fit.params;
      expect(alpha).toBeGreaterThan(0);
      expect(alpha).toBeLessThan(1);
      if (trend !== "N") expect(beta).toBeLessThanOrEqual(alpha);
      expect(gamma).toBeLessThanOrEqual(1 - alpha);
      if (trend === "Ad") {
        expect(phi).toBeGreaterThanOrEqual(0.8);
        expect(phi).toBeLessThanOrEqual(0.98);
      } else expect(phi).toBe(1);
    }
  });

  it("normalises the initial seasonal indices", () => {
    const add = fitEts(y, { error: "A", trend: "A", season: "A" }, 4);
    expect(add.init.season.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
    const mult = fitEts(y, { error: "M", trend: "A", season: "M" }, 4);
    expect(mult.init.season.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 6);
  });

  it("a better-fitting model has a lower AICc", () => {
    const withSeason = fitEts(y, { error: "A", trend: "A", season: "A" }, 4);
    const without = fitEts(y, { error: "A", trend: "A", season: "N" }, 4);
    expect(withSeason.aicc).toBeLessThan(without.aicc);
    expect(withSeason.method).toBe("ETS(A,A,A)");
  });

  it("damped trend forecasts flatten out", () => {
    const line = Array.from({ length: 40 }, (_, t) => 10 + t + Math.sin(t * 5.3));
    const fit = fitEts(line, { error: "A", trend: "Ad", season: "N" }, 1);
    const f = etsPointForecast(fit, 60);
    const early = (f[1] as number) - (f[0] as number);
    const late = (f[59] as number) - (f[58] as number);
    expect(early).toBeGreaterThan(0);
    expect(late).toBeLessThan(early);
  });
});
