import { describe, expect, it } from "vitest";
import { toMicros } from "../decimal.ts";
import { formatAtLeast, formatDate, formatLocalTime, formatMoney } from "./formats.ts";

describe("document formats", () => {
  it("write one date each partner's way", () => {
    expect(formatDate("2025-03-04", "us")).toBe("03/04/2025");
    expect(formatDate("2025-03-04", "us-short")).toBe("3/4/25");
    expect(formatDate("2025-03-04", "dd-mon-yyyy")).toBe("04-Mar-2025");
    expect(formatDate("2025-03-04", "long")).toBe("March 4, 2025");
    expect(formatDate("2025-03-04", "x12")).toBe("20250304");
    expect(formatDate("2025-03-04", "iso")).toBe("2025-03-04");
  });

  it("write money with or without a sign and separators, and prices to the precision they have", () => {
    expect(formatMoney(toMicros("1234.5"), { symbol: true, thousands: true })).toBe("$1,234.50");
    expect(formatMoney(toMicros("-12"), { symbol: true, thousands: false })).toBe("-$12.00");
    expect(formatAtLeast(toMicros("4.3153"), 2)).toBe("4.3153");
    expect(formatAtLeast(toMicros("4.5"), 4)).toBe("4.5000");
  });

  it("write a delivery time in the place's zone, and keep it in UTC to the minute", () => {
    expect(formatLocalTime("2025-03-14T18:35:42.000Z", "America/Chicago")).toEqual({
      printed: "03/14/2025 1:35 PM CDT",
      minuteUtc: "2025-03-14T18:35:00Z",
    });
  });
});
