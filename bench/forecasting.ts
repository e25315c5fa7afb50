import { performance } from "node:perf_hooks";
import { autoEts, type Forecast, mase, naive2, ses, smape, theta } from "../src/modules/forecasting/index.ts";
import { loadM3Monthly, M3_DIRECTORY, type M3Series, m3Present } from "./support/m3.ts";
import { type Metric, report } from "./support/results.ts";

/**
 * Demand forecasting (issue 8), as far as it is built: the classical models on the 1,428 monthly series
 * of M3 (h = 18), scored by sMAPE and MASE (in-sample seasonal naive, lag 12) averaged over series, with
 * the forecasts submitted to M3 scored by the same code in the same run. `npm run bench -- forecasting`.
 */
const PUBLISHED = [
  "Published M3 monthly references (sMAPE / MASE): Theta 13.86 / 0.864 (R forecast 8.20); ETS 14.14 / 0.865;",
  "ForecastPro 13.90 / 0.848; THETA as submitted 13.89 / 0.858; SES 16.22; Naive2 16.76.",
].join(" ");
const SUBMITTED = [
  { method: "THETA", label: "THETA as submitted to M3" },
  { method: "ForecastPro", label: "ForecastPro as submitted to M3" },
  { method: "NAIVE2", label: "NAIVE2 as submitted to M3" },
  { method: "SINGLE", label: "SINGLE (SES) as submitted to M3" },
  { method: "DAMPEN", label: "DAMPEN as submitted to M3" },
];

type Score = { smape: number; mase: number; unscaled: number };

function score(series: M3Series[], forecastOf: (series: M3Series) => number[]): Score {
  let smapeSum = 0;
  let maseSum = 0;
  let scaled = 0;
  for (const one of series) {
    const forecast = forecastOf(one);
    smapeSum += smape(one.test, forecast);
    const scaledError = mase(one.test, forecast, one.train, one.period);
    if (scaledError === undefined) continue;
    maseSum += scaledError;
    scaled++;
  }
  return { smape: smapeSum / series.length, mase: maseSum / scaled, unscaled: series.length - scaled };
}

function ours(model: (y: number[], h: number, period: number) => Forecast) {
  return (one: M3Series) => model(one.train, one.h, one.period).mean;
}

export async function main(): Promise<void> {
  if (!m3Present()) {
    const reason = `M3 not found at ${M3_DIRECTORY}: skipped (see ../shared/datasets/m3/README.md)`;
    process.stdout.write(`${reason}\n`);
    await report("forecasting", [], { skipped: reason });
    return;
  }
  const { series, submitted } = await loadM3Monthly();

  const started = performance.now();
  const thetaForecasts = new Map(series.map((one) => [one.id, theta(one.train, one.h, one.period)]));
  const thetaSeconds = (performance.now() - started) / 1000;

  const etsStarted = performance.now();
  const etsForecasts = new Map(series.map((one) => [one.id, autoEts(one.train, { period: one.period, h: one.h }).mean]));
  const etsSeconds = (performance.now() - etsStarted) / 1000;

  const thetaScore = score(series, (one) => (thetaForecasts.get(one.id) as Forecast).mean);
  const etsScore = score(series, (one) => etsForecasts.get(one.id) as number[]);
  // The mean of the two, step by step: a combination of unlike methods errs less than either.
  const combinedScore = score(series, (one) => {
    const fromTheta = (thetaForecasts.get(one.id) as Forecast).mean;
    const fromEts = etsForecasts.get(one.id) as number[];
    return fromTheta.map((value, step) => (value + (fromEts[step] as number)) / 2);
  });
  const naive2Score = score(series, ours(naive2));
  const sesRawScore = score(series, (one) => ses(one.train, one.h).mean);
  const sesAdjustedScore = score(series, ours(ses));
  const submittedScores = SUBMITTED.filter(({ method }) => submitted.has(method)).map(({ method, label }) => {
    const byId = submitted.get(method) as Map<string, number[]>;
    return { method, label, score: score(series, (one) => (byId.get(one.id) ?? []).slice(0, one.h)) };
  });
  const submittedScore = (method: string) => submittedScores.find((entry) => entry.method === method);
  const anchor = (method: string, pick: (score: Score) => number) => {
    const entry = submittedScore(method);
    return entry ? { name: entry.label, value: pick(entry.score), unit: "" } : undefined;
  };

  const metrics: Metric[] = [
    {
      name: "M3 monthly sMAPE, Theta (ours)",
      value: thetaScore.smape,
      unit: "%",
      target: "<= 13.6",
      anchor: anchor("THETA", (s) => s.smape),
      note: PUBLISHED,
    },
    {
      name: "M3 monthly MASE, Theta (ours)",
      value: thetaScore.mase,
      unit: "",
      target: "<= 0.84",
      anchor: anchor("THETA", (s) => s.mase),
    },
    { name: "M3 monthly seconds, Theta (ours), 1,428 series", value: thetaSeconds, unit: "s", target: "< 10" },
    {
      name: "M3 monthly sMAPE, ETS with AICc selection (ours)",
      value: etsScore.smape,
      unit: "%",
      target: "<= 13.6",
      note: "R forecast's ets(): 14.14 / 0.865",
    },
    { name: "M3 monthly MASE, ETS with AICc selection (ours)", value: etsScore.mase, unit: "", target: "<= 0.84" },
    {
      name: "M3 monthly seconds, ETS (ours), 1,428 series, one core",
      value: etsSeconds,
      unit: "s",
      target: "< 10",
      note: "R's ets() took ~590 CPU-seconds per 1,000 series",
    },
    {
      name: "M3 monthly sMAPE, mean of ETS and Theta (ours)",
      value: combinedScore.smape,
      unit: "%",
      target: "<= 13.6",
      anchor: anchor("ForecastPro", (s) => s.smape),
    },
    {
      name: "M3 monthly MASE, mean of ETS and Theta (ours)",
      value: combinedScore.mase,
      unit: "",
      target: "<= 0.84",
      anchor: anchor("ForecastPro", (s) => s.mase),
    },
    { name: "M3 monthly sMAPE, Naive2 (ours)", value: naive2Score.smape, unit: "%", anchor: anchor("NAIVE2", (s) => s.smape) },
    { name: "M3 monthly MASE, Naive2 (ours)", value: naive2Score.mase, unit: "", anchor: anchor("NAIVE2", (s) => s.mase) },
    { name: "M3 monthly sMAPE, SES (ours, raw series)", value: sesRawScore.smape, unit: "%" },
    { name: "M3 monthly MASE, SES (ours, raw series)", value: sesRawScore.mase, unit: "" },
    {
      name: "M3 monthly sMAPE, SES (ours, seasonally adjusted)",
      value: sesAdjustedScore.smape,
      unit: "%",
      anchor: anchor("SINGLE", (s) => s.smape),
    },
    {
      name: "M3 monthly MASE, SES (ours, seasonally adjusted)",
      value: sesAdjustedScore.mase,
      unit: "",
      anchor: anchor("SINGLE", (s) => s.mase),
    },
    ...submittedScores.flatMap(({ label, score: submittedOne }) => [
      { name: `M3 monthly sMAPE, ${label}`, value: submittedOne.smape, unit: "%" },
      { name: `M3 monthly MASE, ${label}`, value: submittedOne.mase, unit: "" },
    ]),
  ];
  process.stdout.write(`\n${PUBLISHED}\n`);
  for (const metric of metrics) {
    if (metric.unit !== "s") process.stdout.write(`  ${metric.name.padEnd(58)} ${metric.value.toFixed(3)}\n`);
  }
  await report("forecasting", metrics, {
    dataset: "M3 monthly (Mcomp 2.8), 1,428 series, h = 18, period 12",
    scoring: "sMAPE (200·|y−f|/(|y|+|f|)) and MASE (in-sample seasonal naive, lag 12), each averaged over series",
    series: series.length,
    series_without_mase_scale: thetaScore.unscaled,
    published: PUBLISHED,
  });
}
