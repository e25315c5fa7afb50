import { describe, expect, it } from "vitest";
import { etsQuantiles } from "./intervals.ts";
import type { EtsFit } from "./spec.ts";

const baseFit = (over: Partial<EtsFit>): EtsFit => ({
  spec: { error: "A", trend: "N", season: "N" },
  method: "ETS(A,N,N)",
  period: 1,
  n: 50,
  params: { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
  init: { level: 10, trend: 0, season: [] },
  final: { level: 10, trend: 0, season: [] },
  lik: 0,
  aicc: 0,
  sigma2: 4,
  nParams: 2,
  ...over,
});

describe("etsQuantiles", () => {
  it("uses var_h = σ²(1 + (h − 1)α²) for ETS(A,N,N)", () => {
    const q = etsQuantiles(baseFit({}), [10, 10, 10], [0.975]);
    const z = 1.959964;
    [1, 2, 3].forEach((h, i) => {
      expect(q["0.975"]?.[i]).toBeCloseTo(10 + z * Math.sqrt(4 * (1 + (h - 1) * 0.25)), 4);
    });
  });

  it("simulated quantiles of ETS(M,N,N) bracket the forecast and are centred near it", () => {
    const fit = baseFit({
      spec: { error: "M", trend: "N", season: "N" },
      method: "ETS(M,N,N)",
      sigma2: 0.01,
      final: { level: 100, trend: 0, season: [] },
    });
    const q = etsQuantiles(fit, [100, 100], [0.1, 0.5, 0.9], { paths: 2000 });
    expect(q["0.5"]?.[0]).toBeGreaterThan(99);
    expect(q["0.5"]?.[0]).toBeLessThan(101);
    // one step ahead: y = 100(1 + ε), ε ~ N(0, 0.1²) → 90% quantile ≈ 112.8
    expect(q["0.9"]?.[0]).toBeGreaterThan(111);
    expect(q["0.9"]?.[0]).toBeLessThan(114.5);
    expect(q["0.9"]?.[1] as number).toBeGreaterThan(q["0.9"]?.[0] as number);
  });
});
