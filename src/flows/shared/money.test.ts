import { describe, expect, it } from "vitest";
import { extendedMinor, formatMoney, fromMinor, toMinor } from "./money.ts";

describe("money", () => {
  it("turns decimal amounts into minor units exactly", () => {
    expect(toMinor("12.5")).toBe(1250);
    expect(toMinor("0.005")).toBe(1);
    expect(toMinor("1234")).toBe(123400);
    expect(toMinor("-2.345")).toBe(-235);
    expect(toMinor(null)).toBe(0);
    expect(fromMinor(1250)).toBe("12.50");
    expect(fromMinor(5)).toBe("0.05");
    expect(formatMoney(123456, "USD")).toBe("1,234.56 USD");
  });

  it("multiplies quantity by price without floating-point drift", () => {
    expect(extendedMinor("3", "19.99")).toBe(5997);
    expect(extendedMinor("0.1", "0.3")).toBe(3);
    expect(extendedMinor("1.5", "2.345")).toBe(352);
    expect(extendedMinor(1000, "0.07")).toBe(7000);
  });
});
