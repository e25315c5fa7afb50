import type { EtsSpec } from "./spec.ts";

/** Numeric model codes for the inner loop. */
export type EtsKernel = { multError: boolean; trend: boolean; season: 0 | 1 | 2; m: number };

export const kernelOf = (spec: EtsSpec, period: number): EtsKernel => ({
  multError: spec.error === "M",
  trend: spec.trend !== "N",
  season: spec.season === "N" ? 0 : spec.season === "A" ? 1 : 2,
  m: spec.season === "N" ? 1 : period,
});

const SSE_FLOOR = 1e-20;

/**
 * Runs the ETS filter over y. `state` = [level, trend, s_0 … s_{m-1}] with s_j the seasonal index for
 * time t ≡ j (mod m); it is overwritten with the state after the last observation.
 * Returns n·log(Σe²) (+ 2·Σlog|ŷ| for multiplicative errors), or Infinity when the model breaks down
 * (non-positive forecast where a multiplicative component needs a positive one).
 * Optional `residuals` receives e_t (relative for multiplicative errors); `fitted` receives ŷ_t.
 */
export function etsFilter(
  y: Float64Array,
  k: EtsKernel,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  state: Float64Array,
  residuals?: Float64Array,
  fitted?: Float64Array,
): number {
  const n = y.length;
  const m = k.m;
  const season = k.season;
  const multError = k.multError;
  const hasTrend = k.trend;
  const betaStar = hasTrend ? beta / alpha : 0;
  let l = state[0] as number;
  let b = hasTrend ? (state[1] as number) : 0;
  let sse = 0;
  let sumLog = 0;
  let prod = 1; // running product of forecasts, folded into sumLog every 16 steps (one log instead of 16)
  let j = 2;
  const end = 2 + m;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const phib = phi * b;
    const q = l + phib;
    let f = q;
    let p = yt;
    let s = 0;
    if (season === 1) {
      s = state[j] as number;
      f = q + s;
      p = yt - s;
    } else if (season === 2) {
      s = state[j] as number;
      if (!(q > 0) || !(s > 0)) return Number.POSITIVE_INFINITY;
      f = q * s;
      p = yt / s;
    }
    let e: number;
    if (multError) {
      if (!(f > 0)) return Number.POSITIVE_INFINITY;
      e = (yt - f) / f;
      prod *= f;
      if ((t & 15) === 15) {
        sumLog += Math.log(prod);
        prod = 1;
      }
    } else {
      e = yt - f;
    }
    if (residuals !== undefined) residuals[t] = e;
    if (fitted !== undefined) fitted[t] = f;
    sse += e * e;
    const lNew = q + alpha * (p - q);
    if (hasTrend) b = phib + betaStar * (lNew - l - phib);
    if (season === 1) state[j] = s + gamma * (yt - q - s);
    else if (season === 2) state[j] = s + gamma * (yt / q - s);
    l = lNew;
    if (season !== 0 && ++j === end) j = 2;
  }
  if (multError) sumLog += Math.log(prod);
  state[0] = l;
  state[1] = b;
  const lik = n * Math.log(Math.max(sse, SSE_FLOOR * n)) + (multError ? 2 * sumLog : 0);
  return Number.isNaN(lik) ? Number.POSITIVE_INFINITY : lik;
}
