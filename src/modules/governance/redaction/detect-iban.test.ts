import { describe, expect, it } from "vitest";
import { detectIban, ibanValid } from "./detect-iban.ts";

const found = (text: string) => detectIban(text).map((d) => text.slice(d.start, d.end));

describe("detectIban", () => {
  it.each([
    ["IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX", "DE89 3704 0044 0532 0130 00"],
    ["IBAN: GB29NWBK60161331926819.", "GB29NWBK60161331926819"],
    ["rekening NL91 ABNA 0417 1643 00", "NL91 ABNA 0417 1643 00"],
    ["FR76 3000 6000 0112 3456 7890 189, merci", "FR76 3000 6000 0112 3456 7890 189"],
    ["IT60 X054 2811 1010 0000 0123 456", "IT60 X054 2811 1010 0000 0123 456"],
    ["BE68 5390 0754 7034 (Belfius)", "BE68 5390 0754 7034"],
  ])("masks the IBAN in %j", (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    "DE88 3704 0044 0532 0130 00 has a wrong check digit",
    "XX89 3704 0044 0532 0130 00 is no country",
    "DE89 3704 0044 0532 01 is too short",
    "Part DE12ABCD5678 in stock",
    "VAT DE232446240",
  ])("leaves %j alone", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("checks mod 97", () => {
    expect(ibanValid("DE89370400440532013000")).toBe(true);
    expect(ibanValid("DE89370400440532013001")).toBe(false);
  });
});
