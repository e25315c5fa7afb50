import { describe, expect, it } from "vitest";
import { detectTaxId } from "./detect-tax-id.ts";

const found = (text: string) => [...new Set(detectTaxId(text).map((d) => text.slice(d.start, d.end)))];

describe("detectTaxId", () => {
  it.each([
    ["SSN 123-45-6789 on file", "123-45-6789"],
    ["social security number: 123 45 6789", "123 45 6789"],
    ["EIN: 12-3456789", "12-3456789"],
    ["Federal Tax ID 98-7654321", "98-7654321"],
    ["VAT DE232446240", "DE232446240"],
    ["USt-IdNr.: DE 232 446 240", "DE 232 446 240"],
    ["BTW NL810433941B01", "NL810433941B01"],
    ["our number NL810433941B01 applies", "NL810433941B01"],
    ["TVA intracom FR40303265045", "FR40303265045"],
    ["P.IVA IT12345678901", "IT12345678901"],
    ["VAT no. ATU12345678", "ATU12345678"],
    ["UID CHE-123.456.789 MWST", "CHE-123.456.789"],
    ["VAT Reg No: GB 123 4567 89", "GB 123 4567 89"],
    ["VAT DK12345678", "DK12345678"],
  ])("masks the identifier in %j", (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    "SSN placeholder 000-12-3456 and 666-12-3456",
    "Date 2024-03-15 and phone 555-123-4567",
    "Part number HIS-FAS-10077 and PO-7781",
    "EIN pending",
    "Item DK12345678 without a label",
    "Order 12-3456789 without a label",
    "IBAN DE89 3704 0044 0532 0130 00",
    "SKU AB1234567",
  ])("leaves %j alone", (text) => {
    expect(found(text)).toEqual([]);
  });
});
