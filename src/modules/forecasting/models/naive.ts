import { type Forecast, mapQuantiles, normalQuantiles } from "./forecast.ts";
import { deseasonalise, reseasonalise, seasonalAdjustment } from "./seasonality.ts";

/** Root mean square of the in-sample lag-`lag` differences: the residual σ of a (seasonal) random walk. */
function differenceSigma(y: number[], lag: number): number {
  let sum = 0;
  let count = 0;
  for (let t = lag; t < y.length; t++) {
    sum += ((y[t] as number) - (y[t - lag] as number)) ** 2;
    count++;
  }
  return count > 0 ? Math.sqrt(sum / count) : 0;
}

function requireObservations(y: number[], needed: number, method: string): void {
  if (y.length < needed) throw new RangeError(`${method} needs at least ${needed} observation(s), got ${y.length}`);
}

/** The last value, repeated; intervals of a random walk (σ·√j). */
export function naive(y: number[], h: number): Forecast {
  requireObservations(y, 1, "naive");
  const mean = Array<number>(h).fill(y[y.length - 1] as number);
  const sigma = differenceSigma(y, 1);
  const standardErrors = mean.map((_, j) => sigma * Math.sqrt(j + 1));
  return { method: "naive", mean, quantiles: normalQuantiles(mean, standardErrors) };
}

/** The value one period back, repeated each cycle; intervals σ·sqrt(⌊(j−1)/m⌋ + 1). */
export function seasonalNaive(y: number[], h: number, period: number): Forecast {
  requireObservations(y, period, "seasonalNaive");
  const n = y.length;
  const mean = Array.from({ length: h }, (_, j) => y[n - period + (j % period)] as number);
  const sigma = differenceSigma(y, period);
  const standardErrors = mean.map((_, j) => sigma * Math.sqrt(Math.floor(j / period) + 1));
  return { method: "seasonal_naive", mean, quantiles: normalQuantiles(mean, standardErrors) };
}

/** M3's Naive2: naive on the seasonally adjusted series (when the test finds it seasonal), reseasonalised. */
export function naive2(y: number[], h: number, period: number): Forecast {
  const adjustment = seasonalAdjustment(y, period);
  const adjusted = naive(deseasonalise(y, adjustment), h);
  return {
    method: "naive2",
    mean: reseasonalise(adjusted.mean, y.length, adjustment),
    quantiles: mapQuantiles(adjusted.quantiles, (values) => reseasonalise(values, y.length, adjustment)),
  };
}
