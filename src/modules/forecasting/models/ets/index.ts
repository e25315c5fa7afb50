export { type AutoEtsOptions, type AutoEtsResult, autoEts } from "./auto-ets.ts";
export { type FitOptions, fitEts } from "./fit.ts";
export { etsPointForecast } from "./forecast.ts";
export { DEFAULT_QUANTILES, etsQuantiles } from "./intervals.ts";
export type { ErrorType, EtsFit, EtsParams, EtsSpec, EtsStates, SeasonType, TrendType } from "./spec.ts";
