import { mulberry32 } from "../../../../platform/mulberry32.ts";
import { normalQuantile } from "../normal-quantile.ts";
import { fillNormal } from "./random.ts";
import type { EtsFit } from "./spec.ts";

export const DEFAULT_QUANTILES = [0.025, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.975];

export type IntervalOptions = { paths?: number; seed?: number };

/** Prediction quantiles keyed by `String(q)`. Analytical for the additive class, simulated otherwise. */
export function etsQuantiles(
  fit: EtsFit,
  mean: readonly number[],
  quantiles: readonly number[],
  options: IntervalOptions = {},
): Record<string, number[]> {
  return fit.spec.error === "A" && fit.spec.season !== "M"
    ? analyticalQuantiles(fit, mean, quantiles)
    : simulatedQuantiles(fit, mean.length, quantiles, options);
}

/** Class 1 (Hyndman et al. 2008, ch. 6): var_h = σ²·(1 + Σ_{j<h} c_j²), c_j = α + β·Σφ^i + γ·[j mod m = 0]. */
function analyticalQuantiles(fit: EtsFit, mean: readonly number[], quantiles: readonly number[]): Record<string, number[]> {
  const { alpha, beta, gamma, phi } = fit.params;
  const m = fit.period;
  const sd: number[] = [];
  let acc = 1;
  let phiSum = 0;
  let phiPow = 1;
  for (let h = 1; h <= mean.length; h++) {
    sd.push(Math.sqrt(fit.sigma2 * acc));
    phiPow *= phi;
    phiSum += phiPow;
    const c = alpha + (fit.spec.trend === "N" ? 0 : beta * phiSum) + (fit.spec.season !== "N" && h % m === 0 ? gamma : 0);
    acc += c * c;
  }
  const out: Record<string, number[]> = {};
  for (const q of quantiles) {
    const z = normalQuantile(q);
    out[String(q)] = mean.map((f, i) => f + z * (sd[i] as number));
  }
  return out;
}

/** Simulates sample paths with Gaussian innovations (seeded) and reads off empirical quantiles per step. */
function simulatedQuantiles(
  fit: EtsFit,
  h: number,
  quantiles: readonly number[],
  options: IntervalOptions,
): Record<string, number[]> {
  const paths = options.paths ?? 1000;
  const shocks = fillNormal(new Float64Array(paths * h), mulberry32(options.seed ?? 20080101));
  const sigma = Math.sqrt(fit.sigma2);
  const { alpha, beta, gamma, phi } = fit.params;
  const multError = fit.spec.error === "M";
  const hasTrend = fit.spec.trend !== "N";
  const seasonKind = fit.spec.season === "N" ? 0 : fit.spec.season === "A" ? 1 : 2;
  const m = Math.max(fit.final.season.length, 1);
  const betaStar = hasTrend ? beta / alpha : 0;
  const sims = new Float64Array(paths * h); // step-major: sims[i * paths + p]
  const season = new Float64Array(m);
  const season0 = Float64Array.from(fit.final.season.length > 0 ? fit.final.season : [0]);
  for (let p = 0; p < paths; p++) {
    let l = fit.final.level;
    let b = hasTrend ? fit.final.trend : 0;
    if (seasonKind !== 0) season.set(season0);
    for (let i = 0; i < h; i++) {
      const j = i % m;
      const phib = phi * b;
      const q = l + phib;
      const s = seasonKind === 0 ? 0 : (season[j] as number);
      const f = seasonKind === 2 ? q * s : q + s;
      const e = sigma * (shocks[p * h + i] as number);
      let y = multError ? f * (1 + e) : f + e;
      if (!Number.isFinite(y)) y = f;
      sims[i * paths + p] = y;
      const pAdj = seasonKind === 1 ? y - s : seasonKind === 2 ? (s !== 0 ? y / s : q) : y;
      const lNew = q + alpha * (pAdj - q);
      if (hasTrend) b = phib + betaStar * (lNew - l - phib);
      if (seasonKind === 1) season[j] = s + gamma * (y - q - s);
      else if (seasonKind === 2 && q !== 0) season[j] = s + gamma * (y / q - s);
      l = lNew;
    }
  }
  const out: Record<string, number[]> = {};
  for (const q of quantiles) out[String(q)] = [];
  for (let i = 0; i < h; i++) {
    const col = sims.subarray(i * paths, (i + 1) * paths).sort();
    for (const q of quantiles) (out[String(q)] as number[]).push(empiricalQuantile(col, q));
  }
  return out;
}

/** Type-7 quantile of a sorted sample. */
function empiricalQuantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * Math.min(Math.max(q, 0), 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  return a + (pos - lo) * ((sorted[hi] as number) - a);
}
