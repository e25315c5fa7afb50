import { forecastSeries } from "../../src/modules/forecasting/index.ts";
import { loadM3Monthly } from "./m3.ts";

/**
 * One core's share of M3 monthly forecast as shipped, in its own process
 * (`node --import tsx m3-worker.ts SHARD SHARDS`): every SHARDS-th series from SHARD, by
 * `forecastSeries` with its model selection. Prints one JSON line: the seconds forecasting took
 * (the data loaded before the clock starts) and each series' mean forecast by id.
 */
const [shard = 0, shards = 1] = process.argv.slice(2).map(Number);
const { series } = await loadM3Monthly();
const mine = series.filter((_, index) => index % shards === shard);
const started = performance.now();
const means = Object.fromEntries(
  mine.map((one) => [one.id, forecastSeries(one.train, { horizon: one.h, period: one.period }).forecast.mean]),
);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, means })}\n`);
