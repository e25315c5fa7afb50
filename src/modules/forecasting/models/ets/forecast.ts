import type { EtsFit } from "./spec.ts";

/** Point forecasts for steps 1..h from the final state: (level + φ_h·trend) combined with the season. */
export function etsPointForecast(fit: EtsFit, h: number): number[] {
  const { level, trend, season } = fit.final;
  const { phi } = fit.params;
  const hasTrend = fit.spec.trend !== "N";
  const m = season.length;
  const out: number[] = [];
  let phiSum = 0;
  let phiPow = 1;
  for (let i = 0; i < h; i++) {
    phiPow *= phi;
    phiSum += phiPow;
    let f = hasTrend ? level + phiSum * trend : level;
    if (fit.spec.season === "A") f += season[i % m] as number;
    else if (fit.spec.season === "M") f *= season[i % m] as number;
    out.push(f);
  }
  return out;
}
