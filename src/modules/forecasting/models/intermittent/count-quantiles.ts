import { type Forecast, QUANTILE_LEVELS } from "../forecast.ts";

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
  return Math.max(1, Math.ceil(1 + m + inverseNormal(conditional) * Math.sqrt(v)));
}

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function inverseNormal(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x = (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
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
