import { autoEts } from "../models/ets/index.ts";
import { type Forecast, mapQuantiles, normalQuantiles, QUANTILE_LEVELS } from "../models/forecast.ts";
import { classifyDemand, type DemandClassName } from "../models/intermittent/demand-class.ts";
import { tsb } from "../models/intermittent/tsb.ts";
import { theta } from "../models/theta.ts";
import { cleanHistory } from "./clean-history.ts";

export type SeriesOptions = {
  /** Periods ahead, 1 to 1,000. */
  horizon: number;
  /** The season's length in periods (12 for months, 52 for weeks, 7 for days; 1 for none). */
  period: number;
  stockouts?: readonly boolean[];
  /** For an item with no history: what an item of its category sells per period (its category's profile). */
  profile?: number;
  maxPeriods?: number;
};

/** A series' forecast with the method chosen, why, the demand class it was chosen by, and what was done to its history. */
export type SeriesForecast = {
  method: string;
  why: string;
  demandClass: DemandClassName | "new";
  forecast: Forecast;
  notes: string[];
};

/** Fewer periods than this are too few for a model: their mean is the forecast. */
const MIN_FOR_MODEL = 4;

const round = (value: number) => Number(value.toFixed(2));
const flat = (method: string, mean: number, spread: number, horizon: number): Forecast => {
  const means = Array.from({ length: horizon }, () => mean);
  return {
    method,
    mean: means,
    quantiles: normalQuantiles(
      means,
      means.map(() => spread),
    ),
  };
};
/** Demand is never below zero: means and quantiles cut at 0, and anything not finite (a model gone wrong) is none. */
const demandOf = (forecast: Forecast): Forecast => {
  const cut = (values: number[]) => values.map((value) => (Number.isFinite(value) ? Math.max(0, value) : Number.NaN));
  const levels = forecast.levels
    ? Object.fromEntries(Object.entries(forecast.levels).map(([level, values]) => [level, cut(values)]))
    : undefined;
  return {
    method: forecast.method,
    mean: cut(forecast.mean),
    quantiles: mapQuantiles(forecast.quantiles, cut),
    ...(levels ? { levels } : {}),
  };
};
const finite = (forecast: Forecast) =>
  [forecast.mean, ...QUANTILE_LEVELS.map((level) => forecast.quantiles[level])].every((values) => values.every(Number.isFinite));

/** The mean of ETS (chosen by AICc) and Theta, quantile by quantile: on M3's monthly series it beats either alone. */
function etsAndTheta(values: number[], horizon: number, period: number): Forecast {
  const seasonal = values.length >= 2 * period ? period : 1;
  const ets = autoEts(values, { period: seasonal, h: horizon, quantiles: [0.025, 0.1, 0.9, 0.975] });
  const byTheta = theta(values, horizon, seasonal);
  const average = (a: number[], b: number[]) => a.map((value, step) => (value + (b[step] as number)) / 2);
  return {
    method: `mean of ${ets.method} and theta`,
    mean: average(ets.mean, byTheta.mean),
    quantiles: mapQuantiles(byTheta.quantiles, (values, level) => average(ets.quantiles[level] ?? values, values)),
  };
}

/**
 * One item-location's forecast, chosen for its history: cleaned first (`clean-history.ts`), then by
 * its demand class (ADI and CV² of the cleaned history) — smooth or erratic demand by the mean of
 * ETS and Theta, intermittent or lumpy demand by TSB (whose demand probability decays when sales
 * stop), no demand at all as zero, a history too short for a model as its mean, an item with no
 * history at all as its category's profile when given. Always a finite forecast with its
 * intervals, never below zero, and always a reason in words; a model that fails on a series falls
 * back to the mean rather than stop a run.
 */
export function forecastSeries(raw: readonly (number | null | undefined)[], options: SeriesOptions): SeriesForecast {
  const { horizon } = options;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 1000)
    throw new RangeError(`the horizon must be a whole number of periods from 1 to 1000, not ${horizon}`);
  const period = Number.isInteger(options.period) && options.period >= 1 ? options.period : 1;
  const { values, notes } = cleanHistory(raw, {
    period,
    ...(options.stockouts ? { stockouts: options.stockouts } : {}),
    ...(options.maxPeriods ? { maxPeriods: options.maxPeriods } : {}),
  });
  if (values.length === 0) {
    const profile = options.profile;
    if (profile !== undefined && Number.isFinite(profile) && profile > 0)
      return {
        method: "category profile",
        why: `no history: what an item of its category sells, ${round(profile)} a period`,
        demandClass: "new",
        forecast: demandOf(flat("category profile", profile, Math.sqrt(profile) * 1.5, horizon)),
        notes,
      };
    return {
      method: "none",
      why: "no history and no category profile: zero until it sells",
      demandClass: "new",
      forecast: flat("none", 0, 0, horizon),
      notes,
    };
  }
  const demand = classifyDemand(values);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const spread = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
  const meanForecast = (why: string): SeriesForecast => ({
    method: "mean",
    why,
    demandClass: demand.name,
    forecast: demandOf(flat("mean", mean, Math.max(spread, Math.sqrt(mean)), horizon)),
    notes,
  });
  if (demand.name === "none")
    return {
      method: "none",
      why: `no demand in ${values.length} periods`,
      demandClass: "none",
      forecast: flat("none", 0, 0, horizon),
      notes,
    };
  if (values.length < MIN_FOR_MODEL)
    return meanForecast(`only ${values.length} period${values.length === 1 ? "" : "s"} of history: their mean`);
  const classWords = `${demand.name} demand (ADI ${round(demand.adi)}, CV² ${round(demand.cv2)})`;
  try {
    const intermittent = demand.name === "intermittent" || demand.name === "lumpy";
    const forecast = demandOf(intermittent ? tsb(values, horizon) : etsAndTheta(values, horizon, period));
    if (!finite(forecast)) return meanForecast(`${classWords}: the model gave no finite forecast, so the mean`);
    return {
      method: forecast.method,
      why: intermittent
        ? `${classWords}: TSB, whose demand probability falls when sales stop`
        : `${classWords}: the mean of ETS (${forecast.method.replace(/^mean of | and theta$/g, "")}, chosen by AICc) and Theta`,
      demandClass: demand.name,
      forecast,
      notes,
    };
  } catch (error) {
    return meanForecast(`${classWords}: the model failed (${(error as Error).message}), so the mean`);
  }
}
