/** Multiplicative seasonal indices, one per position in the cycle counted from the series' first value. */
export type SeasonalAdjustment = { period: number; indices: number[] };

/** qnorm(0.95): the one-sided 90% test M3 and R's thetaf() use. */
const SEASONAL_CRITICAL_VALUE = 1.6448536269514722;

/** Sample autocorrelation at `lag` (R's acf: both sums over the whole-series mean, divided by the same n). */
export function autocorrelation(y: number[], lag: number): number {
  const mean = y.reduce((sum, value) => sum + value, 0) / y.length;
  let denominator = 0;
  for (const value of y) denominator += (value - mean) ** 2;
  if (denominator === 0) return 0;
  let numerator = 0;
  for (let t = lag; t < y.length; t++) numerator += ((y[t] as number) - mean) * ((y[t - lag] as number) - mean);
  return numerator / denominator;
}

/**
 * Whether the autocorrelation at the seasonal lag is significant: |r_m| > 1.645 · sqrt((1 + 2·Σ_{k<m} r_k²) / n).
 * A constant series, or one shorter than two full cycles, is not seasonal.
 */
export function isSeasonal(y: number[], period: number): boolean {
  if (period <= 1 || y.length < 2 * period) return false;
  let sumOfSquares = 0;
  for (let k = 1; k < period; k++) sumOfSquares += autocorrelation(y, k) ** 2;
  const limit = SEASONAL_CRITICAL_VALUE * Math.sqrt((1 + 2 * sumOfSquares) / y.length);
  return Math.abs(autocorrelation(y, period)) > limit;
}

/** Centred moving average of order `period` (2×m for even m), undefined where the window runs off the series. */
function centredMovingAverage(y: number[], period: number): (number | undefined)[] {
  const weights =
    period % 2 === 0
      ? [0.5, ...Array<number>(period - 1).fill(1), 0.5].map((weight) => weight / period)
      : Array<number>(period).fill(1 / period);
  const half = Math.floor(weights.length / 2);
  return y.map((_, t) => {
    if (t - half < 0 || t + half >= y.length) return undefined;
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += (weights[i] as number) * (y[t - half + i] as number);
    return sum;
  });
}

/** Classical multiplicative decomposition's seasonal indices (R's decompose(type = "multiplicative")), normalised to mean 1. */
export function seasonalIndices(y: number[], period: number): number[] {
  const trend = centredMovingAverage(y, period);
  const figure: number[] = [];
  for (let position = 0; position < period; position++) {
    let sum = 0;
    let count = 0;
    for (let t = position; t < y.length; t += period) {
      const level = trend[t];
      if (level === undefined) continue;
      sum += (y[t] as number) / level;
      count++;
    }
    figure.push(count > 0 ? sum / count : 1);
  }
  const mean = figure.reduce((total, value) => total + value, 0) / period;
  return figure.map((value) => value / mean);
}

/**
 * The seasonal indices to adjust by, or undefined when the series should be left as it is: not seasonal
 * by the test, or indices that cannot divide (a zero or negative level, as series with zeros can give).
 */
export function seasonalAdjustment(y: number[], period: number): SeasonalAdjustment | undefined {
  if (!isSeasonal(y, period)) return undefined;
  const indices = seasonalIndices(y, period);
  if (indices.some((index) => !Number.isFinite(index) || index <= 0)) return undefined;
  return { period, indices };
}

/** The index at position t (0 = the series' first value; t ≥ n for forecasts). */
export function seasonalIndexAt(adjustment: SeasonalAdjustment | undefined, t: number): number {
  return adjustment ? (adjustment.indices[t % adjustment.period] as number) : 1;
}

export function deseasonalise(y: number[], adjustment: SeasonalAdjustment | undefined): number[] {
  return y.map((value, t) => value / seasonalIndexAt(adjustment, t));
}

/** Multiplies values back by their indices; `start` is the position of values[0] (n for a forecast's first step). */
export function reseasonalise(values: number[], start: number, adjustment: SeasonalAdjustment | undefined): number[] {
  return values.map((value, i) => value * seasonalIndexAt(adjustment, start + i));
}
