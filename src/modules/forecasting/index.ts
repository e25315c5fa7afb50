export { bias, mase, rmsse, scalingLag, smape } from "./models/accuracy.ts";
export {
  type AutoEtsOptions,
  type AutoEtsResult,
  autoEts,
  type EtsFit,
  type EtsSpec,
  fitEts,
} from "./models/ets/index.ts";
export { type Forecast, QUANTILE_LEVELS, type QuantileLevel } from "./models/forecast.ts";
export { naive, naive2, seasonalNaive } from "./models/naive.ts";
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
