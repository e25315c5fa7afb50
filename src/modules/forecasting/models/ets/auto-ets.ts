import { type FitOptions, fitEts } from "./fit.ts";
import { etsPointForecast } from "./forecast.ts";
import { DEFAULT_QUANTILES, etsQuantiles } from "./intervals.ts";
import { candidateSpecs, countParams, type EtsFit, type EtsParams, type EtsSpec } from "./spec.ts";

export type AutoEtsOptions = {
  period: number;
  h: number;
  /** Probabilities in (0, 1); default 0.025, 0.1, 0.2, …, 0.9, 0.975. */
  quantiles?: number[];
  /** Nelder–Mead evaluation budget per model (default 60 × number of free parameters). */
  maxEval?: number;
  /** Optimise the seasonal initial states for every candidate, as R does (about 5× slower). By default they are
   * kept from the decomposition during selection and optimised only for the chosen model. */
  optimizeSeasonStates?: boolean;
  /** Simulated sample paths for the quantiles of multiplicative models (default 1000, fixed seed). */
  paths?: number;
};

export type AutoEtsResult = {
  method: string;
  spec: EtsSpec;
  mean: number[];
  /** Keyed by `String(q)`, e.g. "0.1", "0.975". */
  quantiles: Record<string, number[]>;
  aicc: number;
  params: EtsParams;
  sigma2: number;
};

/** Highest seasonal period for which seasonal models are tried (as R's ets). */
const MAX_PERIOD = 24;

/**
 * Fits the admissible ETS models and keeps the one with the lowest AICc (Hyndman et al. 2008; R forecast::ets).
 * Seasonal models need period > 1 and n ≥ 2·period; multiplicative ones need strictly positive data;
 * a model is skipped when it has at least n − 1 parameters. Throws on an empty or non-finite series.
 */
export function autoEts(y: number[], options: AutoEtsOptions): AutoEtsResult {
  const n = y.length;
  if (n === 0 || y.some((v) => !Number.isFinite(v))) throw new RangeError("autoEts needs a non-empty series of finite numbers");
  const period = Math.max(1, Math.round(options.period));
  const quantiles = options.quantiles ?? DEFAULT_QUANTILES;
  const fitOptions: FitOptions = { optimizeSeasonStates: options.optimizeSeasonStates === true };
  if (options.maxEval !== undefined) fitOptions.maxEval = options.maxEval;

  const constant = y.every((v) => v === y[0]);
  const seasonal = !constant && period > 1 && period <= MAX_PERIOD && n >= 2 * period;
  const multiplicative = !constant && y.every((v) => v > 0);
  const specs = candidateSpecs({ seasonal, multiplicative }).filter((s) => countParams(s, period) < n - 1);

  let best: EtsFit | undefined;
  for (const spec of constant ? [] : specs) {
    const fit = fitEts(y, spec, period, fitOptions);
    if (Number.isFinite(fit.aicc) && (best === undefined || fit.aicc < best.aicc)) best = fit;
  }
  // Constant or too short for any model: simple exponential smoothing gives a flat forecast.
  best ??= fitEts(y, { error: "A", trend: "N", season: "N" }, period, fitOptions);

  // The selection above keeps the decomposition's seasonal states; free them for the chosen model only.
  if (best.spec.season !== "N" && fitOptions.optimizeSeasonStates !== true) {
    const refined = fitEts(y, best.spec, period, { ...fitOptions, optimizeSeasonStates: true });
    if (refined.lik < best.lik) best = refined;
  }
  const mean = etsPointForecast(best, options.h);
  return {
    method: best.method,
    spec: best.spec,
    mean,
    quantiles: etsQuantiles(best, mean, quantiles, options.paths === undefined ? {} : { paths: options.paths }),
    aicc: best.aicc,
    params: best.params,
    sigma2: best.sigma2,
  };
}
