import { nelderMead } from "../optimize/nelder-mead.ts";
import { initStates } from "./init-states.ts";
import { etsFilter, kernelOf } from "./recursion.ts";
import { countParams, type EtsFit, type EtsSpec, etsName, seasonLength } from "./spec.ts";

export type FitOptions = {
  maxEval?: number;
  /** Also optimise the period − 1 free seasonal initial states (as R does; slower). Default false: keep the decomposition's. */
  optimizeSeasonStates?: boolean;
};

const LOWER = 1e-4;
const UPPER = 0.9999;
const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;

/**
 * Fits one ETS model by minimising n·log(Σe²) (+ 2·Σlog|ŷ| for multiplicative errors) over the
 * smoothing parameters and initial states, with the usual bounds 0 < beta ≤ alpha, 0 < gamma ≤ 1 − alpha,
 * phi ∈ [0.8, 0.98]. Works on y / mean|y| so the simplex steps are scale-free.
 */
export function fitEts(y: readonly number[], spec: EtsSpec, period: number, options: FitOptions = {}): EtsFit {
  const n = y.length;
  const m = seasonLength(spec, period);
  const hasTrend = spec.trend !== "N";
  const damped = spec.trend === "Ad";
  const seasonal = spec.season !== "N";
  const mult = spec.season === "M";
  let scale = 0;
  for (const v of y) scale += Math.abs(v);
  scale = scale > 0 ? scale / n : 1;
  const ys = Float64Array.from(y, (v) => v / scale);
  const kernel = kernelOf(spec, period);
  const start = initStates(ys, spec, m);

  const alpha0 = LOWER + (0.2 * (UPPER - LOWER)) / Math.max(period, 1);
  const x0: number[] = [alpha0];
  const lower: number[] = [LOWER];
  const upper: number[] = [UPPER];
  if (hasTrend) x0.push(Math.min(LOWER + 0.1 * (UPPER - LOWER), alpha0 - 1e-3 > LOWER ? alpha0 - 1e-3 : alpha0));
  if (seasonal) x0.push(LOWER + 0.05 * (UPPER - LOWER));
  if (damped) x0.push(PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER));
  for (let i = 1; i < x0.length; i++) {
    lower.push(i === x0.length - 1 && damped ? PHI_LOWER : LOWER);
    upper.push(i === x0.length - 1 && damped ? PHI_UPPER : UPPER);
  }
  const nSmooth = x0.length;
  x0.push(start.level);
  if (hasTrend) x0.push(start.trend);
  const freeSeason = seasonal && options.optimizeSeasonStates === true;
  if (freeSeason) for (let j = 1; j < m; j++) x0.push(start.season[j] as number);

  const state = new Float64Array(2 + m);
  // par = [alpha, beta, gamma, phi]; unpack writes it and the initial state, false when the bounds are violated
  const par = new Float64Array(4);
  const unpack = (x: ArrayLike<number>): boolean => {
    let i = 0;
    const alpha = x[i++] as number;
    const beta = hasTrend ? (x[i++] as number) : 0;
    const gamma = seasonal ? (x[i++] as number) : 0;
    par[0] = alpha;
    par[1] = beta;
    par[2] = gamma;
    par[3] = damped ? (x[i++] as number) : 1;
    if (beta > alpha || gamma > 1 - alpha) return false;
    state[0] = x[i++] as number;
    state[1] = hasTrend ? (x[i++] as number) : 0;
    if (seasonal) {
      let sum = 0;
      for (let j = 1; j < m; j++) {
        const s = freeSeason ? (x[i++] as number) : (start.season[j] as number);
        state[2 + j] = s;
        sum += s;
      }
      state[2] = mult ? m - sum : -sum;
    }
    return true;
  };
  const objective = (x: Float64Array): number =>
    unpack(x)
      ? etsFilter(ys, kernel, par[0] as number, par[1] as number, par[2] as number, par[3] as number, state)
      : Number.POSITIVE_INFINITY;
  while (lower.length < x0.length) {
    lower.push(Number.NEGATIVE_INFINITY);
    upper.push(Number.POSITIVE_INFINITY);
  }
  const step = x0.map((v, i) => (i < nSmooth ? 0.1 * Math.max(Math.abs(v), 0.5) : 0.1 * Math.max(Math.abs(v), 0.2)));
  const best = nelderMead(objective, x0, { lower, upper, step, maxEval: options.maxEval ?? 40 * x0.length, tol: 1e-5 });

  if (!unpack(best.x)) unpack(x0);
  const params = { alpha: par[0] as number, beta: par[1] as number, gamma: par[2] as number, phi: par[3] as number };
  const initState = Float64Array.from(state);
  const residuals = new Float64Array(n);
  const likScaled = etsFilter(ys, kernel, params.alpha, params.beta, params.gamma, params.phi, state, residuals);
  const lik = likScaled + 2 * n * Math.log(scale);
  const nParams = countParams(spec, period);
  const np = nParams + 1;
  const aic = lik + 2 * np;
  const aicc = n - np - 1 > 0 ? aic + (2 * np * (np + 1)) / (n - np - 1) : Number.POSITIVE_INFINITY;
  let sse = 0;
  for (const e of residuals) sse += e * e;
  const errScale = spec.error === "A" ? scale * scale : 1;
  const sigma2 = (sse * errScale) / Math.max(n - np, 1);
  const seasonScale = mult ? 1 : scale;
  const toSeason = (s: Float64Array, offset: number): number[] =>
    m > 1 ? Array.from({ length: m }, (_, j) => (s[2 + ((offset + j) % m)] as number) * seasonScale) : [];
  return {
    spec,
    method: etsName(spec),
    period: m,
    n,
    params: { ...params, beta: hasTrend ? params.beta : 0, gamma: seasonal ? params.gamma : 0 },
    init: { level: (initState[0] as number) * scale, trend: (initState[1] as number) * scale, season: toSeason(initState, 0) },
    final: { level: (state[0] as number) * scale, trend: (state[1] as number) * scale, season: toSeason(state, n) },
    lik: Number.isFinite(likScaled) ? lik : Number.POSITIVE_INFINITY,
    aicc: Number.isFinite(likScaled) ? aicc : Number.POSITIVE_INFINITY,
    sigma2: Number.isFinite(sigma2) ? sigma2 : 0,
    nParams,
  };
}
