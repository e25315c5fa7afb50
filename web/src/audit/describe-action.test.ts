import { describe, expect, it } from "vitest";
import { describeAction } from "./describe-action.ts";

describe("describeAction", () => {
  it("counts what a batch of records did", () => {
    const batch = (inserted: number, updated: number) =>
      describeAction({ action: "records.sales_order.upserted", resource_type: "sales_order", data: { inserted, updated } });
    expect(batch(120, 0)).toBe("Sales order: 120 new");
    expect(batch(0, 1)).toBe("Sales order: 1 updated");
    expect(batch(3, 2)).toBe("Sales order: 3 new, 2 updated");
    expect(batch(0, 0)).toBe("Sales order: nothing changed");
  });

  it("reads other actions as subject and verb", () => {
    expect(describeAction({ action: "user.signed_in", resource_type: "user", data: {} })).toBe("User signed in");
    expect(describeAction({ action: "tenant.branding_changed", resource_type: "tenant", data: {} })).toBe(
      "Tenant branding changed",
    );
    expect(describeAction({ action: "api_key.revoked", resource_type: "api_key", data: {} })).toBe("API key revoked");
  });
});
