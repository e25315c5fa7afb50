import { describe, expect, it } from "vitest";
import { type Decimal, divide, formatDecimal, multiply, parseDecimal, round } from "./decimal.ts";
import { unitConversion } from "./units.ts";

function dec(text: string | number): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function divided(a: string, b: string): string {
  const result = divide(dec(a), dec(b));
  if (!result.ok) throw new Error(result.message);
  return formatDecimal(result.value);
}

describe("exact decimals", () => {
  it("parses text and numbers exactly", () => {
    expect(formatDecimal(dec("12.50"))).toBe("12.5");
    expect(formatDecimal(dec(0.1))).toBe("0.1");
    expect(formatDecimal(dec("-0.000"))).toBe("0");
    expect(formatDecimal(dec("1e3"))).toBe("1000");
    expect(parseDecimal("abc")).toMatchObject({ ok: false });
    expect(parseDecimal(null)).toMatchObject({ ok: false, message: "is null, not a number" });
    expect(parseDecimal({})).toMatchObject({ ok: false });
  });

  it("multiplies without binary floating-point error", () => {
    expect(formatDecimal(multiply(dec("0.1"), dec("3")))).toBe("0.3");
    expect(formatDecimal(multiply(dec("10.5"), dec("0.45359237")))).toBe("4.762719885");
  });

  it("divides to 12 places, rounding half away from zero", () => {
    expect(divided("1999", "100")).toBe("19.99");
    expect(divided("1", "3")).toBe("0.333333333333");
    expect(divided("2", "3")).toBe("0.666666666667");
    expect(divided("-2", "3")).toBe("-0.666666666667");
    expect(divide(dec("1"), dec("0"))).toMatchObject({ ok: false });
  });

  it("rounds half away from zero", () => {
    expect(formatDecimal(round(dec("2.345"), 2))).toBe("2.35");
    expect(formatDecimal(round(dec("-2.345"), 2))).toBe("-2.35");
    expect(formatDecimal(round(dec("2.344"), 2))).toBe("2.34");
    expect(formatDecimal(round(dec("2.5"), 0))).toBe("3");
    expect(formatDecimal(round(dec("2.5"), 3))).toBe("2.5");
  });
});

describe("unit conversions", () => {
  function convert(value: string, from: string, to: string): string {
    const conversion = unitConversion(from, to);
    if (!conversion.ok) throw new Error(conversion.message);
    const result = divide(multiply(dec(value), conversion.value.multiplyBy), conversion.value.divideBy);
    if (!result.ok) throw new Error(result.message);
    return formatDecimal(result.value);
  }

  it("converts within a dimension, aliases and case aside", () => {
    expect(convert("100", "LB", "KG")).toBe("45.359237");
    expect(convert("1", "KGS", "lbs")).toBe("2.204622621849");
    expect(convert("12", "in", "ft")).toBe("1");
    expect(convert("1", "gal", "L")).toBe("3.785411784");
  });

  it("refuses unknown units and different dimensions", () => {
    expect(unitConversion("LB", "M")).toMatchObject({ ok: false, message: "cannot convert mass (LB) to length (M)" });
    expect(unitConversion("CS", "EA")).toMatchObject({ ok: false });
  });
});
