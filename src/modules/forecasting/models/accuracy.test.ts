import { describe, expect, it } from "vitest";
import { bias, mase, quantileLoss, rmsse, scalingLag, smape, volumeBias, weightedQuantileLoss } from "./accuracy.ts";

describe("smape", () => {
  it("is 200·|y − f| / (|y| + |f|), averaged", () => {
    expect(smape([100, 50], [110, 50])).toBeCloseTo((200 * 10) / 210 / 2, 12);
  });

  it("counts a step where actual and forecast are both 0 as no error", () => {
    expect(smape([0, 10], [0, 0])).toBe(100);
  });

  it("refuses lengths that differ, or nothing to score", () => {
    expect(() => smape([1, 2], [1])).toThrow(RangeError);
    expect(() => smape([], [])).toThrow(RangeError);
  });
});

describe("mase", () => {
  it("scales by the in-sample seasonal naive's MAE", () => {
    // lag 2 differences: 2, 2, 2, 2 → scale 2; MAE 3
    expect(mase([10, 10], [7, 13], [1, 2, 3, 4, 5, 6], 2)).toBeCloseTo(1.5, 12);
  });

  it("falls back to lag 1 when the history is no longer than the period", () => {
    expect(scalingLag([1, 2, 3, 4, 5], 12)).toBe(1);
    expect(mase([6, 7], [5, 5], [1, 2, 3, 4, 5], 12)).toBeCloseTo(1.5, 12);
  });

  it("is undefined, not NaN or Infinity, when the scale is 0", () => {
    expect(mase([1], [2], [1, 3, 1, 3, 1, 3], 2)).toBeUndefined();
    expect(mase([1], [2], [4], 1)).toBeUndefined();
  });
});

describe("rmsse", () => {
  it("is the RMSE over the in-sample seasonal naive's RMS", () => {
    // lag 1 squared differences 1, 4 → 2.5; MSE (1 + 9) / 2 = 5 → sqrt(2)
    expect(rmsse([0, 0], [1, 3], [1, 2, 4], 1)).toBeCloseTo(Math.SQRT2, 12);
    expect(rmsse([0], [1], [3, 3, 3], 1)).toBeUndefined();
  });
});

describe("bias", () => {
  it("is positive when the forecast runs high", () => {
    expect(bias([1, 2], [2, 4])).toBe(1.5);
    expect(bias([2, 4], [1, 2])).toBe(-1.5);
  });
});

describe("quantileLoss", () => {
  it("weighs under-forecasts by q and over-forecasts by 1 − q", () => {
    // y 10, ŷ 6: 0.9 · 4 = 3.6; y 0, ŷ 2: 0.1 · 2 = 0.2
    expect(quantileLoss([10, 0], [6, 2], 0.9)).toBeCloseTo(3.8, 12);
    expect(quantileLoss([10, 0], [6, 2], 0.1)).toBeCloseTo(0.4 + 1.8, 12);
  });
});

describe("weightedQuantileLoss", () => {
  it("sums 2·pinball over series and steps per level, divides by Σ|y|, averages over levels", () => {
    const series = [
      { actual: [10, 0], quantiles: { "0.1": [6, 2], "0.9": [6, 2] } },
      { actual: [2], quantiles: { "0.1": [2], "0.9": [0] } },
    ];
    // level 0.1: 2 · (2.2 + 0) = 4.4; level 0.9: 2 · (3.8 + 1.8) = 11.2; Σ|y| = 12 → (4.4/12 + 11.2/12) / 2 = 0.65
    expect(weightedQuantileLoss(series, ["0.1", "0.9"])).toBeCloseTo(0.65, 12);
  });

  it("scores 2q at each level for an all-zero forecast", () => {
    expect(weightedQuantileLoss([{ actual: [3, 1], quantiles: { "0.5": [0, 0], "0.9": [0, 0] } }], ["0.5", "0.9"])).toBeCloseTo(
      (1 + 1.8) / 2,
      12,
    );
  });

  it("is undefined without any actual demand, and refuses a missing level", () => {
    expect(weightedQuantileLoss([{ actual: [0, 0], quantiles: { "0.5": [1, 1] } }], ["0.5"])).toBeUndefined();
    expect(() => weightedQuantileLoss([{ actual: [1], quantiles: {} }], ["0.5"])).toThrow(RangeError);
  });
});

describe("volumeBias", () => {
  it("is total forecast over total actual, minus 1, across series", () => {
    expect(
      volumeBias([
        { actual: [4, 6], forecast: [5, 6] },
        { actual: [0, 10], forecast: [3, 8] },
      ]),
    ).toBeCloseTo(0.1, 12);
  });

  it("is undefined when nothing was sold", () => {
    expect(volumeBias([{ actual: [0], forecast: [1] }])).toBeUndefined();
  });
});
