import { describe, expect, it } from "vitest";
import { readIban } from "./iban.ts";

describe("readIban", () => {
  it.each([
    ["NL50INGB0683251309", "NL50INGB0683251309"],
    ["FR76 10107 00245 00617052317 39", "FR7610107002450061705231739"],
    ["DE30 5075 0094 0000 0485 67", "DE30507500940000048567"],
    ["gb82 west 1234 5698 7654 32", "GB82WEST12345698765432"],
  ])("reads %s as %s", (printed, iban) => {
    expect(readIban(printed)).toBe(iban);
  });

  it.each([
    ["NL50INGB0683251308", "a digit mistyped: the check (mod 97) fails"],
    ["NL50INGB068325130", "too short for a Dutch IBAN"],
    ["US1234567890", "the US has no IBANs"],
    ["FR76 ***************************", "masked"],
    ["", "empty"],
  ])("refuses %s (%s)", (printed) => {
    expect(readIban(printed)).toBeNull();
  });
});
