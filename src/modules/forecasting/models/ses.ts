import { type Forecast, mapQuantiles, normalQuantiles } from "./forecast.ts";
import { deseasonalise, reseasonalise, seasonalAdjustment } from "./seasonality.ts";

export type SesFit = {
  alpha: number;
  initialLevel: number;
  /** The level after the last observation: the forecast for every step ahead. */
  level: number;
  sse: number;
  /** Residual variance, SSE / (n − 2) as R's ets() counts its two parameters. */
  sigma2: number;
};

const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 0.9999;
const GRID_STEPS = 50;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * For a given alpha, the one-step errors are linear in the initial level l0 (e_t = a_t − (1−α)^(t−1)·l0),
 * so the SSE-minimising l0 is a closed-form least squares.
 */
function fitForAlpha(y: number[], alpha: number): SesFit {
  let levelWithoutInitial = 0;
  let weight = 1;
  let crossProduct = 0;
  let weightSquares = 0;
  for (const value of y) {
    crossProduct += weight * (value - levelWithoutInitial);
    weightSquares += weight * weight;
    levelWithoutInitial = alpha * value + (1 - alpha) * levelWithoutInitial;
    weight *= 1 - alpha;
  }
  const initialLevel = weightSquares > 0 ? crossProduct / weightSquares : (y[0] ?? 0);
  let level = initialLevel;
  let sse = 0;
  for (const value of y) {
    sse += (value - level) ** 2;
    level += alpha * (value - level);
  }
  const sigma2 = sse / Math.max(1, y.length - 2);
  return { alpha, initialLevel, level, sse, sigma2 };
}

/**
 * Simple exponential smoothing with alpha in [0.0001, 0.9999] and the initial level chosen by minimising
 * the in-sample SSE: a grid over alpha, then a golden-section search around the best grid point.
 */
export function fitSes(y: number[]): SesFit {
  if (y.length === 0) throw new RangeError("fitSes needs at least one observation");
  const step = (ALPHA_MAX - ALPHA_MIN) / GRID_STEPS;
  let best = fitForAlpha(y, ALPHA_MIN);
  for (let i = 1; i <= GRID_STEPS; i++) {
    const fit = fitForAlpha(y, ALPHA_MIN + i * step);
    if (fit.sse < best.sse) best = fit;
  }
  let low = Math.max(ALPHA_MIN, best.alpha - step);
  let high = Math.min(ALPHA_MAX, best.alpha + step);
  let left = fitForAlpha(y, high - GOLDEN * (high - low));
  let right = fitForAlpha(y, low + GOLDEN * (high - low));
  while (high - low > 1e-6) {
    if (left.sse < right.sse) {
      high = right.alpha;
      right = left;
      left = fitForAlpha(y, high - GOLDEN * (high - low));
    } else {
      low = left.alpha;
      left = right;
      right = fitForAlpha(y, low + GOLDEN * (high - low));
    }
  }
  for (const fit of [left, right]) if (fit.sse < best.sse) best = fit;
  return best;
}

/** The h-step standard errors of SES (ETS(A,N,N)): σ·sqrt(1 + α²·(j−1)) for j = 1..h. */
export function sesStandardErrors(fit: SesFit, h: number): number[] {
  return Array.from({ length: h }, (_, j) => Math.sqrt(fit.sigma2 * (1 + fit.alpha ** 2 * j)));
}

/**
 * SES forecasts with 80/95% intervals. With a period above 1 the series is seasonally adjusted first when
 * the seasonality test says so (as M3 treated its non-seasonal methods), and the forecast reseasonalised.
 */
export function ses(y: number[], h: number, period = 1): Forecast {
  const adjustment = seasonalAdjustment(y, period);
  const fit = fitSes(deseasonalise(y, adjustment));
  const flat = Array<number>(h).fill(fit.level);
  const quantiles = normalQuantiles(flat, sesStandardErrors(fit, h));
  return {
    method: "ses",
    mean: reseasonalise(flat, y.length, adjustment),
    quantiles: mapQuantiles(quantiles, (values) => reseasonalise(values, y.length, adjustment)),
  };
}
