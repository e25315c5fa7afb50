import { describe, expect, it } from "vitest";
import { thresholdsSummary } from "./threshold-summary.ts";

describe("threshold summaries", () => {
  it("says a kind's thresholds in a line", () => {
    const kind = {
      auto_approve_max_minor: 500_000,
      min_confidence: 0.9,
      approver_tiers: [
        { max_minor: 2_500_000, role: "csr" },
        { max_minor: null, role: "admin" },
      ],
    };
    expect(thresholdsSummary(kind)).toBe("alone up to 5,000.00 · 90% sure · csr up to 25,000.00 · admin above");
    expect(thresholdsSummary({ ...kind, auto_approve_max_minor: null })).toMatch(/^always a person · /);
  });

  it("says nothing while a value is being typed or the shape is not the expected one", () => {
    expect(thresholdsSummary({ auto_approve_max_minor: "75x", min_confidence: 0.9, approver_tiers: [] })).toBeNull();
    expect(thresholdsSummary({ auto_approve_max_minor: null, min_confidence: 0.9, approver_tiers: [{ role: 1 }] })).toBeNull();
    expect(thresholdsSummary("nope")).toBeNull();
  });
});
