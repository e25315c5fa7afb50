import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { extractDeliveryDetails, readDeliveredAt } from "./delivery-details.ts";

const valuesOf = (lines: string[]) =>
  Object.fromEntries(Object.entries(extractDeliveryDetails(textOf(lines).pages)).map(([field, value]) => [field, value.value]));

describe("a proof of delivery's details", () => {
  it("reads the exceptions noted under their heading, and when it was delivered, in UTC", () => {
    expect(
      valuesOf([
        "PRO NUMBER  426240455",
        "EXCEPTIONS (noted at delivery)",
        "  2 CARTONS DAMAGED",
        "  1 CARTON SHORT",
        "Received the above described freight in good order, except as noted.",
        "DELIVERED   12/10/2024 8:01 AM CST        Driver # 5903",
      ]),
    ).toEqual({ exceptions: "2 CARTONS DAMAGED; 1 CARTON SHORT", delivered_at: "2024-12-10T14:01:00Z" });
    expect(valuesOf(["EXCEPTIONS", "  NONE", "Received in good order.", "Delivery date: 03/31/2025 11:45 PM EDT"])).toEqual({
      exceptions: "NONE",
      delivered_at: "2025-04-01T03:45:00Z",
    });
  });

  it("reads nothing it cannot be sure of: no heading, nothing indented under it, a time without its zone", () => {
    expect(valuesOf(["PRO NUMBER  426240455", "Received in good order."])).toEqual({});
    expect(valuesOf(["EXCEPTIONS", "Received in good order."])).toEqual({});
    expect(valuesOf(["DELIVERED   12/10/2024 8:01 AM"])).toEqual({});
    expect(readDeliveredAt("12/10/2024 12:30 AM PST")).toBe("2024-12-10T08:30:00Z");
    expect(readDeliveredAt("12/10/2024 13:30 PM CST")).toBeNull();
    expect(readDeliveredAt("02/30/2024 10:00 CST")).toBeNull();
  });
});
