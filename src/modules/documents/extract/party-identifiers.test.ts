import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { valuesOf } from "../testing/values-of.ts";
import { partyIdentifiers } from "./party-identifiers.ts";

const identifiers = (lines: string[]) => valuesOf(partyIdentifiers(textOf(lines).pages, "supplier", new Set()));

describe("partyIdentifiers", () => {
  it("reads spaced numbers by their checks, a BIC after its label, a register's number before or after its label", () => {
    expect(
      identifiers([
        "UStId DE 232 446 240        IBAN : FR76 10107 00245 00617052317 39 - BIC : BREDFRPP",
        "Free SAS − B 421 938 861 RCS Paris",
      ]),
    ).toEqual({
      supplier_vat_number: "DE232446240",
      supplier_iban: "FR7610107002450061705231739",
      supplier_bic: "BREDFRPP",
      supplier_company_number: "421938861",
      supplier_company_register: "siren",
    });
  });

  it("needs a label for a VAT number without check digits, and reads none labelled as the customer's", () => {
    expect(identifiers(["Ref DK12345678"])).toEqual({});
    expect(identifiers(["VAT DK12345678"])).toEqual({ supplier_vat_number: "DK12345678" });
    expect(identifiers(["Customer VAT: NL810433941B01"])).toEqual({});
  });

  it("reads a bank account that is no IBAN after its label, and an account number only where the line says bank", () => {
    expect(identifiers(["Bank Account: US1234567890"])).toEqual({ supplier_bank_account: "US1234567890" });
    expect(identifiers(["Bank A/C No. 0003 0340 0672 12"])).toEqual({ supplier_bank_account: "00030340067212" });
    expect(identifiers(["Account number: 296664039561"])).toEqual({});
    expect(identifiers(["Your bank account: 12345678"])).toEqual({});
  });

  it("reads no IBAN that is to be debited, nor one whose check fails", () => {
    expect(identifiers(["Avis de prélèvement automatique", "IBAN : FR76 10107 00245 00617052317 39"])).toEqual({});
    expect(identifiers(["IBAN NL50INGB0683251308"])).toEqual({});
  });
});
