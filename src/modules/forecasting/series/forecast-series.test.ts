import { describe, expect, it } from "vitest";
import { QUANTILE_LEVELS } from "../models/forecast.ts";
import { forecastSeries, type SeriesForecast } from "./forecast-series.ts";

const MONTHLY = { horizon: 6, period: 12 };

/** Every number a forecast holds is finite and no demand is below zero; the intervals hold the mean. */
function expectSound(result: SeriesForecast, horizon = MONTHLY.horizon) {
  const { forecast } = result;
  expect(forecast.mean).toHaveLength(horizon);
  for (const values of [forecast.mean, ...QUANTILE_LEVELS.map((level) => forecast.quantiles[level])]) {
    expect(values).toHaveLength(horizon);
    for (const value of values) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
  }
  forecast.mean.forEach((mean, step) => {
    expect(forecast.quantiles["0.025"][step]).toBeLessThanOrEqual(mean + 1e-9);
    expect(forecast.quantiles["0.975"][step]).toBeGreaterThanOrEqual(mean - 1e-9);
  });
  expect(result.why.length).toBeGreaterThan(10);
}

/** Three years of monthly demand around 100 with a December peak. */
const seasonal = Array.from({ length: 36 }, (_, month) => 100 + (month % 12 === 11 ? 60 : 0) + ((month * 7) % 11) - 5);

describe("forecastSeries: a forecast or a clear reason for every series, never NaN", () => {
  it("forecasts smooth seasonal demand by ETS and Theta together, saying why", () => {
    const result = forecastSeries(seasonal, { horizon: 12, period: 12 });
    expectSound(result, 12);
    expect(result).toMatchObject({ demandClass: "smooth", notes: [] });
    expect(result.method).toMatch(/^mean of ETS\(.+\) and theta$/);
    expect(result.why).toMatch(/^smooth demand \(ADI 1, CV² [\d.]+\): the mean of ETS/);
    // December sells more than the months around it.
    expect(result.forecast.mean[11]).toBeGreaterThan((result.forecast.mean[10] as number) + 20);
  });

  it("forecasts intermittent demand by TSB", () => {
    const sparse = [0, 0, 3, 0, 0, 0, 2, 0, 0, 4, 0, 0, 0, 0, 3, 0, 0, 2, 0, 0, 0, 3, 0, 0];
    const result = forecastSeries(sparse, MONTHLY);
    expectSound(result);
    expect(result).toMatchObject({ method: "tsb", demandClass: "intermittent" });
    expect(result.forecast.mean[0]).toBeGreaterThan(0.3);
    expect(result.forecast.mean[0]).toBeLessThan(1.5);
  });

  it("gives an empty history zero, or its category's profile for a new item", () => {
    expect(forecastSeries([], MONTHLY)).toMatchObject({
      method: "none",
      demandClass: "new",
      why: "no history and no category profile: zero until it sells",
    });
    const fresh = forecastSeries([], { ...MONTHLY, profile: 40 });
    expectSound(fresh);
    expect(fresh).toMatchObject({ method: "category profile", demandClass: "new" });
    expect(fresh.forecast.mean).toEqual([40, 40, 40, 40, 40, 40]);
  });

  it("gives a single observation its own mean, and all zeros zero", () => {
    const one = forecastSeries([12], MONTHLY);
    expectSound(one);
    expect(one).toMatchObject({ method: "mean", why: "only 1 period of history: their mean" });
    expect(one.forecast.mean[0]).toBe(12);
    const zeros = forecastSeries(Array(24).fill(0), MONTHLY);
    expectSound(zeros);
    expect(zeros).toMatchObject({ method: "none", demandClass: "none", why: "no demand in 24 periods" });
  });

  it("reads returns as no demand, gaps and stockouts as unknown, and caps a huge outlier, noting each", () => {
    const history: (number | null)[] = [...seasonal];
    history[3] = -20; // a return
    history[5] = null; // a gap
    history[8] = Number.NaN;
    history[20] = 100_000; // a data error
    const stockouts = history.map((_, month) => month === 30);
    history[30] = 0; // nothing sold because nothing was there
    const result = forecastSeries(history, { horizon: 12, period: 12, stockouts });
    expectSound(result, 12);
    expect(result.notes).toEqual([
      "1 period with returns (negative) read as no demand",
      expect.stringMatching(/^1 outlier above [\d.]+ read as [\d.]+$/),
      "3 periods not known (2 gaps, 1 out of stock) estimated from the periods around",
    ]);
    // The outlier does not lift the forecast: it stays near the clean series' level.
    const clean = forecastSeries(seasonal, { horizon: 12, period: 12 });
    expect(Math.abs((result.forecast.mean[0] as number) - (clean.forecast.mean[0] as number))).toBeLessThan(15);
  });

  it("cuts ten years of daily history to its most recent periods and still forecasts", () => {
    const daily = Array.from({ length: 3650 }, (_, day) => 20 + (day % 7 === 5 ? 15 : 0) + ((day * 13) % 7));
    const result = forecastSeries(daily, { horizon: 14, period: 7 });
    expectSound(result, 14);
    expect(result.notes).toEqual(["history cut to its last 520 of 3650 periods"]);
    // Saturdays sell more.
    const saturday = result.forecast.mean.findIndex((_, step) => (3650 + step) % 7 === 5);
    expect(result.forecast.mean[saturday]).toBeGreaterThan((result.forecast.mean[(saturday + 1) % 14] as number) + 5);
  });

  it("forecasts from the first known period when the history starts with gaps, and refuses a horizon it cannot meet", () => {
    const late = forecastSeries([null, null, undefined, 5, 6, 5, 7, 6, 5], { horizon: 3, period: 1 });
    expectSound(late, 3);
    expect(late.notes).toEqual([]);
    expect(forecastSeries([null, Number.POSITIVE_INFINITY], MONTHLY)).toMatchObject({
      method: "none",
      notes: ["no known period among 2"],
    });
    expect(() => forecastSeries([1, 2, 3], { horizon: 0, period: 12 })).toThrow(/from 1 to 1000/);
    expect(() => forecastSeries([1, 2, 3], { horizon: 2.5, period: 12 })).toThrow(/not 2.5/);
  });
});
