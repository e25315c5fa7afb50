export {
  bias,
  mase,
  type QuantileScored,
  quantileLoss,
  rmsse,
  scalingLag,
  smape,
  volumeBias,
  weightedQuantileLoss,
} from "./models/accuracy.ts";
export {
  type AutoEtsOptions,
  type AutoEtsResult,
  autoEts,
  type EtsFit,
  type EtsSpec,
  fitEts,
} from "./models/ets/index.ts";
export { type Forecast, QUANTILE_LEVELS, type QuantileLevel } from "./models/forecast.ts";
export {
  type CountDemand,
  countForecast,
  countQuantiles,
  DECILES,
  sizeMoments,
} from "./models/intermittent/count-quantiles.ts";
export { type CrostonFit, type CrostonVariant, croston, fitCroston, sba } from "./models/intermittent/croston.ts";
export { classifyDemand, type DemandClass, type DemandClassName } from "./models/intermittent/demand-class.ts";
export { fitTsb, type TsbFit, tsb } from "./models/intermittent/tsb.ts";
export { naive, naive2, seasonalNaive } from "./models/naive.ts";
export { normalQuantile } from "./models/normal-quantile.ts";
export {
  autocorrelation,
  deseasonalise,
  isSeasonal,
  reseasonalise,
  type SeasonalAdjustment,
  seasonalAdjustment,
  seasonalIndices,
} from "./models/seasonality.ts";
export { fitSes, type SesFit, ses } from "./models/ses.ts";
export { linearTrendSlope, theta } from "./models/theta.ts";
export { type CleanHistory, type CleanOptions, cleanHistory } from "./series/clean-history.ts";
export { forecastSeries, type SeriesForecast, type SeriesOptions } from "./series/forecast-series.ts";
