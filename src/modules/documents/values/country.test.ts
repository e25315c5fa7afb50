import { describe, expect, it } from "vitest";
import { countryCode, isCountryCode } from "./country.ts";

describe("countryCode", () => {
  it.each([
    ["Nederland", "NL"],
    ["United States", "US"],
    ["Deutschland", "DE"],
    ["Royaume-Uni", "GB"],
    ["UK", "GB"],
    ["HONG KONG", "HK"],
    ["US", "US"],
  ])("reads %s as %s", (printed, code) => {
    expect(countryCode(printed)).toBe(code);
  });

  it("reads nothing that is not a country", () => {
    expect(countryCode("Rotterdam")).toBeNull();
    expect(countryCode("XX")).toBeNull();
    expect(countryCode("www.tabletcenter.nl")).toBeNull();
    expect(isCountryCode("NL")).toBe(true);
    expect(isCountryCode("ZZ")).toBe(false);
  });
});
