import { describe, expect, it } from "vitest";
import { bias, mase, rmsse, scalingLag, smape } from "./accuracy.ts";

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
