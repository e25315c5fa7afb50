import { describe, expect, it } from "vitest";
import { thresholdPlace } from "./threshold-place.ts";

describe("where a threshold problem is, in the form's words", () => {
  it("names the kind and the field, and the tier by its number", () => {
    expect(thresholdPlace("data.kinds.sales_order.create.min_confidence")).toBe("Create sales order › Min. confidence (%)");
    expect(thresholdPlace("data.default.auto_approve_max_minor")).toBe("Every other kind › Without a person up to");
    expect(thresholdPlace("data.kinds.order.hold.approver_tiers.1.max_minor")).toBe("Hold order › Approved by › tier 2 up to");
    expect(thresholdPlace("data.kinds.order.hold.approver_tiers.0.role")).toBe("Hold order › Approved by › tier 1 role");
    expect(thresholdPlace("data.kinds.order.hold.approver_tiers.2")).toBe("Hold order › Approved by › tier 3");
    expect(thresholdPlace("data.kinds.order.hold.note")).toBe("Hold order");
  });

  it("has no name for places outside a known kind's thresholds", () => {
    expect(thresholdPlace("data")).toBeNull();
    expect(thresholdPlace("data.kinds.made.up.min_confidence")).toBeNull();
    expect(thresholdPlace("data.extra")).toBeNull();
  });
});
