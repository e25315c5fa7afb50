/**
 * Forecast accuracy over one series. Each throws a RangeError when actual and forecast differ in length or
 * are empty, and returns undefined (never NaN) when a scaled measure's in-sample scale is zero.
 */

function checkLengths(actual: number[], forecast: number[]): void {
  if (actual.length === 0 || actual.length !== forecast.length) {
    throw new RangeError(`actual (${actual.length}) and forecast (${forecast.length}) must be non-empty and of one length`);
  }
}

/** M3's sMAPE in percent: mean of 200·|y − f| / (|y| + |f|); a step where both are 0 counts as 0. */
export function smape(actual: number[], forecast: number[]): number {
  checkLengths(actual, forecast);
  let sum = 0;
  actual.forEach((value, i) => {
    const predicted = forecast[i] as number;
    const denominator = Math.abs(value) + Math.abs(predicted);
    if (denominator > 0) sum += (200 * Math.abs(value - predicted)) / denominator;
  });
  return sum / actual.length;
}

/** The seasonal naive's lag: the period, or 1 when the history is too short for one seasonal difference. */
export function scalingLag(insample: number[], period: number): number {
  return insample.length > period ? period : 1;
}

function meanOfInsampleDifferences(insample: number[], period: number, power: 1 | 2): number | undefined {
  const lag = scalingLag(insample, period);
  if (insample.length <= lag) return undefined;
  let sum = 0;
  for (let t = lag; t < insample.length; t++) sum += Math.abs((insample[t] as number) - (insample[t - lag] as number)) ** power;
  return sum / (insample.length - lag);
}

/** Mean absolute error over the in-sample MAE of the seasonal naive; undefined when that MAE is 0 (or history is a single value). */
export function mase(actual: number[], forecast: number[], insample: number[], period: number): number | undefined {
  checkLengths(actual, forecast);
  const scale = meanOfInsampleDifferences(insample, period, 1);
  if (scale === undefined || scale === 0) return undefined;
  const mae = actual.reduce((sum, value, i) => sum + Math.abs(value - (forecast[i] as number)), 0) / actual.length;
  return mae / scale;
}

/** Root mean squared error over the in-sample seasonal naive's; undefined when that is 0. */
export function rmsse(actual: number[], forecast: number[], insample: number[], period: number): number | undefined {
  checkLengths(actual, forecast);
  const scale = meanOfInsampleDifferences(insample, period, 2);
  if (scale === undefined || scale === 0) return undefined;
  const mse = actual.reduce((sum, value, i) => sum + (value - (forecast[i] as number)) ** 2, 0) / actual.length;
  return Math.sqrt(mse / scale);
}

/** Mean of forecast − actual: positive when the forecast runs high. */
export function bias(actual: number[], forecast: number[]): number {
  checkLengths(actual, forecast);
  return actual.reduce((sum, value, i) => sum + ((forecast[i] as number) - value), 0) / actual.length;
}

/** Σ_t ρ_q(y, ŷ): the pinball loss of one quantile forecast, q(y − ŷ) when y ≥ ŷ, (1 − q)(ŷ − y) otherwise. */
export function quantileLoss(actual: number[], forecast: number[], level: number): number {
  checkLengths(actual, forecast);
  return actual.reduce((sum, value, i) => {
    const error = value - (forecast[i] as number);
    return sum + (error >= 0 ? level * error : (level - 1) * error);
  }, 0);
}

/** One series' actuals with its quantile forecasts keyed by level as text ("0.1"). */
export type QuantileScored = { actual: number[]; quantiles: Record<string, number[] | undefined> };

/**
 * Weighted quantile loss over a set of series, as the Chronos benchmark defines it:
 * (1/|Q|) Σ_q [2 Σ_{i,t} ρ_q(y, ŷ_q)] / Σ_{i,t} |y|. Undefined when there is nothing to weigh by (Σ|y| = 0);
 * a RangeError when a series lacks one of the levels.
 */
export function weightedQuantileLoss(series: QuantileScored[], levels: readonly string[]): number | undefined {
  if (levels.length === 0) throw new RangeError("weightedQuantileLoss needs at least one level");
  let scale = 0;
  const losses = levels.map(() => 0);
  for (const one of series) {
    scale += one.actual.reduce((sum, value) => sum + Math.abs(value), 0);
    levels.forEach((level, i) => {
      const forecast = one.quantiles[level];
      if (!forecast) throw new RangeError(`no forecast at level ${level}`);
      losses[i] = (losses[i] as number) + 2 * quantileLoss(one.actual, forecast, Number(level));
    });
  }
  if (scale === 0) return undefined;
  return losses.reduce((sum, loss) => sum + loss / scale, 0) / levels.length;
}

/** (Σ forecast − Σ actual) / Σ actual over a set of series: +0.1 when 10% too much is forecast; undefined when Σ actual = 0. */
export function volumeBias(series: { actual: number[]; forecast: number[] }[]): number | undefined {
  let forecastTotal = 0;
  let actualTotal = 0;
  for (const one of series) {
    checkLengths(one.actual, one.forecast);
    actualTotal += one.actual.reduce((sum, value) => sum + value, 0);
    forecastTotal += one.forecast.reduce((sum, value) => sum + value, 0);
  }
  return actualTotal === 0 ? undefined : (forecastTotal - actualTotal) / actualTotal;
}
