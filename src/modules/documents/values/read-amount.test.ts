import { describe, expect, it } from "vitest";
import { currencyMark, readAmount } from "./read-amount.ts";

describe("readAmount", () => {
  it.each([
    ["299.20", "299.20", null],
    ["$1,234.50", "1234.50", "USD"],
    ["2,622.69", "2622.69", null],
    ["USD 3,533.47", "3533.47", "USD"],
    ["1.234,50 €", "1234.50", "EUR"],
    ["1 234,50", "1234.50", null],
    ["1'234.50", "1234.50", null],
    ["(12.00)", "-12.00", null],
    ["1,269 .12-", "-1269.12", null],
    ["14.9200", "14.9200", null],
    ["£0.99", "0.99", "GBP"],
    ["1,234,567", "1234567", null],
    ["42", "42", null],
    ["-0.00", "0.00", null],
    ["Rs 1939", "1939", "INR"],
    ["₹ 319.00", "319.00", "INR"],
  ])("reads %s as %s", (printed, value, currency) => {
    expect(readAmount(printed)).toEqual({ value, currency });
  });

  it("lets the document's style decide an amount with one mark before three digits, and not otherwise", () => {
    expect(readAmount("1,234")?.value).toBe("1234");
    expect(readAmount("1.234")?.value).toBe("1.234");
    expect(readAmount("1.234", { decimal: "," })?.value).toBe("1234");
    expect(readAmount("1,234", { decimal: "," })?.value).toBe("1.234");
    expect(readAmount("12,50", { decimal: "." })?.value).toBe("12.50");
    expect(readAmount("1.234,5", { decimal: "." })?.value).toBe("1234.5");
  });

  it("names the currency of a mark standing alone or with an amount, and of nothing else", () => {
    expect(currencyMark("$")).toEqual({ currency: "USD", mark: "$" });
    expect(currencyMark("(USD)")).toEqual({ currency: "USD", mark: "USD" });
    expect(currencyMark("€3.50")).toEqual({ currency: "EUR", mark: "€" });
    expect(currencyMark("Rs")).toEqual({ currency: "INR", mark: "Rs" });
    expect(currencyMark("EURO")).toBeNull();
    expect(currencyMark("Hours")).toBeNull();
    expect(currencyMark("12.00")).toBeNull();
  });

  it.each(["", "N/A", "12 pcs", "1,23,4", "1..2", "12.", "1,2345,678", "3/14/25"])("reads %j as no amount", (printed) => {
    expect(readAmount(printed)).toBeNull();
  });
});
