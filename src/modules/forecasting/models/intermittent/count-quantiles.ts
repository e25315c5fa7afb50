import { type Forecast, QUANTILE_LEVELS } from "../forecast.ts";
import { normalQuantile } from "../normal-quantile.ts";

/** The nine deciles scored by weighted quantile loss, as text keys of `Forecast.levels`. */
export const DECILES = ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"] as const;

/**
 * One period's demand as a compound: demand occurs with `probability`, and its size is 1 + X, where X is negative
 * binomial with mean `sizeMean` − 1 and variance `sizeVariance` (Poisson when that variance is not above the mean,
 * size 1 always when the mean is ≤ 1). The distribution's mean is probability · sizeMean, the model's forecast.
 */
export type CountDemand = { probability: number; sizeMean: number; sizeVariance: number };

/** Mean and sample variance (n − 1) of demand sizes; variance 0 for fewer than two. */
export function sizeMoments(sizes: number[]): { mean: number; variance: number } {
  if (sizes.length === 0) return { mean: 0, variance: 0 };
  const mean = sizes.reduce((sum, value) => sum + value, 0) / sizes.length;
  if (sizes.length < 2) return { mean, variance: 0 };
  const variance = sizes.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (sizes.length - 1);
  return { mean, variance };
}

/** P(X = k) for k = 0, 1, …: negative binomial with mean m and variance v > m, else Poisson(m); X = 0 when m ≤ 0. */
function excessProbability(m: number, v: number): (k: number, previous: number) => number {
  if (m <= 0) return (k) => (k === 0 ? 1 : 0);
  if (v > m) {
    const r = (m * m) / (v - m);
    const success = r / (r + m);
    return (k, previous) => (k === 0 ? success ** r : previous * ((k - 1 + r) / k) * (1 - success));
  }
  return (k, previous) => (k === 0 ? Math.exp(-m) : (previous * m) / k);
}

const MAX_COUNT = 100_000;

/**
 * The smallest count y with P(Y ≤ y) ≥ level, for each level, as integers. When P(X = 0) underflows (a mean size
 * in the hundreds), the sizes' quantiles come from a normal approximation instead.
 */
export function countQuantiles(demand: CountDemand, levels: readonly number[]): number[] {
  const probability = Math.min(1, Math.max(0, demand.probability));
  if (!(probability > 0) || !(demand.sizeMean > 0)) return levels.map(() => 0);
  const m = Math.max(0, demand.sizeMean - 1);
  const v = Math.max(0, demand.sizeVariance);
  const pmf = excessProbability(m, v);
  if (pmf(0, 0) === 0) return levels.map((level) => normalCount(level, probability, m, Math.max(v, m)));
  return levels.map((level) => {
    let cumulative = 1 - probability;
    let count = 0;
    let previous = 0;
    while (cumulative < level - 1e-12 && count < MAX_COUNT) {
      previous = pmf(count, previous);
      count++;
      cumulative += probability * previous;
    }
    return count;
  });
}

/** Quantile of the compound when the sizes are approximated as 1 + Normal(m, v): the size at the conditional level. */
function normalCount(level: number, probability: number, m: number, v: number): number {
  if (level <= 1 - probability) return 0;
  const conditional = (level - (1 - probability)) / probability;
  return Math.max(1, Math.ceil(1 + m + normalQuantile(conditional) * Math.sqrt(v)));
}

/** A flat count forecast for h steps: the mean repeated, and the compound distribution's quantiles. */
export function countForecast(method: string, mean: number, demand: CountDemand, h: number): Forecast {
  const keys = [...new Set<string>([...QUANTILE_LEVELS, ...DECILES])];
  const values = countQuantiles(demand, keys.map(Number));
  const levels: Record<string, number[]> = {};
  keys.forEach((key, i) => {
    levels[key] = Array.from({ length: h }, () => values[i] as number);
  });
  const at = (key: string) => levels[key] as number[];
  const safeMean = Number.isFinite(mean) && mean > 0 ? mean : 0;
  return {
    method,
    mean: Array.from({ length: h }, () => safeMean),
    quantiles: { "0.025": at("0.025"), "0.1": at("0.1"), "0.9": at("0.9"), "0.975": at("0.975") },
    levels,
  };
}
