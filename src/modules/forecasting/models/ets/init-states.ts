import type { EtsSpec, EtsStates } from "./spec.ts";

/**
 * Starting states for the optimiser, as R's `initstate`: a classical decomposition of the first
 * (up to) three seasons gives seasonal indices; a regression on the first max(10, 2m) seasonally
 * adjusted points gives level and trend.
 */
export function initStates(y: ArrayLike<number>, spec: EtsSpec, period: number): EtsStates {
  const n = y.length;
  const m = spec.season === "N" ? 1 : period;
  const season = m > 1 ? seasonalIndices(y, m, spec.season === "M") : [];
  const adjusted = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    if (m === 1) adjusted[t] = yt;
    else {
      const s = season[t % m] as number;
      adjusted[t] = spec.season === "M" ? yt / s : yt - s;
    }
  }
  const k = Math.min(Math.max(10, 2 * m), n);
  if (spec.trend === "N" || k < 2) {
    let sum = 0;
    for (let t = 0; t < k; t++) sum += adjusted[t] as number;
    return { level: sum / Math.max(k, 1), trend: 0, season };
  }
  // least squares on t = 1..k
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < k; t++) {
    const x = t + 1;
    const v = adjusted[t] as number;
    sx += x;
    sy += v;
    sxx += x * x;
    sxy += x * v;
  }
  const slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
  let level = (sy - slope * sx) / k;
  let trend = slope;
  if (Math.abs(level + trend) < 1e-8) {
    level *= 1 + 1e-3;
    trend *= 1 + 1e-3;
  }
  return { level, trend, season };
}

/** Seasonal indices per position (time t ≡ j mod m) from a centred moving average over up to 3 seasons. */
function seasonalIndices(y: ArrayLike<number>, m: number, multiplicative: boolean): number[] {
  const len = Math.min(y.length, 3 * m) - (Math.min(y.length, 3 * m) % m);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  for (let t = half; t + half < len; t++) {
    let trend = 0;
    if (even) {
      trend += 0.5 * ((y[t - half] as number) + (y[t + half] as number));
      for (let i = t - half + 1; i < t + half; i++) trend += y[i] as number;
    } else {
      for (let i = t - half; i <= t + half; i++) trend += y[i] as number;
    }
    trend /= m;
    const v = y[t] as number;
    sums[t % m] = (sums[t % m] as number) + (multiplicative ? v / trend : v - trend);
    counts[t % m] = (counts[t % m] as number) + 1;
  }
  const idx = Array.from({ length: m }, (_, j) => {
    const c = counts[j] as number;
    return c > 0 ? (sums[j] as number) / c : multiplicative ? 1 : 0;
  });
  return normaliseSeason(multiplicative ? idx.map((s) => Math.max(s, 1e-2)) : idx, multiplicative);
}

/** Additive indices sum to 0, multiplicative ones average 1. */
export function normaliseSeason(season: number[], multiplicative: boolean): number[] {
  const m = season.length;
  const mean = season.reduce((a, b) => a + b, 0) / m;
  return season.map((s) => (multiplicative ? s / mean : s - mean));
}
