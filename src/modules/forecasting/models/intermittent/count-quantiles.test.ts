import { describe, expect, it } from "vitest";
import { countForecast, countQuantiles, DECILES, sizeMoments } from "./count-quantiles.ts";

describe("countQuantiles", () => {
  it("gives the compound's quantiles: Bernoulli(0.3) × (1 + geometric with mean 2)", () => {
    // sizes 1 + X, X negative binomial with r = 1, P(X = k) = (1/3)(2/3)^k.
    // P(Y ≤ 0) = 0.7, ≤ 1: 0.8, ≤ 2: 0.8667, ≤ 3: 0.9111
    expect(countQuantiles({ probability: 0.3, sizeMean: 3, sizeVariance: 6 }, [0.5, 0.7, 0.75, 0.8, 0.85, 0.9])).toEqual([
      0, 0, 1, 1, 2, 3,
    ]);
  });

  it("uses Poisson sizes when their variance is not above the mean", () => {
    // p = 1, size 1 + Poisson(1): P(Y ≤ 1) = e^-1 = 0.368, ≤ 2: 0.736, ≤ 3: 0.920
    expect(countQuantiles({ probability: 1, sizeMean: 2, sizeVariance: 0.5 }, [0.3, 0.5, 0.9, 0.95])).toEqual([1, 2, 3, 4]);
  });

  it("is 0 for no demand, and a fixed size of 1 when the mean size is 1", () => {
    expect(countQuantiles({ probability: 0, sizeMean: 3, sizeVariance: 1 }, [0.1, 0.9])).toEqual([0, 0]);
    expect(countQuantiles({ probability: 0.5, sizeMean: 1, sizeVariance: 0 }, [0.1, 0.5, 0.6, 0.99])).toEqual([0, 0, 1, 1]);
  });

  it("approximates huge sizes with a normal instead of looping over underflowed probabilities", () => {
    // Poisson(1000) sizes: e^-1000 underflows, so 1 + Normal(1000, 1000)
    const [low, middle, high] = countQuantiles({ probability: 1, sizeMean: 1001, sizeVariance: 10 }, [0.1, 0.5, 0.9]);
    expect(middle).toBe(1001);
    expect(low).toBe(Math.ceil(1001 - 1.2815515655446004 * Math.sqrt(1000)));
    expect(high).toBe(Math.ceil(1001 + 1.2815515655446004 * Math.sqrt(1000)));
  });
});

describe("sizeMoments", () => {
  it("is the mean and sample variance, variance 0 for a single size", () => {
    expect(sizeMoments([1, 3, 5])).toEqual({ mean: 3, variance: 4 });
    expect(sizeMoments([4])).toEqual({ mean: 4, variance: 0 });
    expect(sizeMoments([])).toEqual({ mean: 0, variance: 0 });
  });
});

describe("countForecast", () => {
  it("carries the mean and every decile plus the standard levels for each step", () => {
    const forecast = countForecast("test", 0.9, { probability: 0.3, sizeMean: 3, sizeVariance: 6 }, 2);
    expect(forecast.mean).toEqual([0.9, 0.9]);
    expect(forecast.quantiles["0.9"]).toEqual([3, 3]);
    expect(forecast.levels?.["0.8"]).toEqual([1, 1]);
    for (const level of DECILES) expect(forecast.levels?.[level]).toHaveLength(2);
  });

  it("replaces a non-finite or negative mean by 0", () => {
    expect(countForecast("test", Number.NaN, { probability: 0, sizeMean: 0, sizeVariance: 0 }, 1).mean).toEqual([0]);
  });
});
