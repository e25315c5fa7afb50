import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { extractHeader } from "./header-fields.ts";

const currency = (lines: string[]) => extractHeader("invoice", textOf(lines).pages).currency;

describe("documentCurrency", () => {
  it("takes the currency the total is printed with, with the mark it prints", () => {
    expect(currency(["TOTAL DUE   $2,327.25"])).toMatchObject({ value: "USD", printed: "$" });
    expect(currency(["Totaal   € 717,97"])).toMatchObject({ value: "EUR", printed: "€" });
  });

  it("else a code on the total's line, else the one the document's amounts name most", () => {
    expect(currency(["Rechnung", "Total EUR        34,73"])).toMatchObject({ value: "EUR", printed: "EUR" });
    expect(currency(["Price is inclusive of a discount of Rs -40.00", "Grand Total     319.00"])).toMatchObject({
      value: "INR",
      printed: "Rs",
    });
  });

  it("names none where nothing names one", () => {
    expect(currency(["INVOICE TOTAL     2,659.13"])).toBeUndefined();
  });
});
