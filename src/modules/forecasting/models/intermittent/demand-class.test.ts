import { describe, expect, it } from "vitest";
import { classifyDemand } from "./demand-class.ts";

describe("classifyDemand", () => {
  it("calls frequent, steady demand smooth", () => {
    // 4 demands in 4 periods: ADI 1; sizes 4, 6 twice: mean 5, variance 1, CV² 0.04
    expect(classifyDemand([4, 6, 4, 6])).toEqual({ name: "smooth", adi: 1, cv2: 0.04, demands: 4 });
  });

  it("calls frequent, variable demand erratic", () => {
    // sizes 1 and 9: mean 5, variance 16, CV² 0.64
    expect(classifyDemand([1, 9, 1, 9]).name).toBe("erratic");
  });

  it("calls sparse, steady demand intermittent", () => {
    const result = classifyDemand([0, 3, 0, 0, 3, 0]);
    expect(result.name).toBe("intermittent");
    expect(result.adi).toBe(3);
  });

  it("calls sparse, variable demand lumpy", () => {
    // ADI 2; sizes 1, 9: CV² 0.64
    expect(classifyDemand([0, 1, 0, 9]).name).toBe("lumpy");
  });

  it("puts the ADI cut-off at 1.32: 4 demands in 5 periods (1.25) is frequent, 3 in 4 (1.33) is not", () => {
    expect(classifyDemand([2, 2, 0, 2, 2]).name).toBe("smooth");
    expect(classifyDemand([2, 0, 2, 2]).name).toBe("intermittent");
  });

  it("says none, not NaN, for a history without demand, and handles a single demand", () => {
    expect(classifyDemand([0, 0, 0])).toEqual({ name: "none", adi: Number.POSITIVE_INFINITY, cv2: 0, demands: 0 });
    expect(classifyDemand([])).toMatchObject({ name: "none" });
    expect(classifyDemand([0, 0, 5, 0])).toEqual({ name: "intermittent", adi: 4, cv2: 0, demands: 1 });
    expect(classifyDemand([7])).toEqual({ name: "smooth", adi: 1, cv2: 0, demands: 1 });
  });
});
