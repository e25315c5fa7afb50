import { describe, expect, it } from "vitest";
import { readVatNumber } from "./vat-number.ts";

describe("readVatNumber", () => {
  it.each([
    ["DE 232 446 240", "DE232446240", "DE"],
    ["NL810433941B01", "NL810433941B01", "NL"],
    ["FR 604 219 388 61", "FR60421938861", "FR"],
    ["BE 0403.170.701", "BE0403170701", "BE"],
    ["ATU12345678", "ATU12345678", "AT"],
    ["CHE-123.456.789 MWST", "CHE123456789MWST", "CH"],
    ["06AABCO6063D1ZQ", "06AABCO6063D1ZQ", "IN"],
  ])("reads %s as %s (%s)", (printed, value, country) => {
    expect(readVatNumber(printed)).toEqual({ value, country });
  });

  it.each([
    ["DE 232 446 241", "a German number whose check digit fails"],
    ["FR 614 219 388 61", "a French key that does not match the SIREN"],
    ["NL810433942B01", "a Dutch number whose check fails"],
    ["F63530848134", "no country prefix (a misprinted FR)"],
    ["29670869006", "digits alone"],
    ["DE12345", "too short for Germany"],
    ["06AABCO6063D1ZA", "a GSTIN whose check character fails"],
  ])("refuses %s (%s)", (printed) => {
    expect(readVatNumber(printed)).toBeNull();
  });
});
