import { describe, expect, it } from "vitest";
import { formatDate, formatDecimal, formatMoney, formatRelative } from "./format.ts";

describe("format", () => {
  it("groups exact decimals without losing digits a float would drop", () => {
    expect(formatDecimal("1234567.125")).toBe("1,234,567.125");
    expect(formatDecimal("12345678901234567890")).toBe("12,345,678,901,234,567,890");
    expect(formatDecimal("-5")).toBe("-5");
  });

  it("shows money with at least two decimals and its currency", () => {
    expect(formatMoney("9.5", "USD")).toBe("9.50 USD");
    expect(formatMoney("1234", "EUR")).toBe("1,234.00 EUR");
    expect(formatMoney("2.755", "USD")).toBe("2.755 USD");
    expect(formatMoney("0", null)).toBe("0.00");
  });

  it("shows a calendar date as that day in any time zone", () => {
    expect(formatDate("2026-12-05")).toContain("5");
    expect(formatDate("not a date")).toBe("not a date");
  });

  it("says how long ago", () => {
    const now = Date.parse("2026-12-05T12:00:00Z");
    expect(formatRelative("2026-12-05T11:59:30Z", now)).toBe("just now");
    expect(formatRelative("2026-12-05T09:00:00Z", now)).toBe("3 hours ago");
  });
});
