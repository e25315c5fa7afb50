/** The central 80% and 95% intervals every forecast carries, as quantile levels. */
export const QUANTILE_LEVELS = ["0.025", "0.1", "0.9", "0.975"] as const;
export type QuantileLevel = (typeof QUANTILE_LEVELS)[number];

/**
 * A point forecast for steps 1..h, with its quantiles at the same steps. `levels`, when a model gives it, holds
 * quantiles at further levels keyed by the level as text ("0.1" … "0.9" for the count models), for scoring by
 * weighted quantile loss; it includes the levels of `quantiles`.
 */
export type Forecast = {
  method: string;
  mean: number[];
  quantiles: Record<QuantileLevel, number[]>;
  levels?: Record<string, number[]>;
};

const Z: Record<QuantileLevel, number> = {
  "0.025": -1.959963984540054,
  "0.1": -1.2815515655446004,
  "0.9": 1.2815515655446004,
  "0.975": 1.959963984540054,
};

/** Normal quantiles around each mean, given each step's forecast standard error. */
export function normalQuantiles(mean: number[], standardErrors: number[]): Record<QuantileLevel, number[]> {
  const at = (level: QuantileLevel) => mean.map((value, step) => value + Z[level] * (standardErrors[step] as number));
  return { "0.025": at("0.025"), "0.1": at("0.1"), "0.9": at("0.9"), "0.975": at("0.975") };
}

export function mapQuantiles(
  quantiles: Record<QuantileLevel, number[]>,
  map: (values: number[], level: QuantileLevel) => number[],
): Record<QuantileLevel, number[]> {
  return {
    "0.025": map(quantiles["0.025"], "0.025"),
    "0.1": map(quantiles["0.1"], "0.1"),
    "0.9": map(quantiles["0.9"], "0.9"),
    "0.975": map(quantiles["0.975"], "0.975"),
  };
}
