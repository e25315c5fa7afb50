import type { Forecast } from "../forecast.ts";
import { countForecast, sizeMoments } from "./count-quantiles.ts";
import { demandSizes } from "./demand-class.ts";

export type TsbFit = {
  /** Smoothing of the demand probability (every period) and of the size (periods with demand). */
  alpha: number;
  beta: number;
  probability: number;
  size: number;
  mean: number;
};

export const TSB_GRID = [0.02, 0.05, 0.1, 0.2, 0.3] as const;

function run(y: number[], alpha: number, beta: number): TsbFit & { mse: number } {
  const first = y.findIndex((value) => value > 0);
  let probability = 1 / (first + 1);
  let size = y[first] as number;
  let squared = 0;
  for (let t = first + 1; t < y.length; t++) {
    const value = y[t] as number;
    squared += (value - probability * size) ** 2;
    if (value > 0) {
      probability += alpha * (1 - probability);
      size += beta * (value - size);
    } else probability -= alpha * probability;
  }
  const steps = y.length - first - 1;
  return { alpha, beta, probability, size, mean: probability * size, mse: steps > 0 ? squared / steps : 0 };
}

/**
 * Teunter, Syntetos & Babai (2011): the probability of demand is smoothed every period (α), the size only when there
 * is demand (β); the forecast is their product, so it decays towards 0 while no demand comes, as Croston's does not.
 * Starts at the first demand: size its size, probability 1 / (periods up to it), as Croston's recursions do (a start
 * from the whole history's means lets the history into its own in-sample errors and favours tiny α). α and β, unless
 * given, are the pair of least one-step MSE after the first demand on a 5 × 5 grid. Undefined when there is no demand.
 */
export function fitTsb(y: number[], alpha?: number, beta?: number): TsbFit | undefined {
  if (demandSizes(y).length === 0) return undefined;
  const alphas = alpha === undefined ? TSB_GRID : [alpha];
  const betas = beta === undefined ? TSB_GRID : [beta];
  let best: (TsbFit & { mse: number }) | undefined;
  for (const a of alphas) {
    for (const b of betas) {
      const fit = run(y, a, b);
      if (!best || fit.mse < best.mse) best = fit;
    }
  }
  return best;
}

/** TSB forecast for h steps: flat mean p·z and the count quantiles of Bernoulli(p) occurrence × sizes around z. */
export function tsb(y: number[], h: number, alpha?: number, beta?: number): Forecast {
  const fit = fitTsb(y, alpha, beta);
  if (!fit) return countForecast("tsb", 0, { probability: 0, sizeMean: 0, sizeVariance: 0 }, h);
  const { variance } = sizeMoments(demandSizes(y));
  return countForecast("tsb", fit.mean, { probability: fit.probability, sizeMean: fit.size, sizeVariance: variance }, h);
}
