import { type Forecast, normalQuantiles } from "./forecast.ts";
import { deseasonalise, reseasonalise, seasonalAdjustment } from "./seasonality.ts";
import { fitSes, sesStandardErrors } from "./ses.ts";

/** Least-squares slope of y against t = 0..n−1. */
export function linearTrendSlope(y: number[]): number {
  const n = y.length;
  if (n < 2) return 0;
  const meanT = (n - 1) / 2;
  const meanY = y.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (let t = 0; t < n; t++) {
    covariance += (t - meanT) * ((y[t] as number) - meanY);
    variance += (t - meanT) ** 2;
  }
  return covariance / variance;
}

/**
 * The standard Theta method as R's forecast::thetaf computes it (Hyndman & Billah 2003): SES on the
 * seasonally adjusted series plus half the linear trend's slope, b/2 · (j − 1 + (1 − (1−α)^n)/α) at step j,
 * reseasonalised. Intervals are SES's (σ·sqrt(1 + α²(j−1)), on the adjusted scale) around the final mean,
 * as thetaf gives them.
 */
export function theta(y: number[], h: number, period = 1): Forecast {
  if (y.length === 0) throw new RangeError("theta needs at least one observation");
  const n = y.length;
  const adjustment = seasonalAdjustment(y, period);
  const adjusted = deseasonalise(y, adjustment);
  const fit = fitSes(adjusted);
  const halfSlope = linearTrendSlope(adjusted) / 2;
  const alpha = Math.max(1e-10, fit.alpha);
  const drift = (1 - (1 - alpha) ** n) / alpha;
  const trended = Array.from({ length: h }, (_, j) => fit.level + halfSlope * (j + drift));
  const mean = reseasonalise(trended, n, adjustment);
  return { method: "theta", mean, quantiles: normalQuantiles(mean, sesStandardErrors(fit, h)) };
}
