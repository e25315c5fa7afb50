import { describe, expect, it } from "vitest";
import { hasNul, isCalendarDate, normaliseCurrency, normaliseDecimal, normaliseTimestamp, sortKeys } from "./values.ts";

describe("normaliseDecimal", () => {
  it.each([
    ["12.50", "12.5"],
    [12.5, "12.5"],
    ["0012.000", "12"],
    ["-0.0", "0"],
    ["+3", "3"],
    [".5", "0.5"],
    ["5.", "5"],
    ["1.5e3", "1500"],
    ["125E-4", "0.0125"],
    [0.1, "0.1"],
    [-7, "-7"],
    ["99999999999999999999.999999", "99999999999999999999.999999"],
  ])("%j is %j", (input, expected) => {
    expect(normaliseDecimal(input, 6)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["abc"],
    ["1,5"],
    [""],
    ["."],
    ["1e999"],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ["1.2345678"],
    ["123456789012345678901"],
    [0.1 + 0.2],
  ])("refuses %j", (input) => {
    expect(normaliseDecimal(input, 6).ok).toBe(false);
  });

  it("names the scale it exceeded", () => {
    expect(normaliseDecimal("1.001", 2)).toEqual({ ok: false, message: "must have at most 2 digits after the decimal point" });
  });
});

describe("dates and timestamps", () => {
  it("accepts only calendar dates", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2024-04-31")).toBe(false);
    expect(isCalendarDate("0000-01-01")).toBe(false);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2024-2-1")).toBe(false);
    expect(isCalendarDate("2024-01-01T00:00:00Z")).toBe(false);
  });

  it("normalises instants to UTC with milliseconds", () => {
    expect(normaliseTimestamp("2024-05-01T16:30:00+02:00")).toEqual({ ok: true, value: "2024-05-01T14:30:00.000Z" });
    expect(normaliseTimestamp("2024-05-01 14:30:00.123456Z")).toEqual({ ok: true, value: "2024-05-01T14:30:00.123Z" });
    expect(normaliseTimestamp("2024-05-01T14:30-0500")).toEqual({ ok: true, value: "2024-05-01T19:30:00.000Z" });
    expect(normaliseTimestamp("2024-05-01T14:30:00.1z")).toEqual({ ok: true, value: "2024-05-01T14:30:00.100Z" });
    expect(normaliseTimestamp("2024-12-31T23:30:00-01")).toEqual({ ok: true, value: "2025-01-01T00:30:00.000Z" });
    expect(normaliseTimestamp("2024-02-29T00:00:00Z").ok).toBe(true);
  });

  it("refuses a time without an offset, and impossible times", () => {
    expect(normaliseTimestamp("2024-05-01T14:30:00").ok).toBe(false);
    expect(normaliseTimestamp("2024-05-01T24:30:00Z").ok).toBe(false);
    expect(normaliseTimestamp("2024-02-30T10:00:00Z").ok).toBe(false);
  });
});

describe("other values", () => {
  it("upper-cases ISO 4217 codes and refuses others", () => {
    expect(normaliseCurrency("usd")).toEqual({ ok: true, value: "USD" });
    expect(normaliseCurrency("XYZ").ok).toBe(false);
    expect(normaliseCurrency("US").ok).toBe(false);
  });

  it("sorts keys at every level", () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 2 } }))).toBe('{"a":{"c":2,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it("finds NUL characters anywhere in a value", () => {
    expect(hasNul({ a: ["x", { b: "y\u0000" }] })).toBe(true);
    expect(hasNul({ "k\u0000": 1 })).toBe(true);
    expect(hasNul({ a: ["x", 1, null] })).toBe(false);
  });
});
