import { describe, expect, it } from "vitest";
import { canonicalDecimal, extend, formatMicros, roundMicros, toMicros } from "./decimal.ts";

describe("decimals", () => {
  it("read strings and numbers exactly", () => {
    expect(toMicros("12.5")).toBe(12_500_000n);
    expect(toMicros(0.1)).toBe(100_000n);
    expect(toMicros("-3")).toBe(-3_000_000n);
    expect(() => toMicros("1e5")).toThrow();
  });

  it("round half away from zero, as invoices do", () => {
    expect(formatMicros(toMicros("2.345"), 2)).toBe("2.35");
    expect(formatMicros(toMicros("-2.345"), 2)).toBe("-2.35");
    expect(roundMicros(toMicros("2.3449"), 2)).toBe(toMicros("2.34"));
  });

  it("extend quantity by price to the cent", () => {
    expect(canonicalDecimal(extend(toMicros("3"), toMicros("4.3153")))).toBe("12.95");
    expect(canonicalDecimal(extend(toMicros("1.5"), toMicros("0.333")))).toBe("0.5");
  });

  it("format with thousands separators, and canonically without trailing zeros", () => {
    expect(formatMicros(toMicros("1234567.8"), 2, true)).toBe("1,234,567.80");
    expect(canonicalDecimal(toMicros("1234.500"))).toBe("1234.5");
    expect(canonicalDecimal(toMicros("7.0"))).toBe("7");
  });
});
