/** ETS model specification, parameters and states (Hyndman et al. 2008 taxonomy, no multiplicative trend). */
export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "Ad";
export type SeasonType = "N" | "A" | "M";
export type EtsSpec = { error: ErrorType; trend: TrendType; season: SeasonType };

export type EtsParams = { alpha: number; beta: number; gamma: number; phi: number };

/** `season[j]` is the seasonal index for time t ≡ j (mod period), t counted from the first observation. */
export type EtsStates = { level: number; trend: number; season: number[] };

export type EtsFit = {
  spec: EtsSpec;
  method: string;
  period: number;
  n: number;
  params: EtsParams;
  init: EtsStates;
  /** State after the last observation; `season[j]` is the index for forecast step j + 1 (and every `period` after). */
  final: EtsStates;
  /** -2 log-likelihood up to a constant: n·log(Σe²) (+ 2·Σlog|ŷ| for multiplicative errors). */
  lik: number;
  aicc: number;
  /** Variance of the innovations (relative errors for multiplicative-error models). */
  sigma2: number;
  /** Estimated parameters + initial states (without the variance). */
  nParams: number;
};

export const etsName = (spec: EtsSpec): string => `ETS(${spec.error},${spec.trend},${spec.season})`;

export const seasonLength = (spec: EtsSpec, period: number): number => (spec.season === "N" ? 1 : period);

/** Smoothing parameters + initial states, as R's ets counts them (seasonal states normalised: period − 1 free). */
export function countParams(spec: EtsSpec, period: number): number {
  let k = 2; // alpha, level
  if (spec.trend !== "N") k += 2;
  if (spec.trend === "Ad") k += 1;
  if (spec.season !== "N") k += period; // gamma + (period - 1) states
  return k;
}

/** Models R's ets considers by default, minus multiplicative trend. */
export function candidateSpecs(options: { seasonal: boolean; multiplicative: boolean }): EtsSpec[] {
  const specs: EtsSpec[] = [];
  const errors: ErrorType[] = options.multiplicative ? ["A", "M"] : ["A"];
  const seasons: SeasonType[] = !options.seasonal ? ["N"] : options.multiplicative ? ["N", "A", "M"] : ["N", "A"];
  for (const error of errors) {
    for (const trend of ["N", "A", "Ad"] as const) {
      for (const season of seasons) {
        if (error === "A" && season === "M") continue; // unstable, excluded by R
        specs.push({ error, trend, season });
      }
    }
  }
  return specs;
}
