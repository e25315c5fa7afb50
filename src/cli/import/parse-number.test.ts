import { describe, expect, it } from "vitest";
import { parseNumber, scaleNumber } from "./parse-number.ts";

const point = { decimalComma: false };
const comma = { decimalComma: true };

describe("parseNumber", () => {
  it("reads decimal points, thousands separators and signs into exact decimal strings", () => {
    expect(parseNumber("12.50", point)).toEqual({ ok: true, value: "12.5" });
    expect(parseNumber("1,234,567.8", point)).toEqual({ ok: true, value: "1234567.8" });
    expect(parseNumber(" -0.10 ", point)).toEqual({ ok: true, value: "-0.1" });
    expect(parseNumber("007", point)).toEqual({ ok: true, value: "7" });
    expect(parseNumber(".5", point)).toEqual({ ok: true, value: "0.5" });
    expect(parseNumber(0.1, point)).toEqual({ ok: true, value: "0.1" });
    expect(parseNumber("1.5E3", point)).toEqual({ ok: true, value: "1500" });
  });

  it("reads a decimal comma, with dots or spaces between thousands", () => {
    expect(parseNumber("12,5", comma)).toEqual({ ok: true, value: "12.5" });
    expect(parseNumber("1.234,56", comma)).toEqual({ ok: true, value: "1234.56" });
    expect(parseNumber("1 234 567,00", comma)).toEqual({ ok: true, value: "1234567" });
    expect(parseNumber("1.234", comma)).toEqual({ ok: true, value: "1234" });
  });

  it("reads the trailing minus SAP writes and accounting parentheses", () => {
    expect(parseNumber("42,10-", comma)).toEqual({ ok: true, value: "-42.1" });
    expect(parseNumber("(15.00)", point)).toEqual({ ok: true, value: "-15" });
  });

  it("refuses what is not a number, or separators in the wrong places", () => {
    expect(parseNumber("12a", point)).toMatchObject({ ok: false, message: '"12a" is not a number' });
    expect(parseNumber("1,23,4", point).ok).toBe(false);
    expect(parseNumber("1.2.3", point).ok).toBe(false);
    expect(parseNumber("-", point).ok).toBe(false);
    expect(parseNumber(Number.NaN, point).ok).toBe(false);
  });

  it("suggests decimal_comma when a comma looks like the decimal separator", () => {
    expect(parseNumber("12,5", point)).toEqual({
      ok: false,
      message: '"12,5" is not a number (set "decimal_comma": true if "," is the decimal separator)',
    });
  });
});

describe("scaleNumber", () => {
  it("multiplies by a factor exactly and rounds half away from zero", () => {
    expect(scaleNumber("780", { factor: 0.001 })).toBe("0.78");
    expect(scaleNumber("2.5", { factor: "0.45359237" })).toBe("1.133980925");
    expect(scaleNumber("2.5", { factor: "0.45359237", round: 3 })).toBe("1.134");
    expect(scaleNumber("-0.125", { round: 2 })).toBe("-0.13");
    expect(scaleNumber("0.1", { factor: 3 })).toBe("0.3");
    expect(scaleNumber("12", { factor: 12 })).toBe("144");
  });
});
