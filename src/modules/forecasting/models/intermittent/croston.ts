import type { Forecast } from "../forecast.ts";
import { countForecast, sizeMoments } from "./count-quantiles.ts";
import { demandSizes } from "./demand-class.ts";

export type CrostonVariant = "croston" | "sba";

export type CrostonFit = {
  variant: CrostonVariant;
  alpha: number;
  /** Smoothed demand size and inter-demand interval after the last period. */
  size: number;
  interval: number;
  /** The per-period mean: size / interval, times (1 − α/2) for SBA. */
  mean: number;
};

export const CROSTON_ALPHAS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3] as const;
const DEFAULT_ALPHA = 0.1;

/**
 * Runs Croston's recursions with one α for sizes and intervals, updating both only in periods with demand. They start
 * from the mean size and the mean interval (n / demands), as tsintermittent's `crost` does by default: a start from the
 * first demand alone (interval = periods up to it, a censored interval) would persist, since a series has only a few
 * demands to correct it. (TSB, whose probability moves every period, starts from the first demand.) Returns the final
 * state and the in-sample MSE of the one-step forecasts.
 */
function run(y: number[], alpha: number, variant: CrostonVariant): CrostonFit & { mse: number } {
  const sizes = demandSizes(y);
  let size = sizes.reduce((sum, value) => sum + value, 0) / sizes.length;
  let interval = y.length / sizes.length;
  const factor = variant === "sba" ? 1 - alpha / 2 : 1;
  let sinceDemand = 1;
  let squared = 0;
  for (const value of y) {
    squared += (value - factor * (size / interval)) ** 2;
    if (value > 0) {
      size += alpha * (value - size);
      interval += alpha * (sinceDemand - interval);
      sinceDemand = 1;
    } else sinceDemand++;
  }
  return { variant, alpha, size, interval, mean: factor * (size / interval), mse: squared / y.length };
}

/**
 * Croston's method (1972) or the Syntetos–Boylan approximation (2005, Croston × (1 − α/2)). α is the given one, or the
 * grid value of least in-sample MSE, or 0.1 when there are fewer than two demands to fit it on. Undefined when the
 * history has no demand.
 */
export function fitCroston(y: number[], variant: CrostonVariant = "sba", alpha?: number): CrostonFit | undefined {
  const demands = demandSizes(y).length;
  if (demands === 0) return undefined;
  if (alpha !== undefined || demands < 2) return run(y, alpha ?? DEFAULT_ALPHA, variant);
  let best = run(y, CROSTON_ALPHAS[0], variant);
  for (const candidate of CROSTON_ALPHAS.slice(1)) {
    const fit = run(y, candidate, variant);
    if (fit.mse < best.mse) best = fit;
  }
  return best;
}

/**
 * Croston / SBA forecast for h steps: flat mean, and count quantiles of demand occurring with probability 1 / interval
 * (times SBA's factor), sizes from the smoothed size and the sizes' sample variance. All zeros without any demand.
 */
export function croston(y: number[], h: number, variant: CrostonVariant = "sba", alpha?: number): Forecast {
  const fit = fitCroston(y, variant, alpha);
  if (!fit) return countForecast(variant, 0, { probability: 0, sizeMean: 0, sizeVariance: 0 }, h);
  const probability = Math.min(1, fit.mean / fit.size);
  const { variance } = sizeMoments(demandSizes(y));
  return countForecast(variant, fit.mean, { probability, sizeMean: fit.size, sizeVariance: variance }, h);
}

export function sba(y: number[], h: number, alpha?: number): Forecast {
  return croston(y, h, "sba", alpha);
}
