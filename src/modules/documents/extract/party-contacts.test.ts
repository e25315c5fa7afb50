import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { valuesOf } from "../testing/values-of.ts";
import { partyContacts } from "./party-contacts.ts";

const padded = (top: string[], footer: string[]) =>
  textOf([...top, ...Array.from({ length: 54 - top.length }, () => ""), ...footer]);

describe("partyContacts", () => {
  it("reads a footer's email, website and unlabelled phone, and a labelled phone", () => {
    const { pages } = padded(["INVOICE"], ["(870)-931-0505 azure.Interior24@example.com http://www.azure-interior.com"]);
    expect(valuesOf(partyContacts(pages, "supplier", [], new Set()))).toEqual({
      supplier_phone: "(870)-931-0505",
      supplier_email: "azure.Interior24@example.com",
      supplier_website: "http://www.azure-interior.com",
    });
    const labelled = padded(["INVOICE"], ["Tél : 01 71 17 61 67 – annonce@publicationannoncelegale.fr"]);
    expect(valuesOf(partyContacts(labelled.pages, "supplier", [], new Set())).supplier_phone).toBe("01 71 17 61 67");
  });

  it("reads nothing from the middle of the page, another party's block, or the software that wrote the file", () => {
    const { pages } = padded(
      ["INVOICE", ...Array.from({ length: 10 }, () => ""), "Email: alexis@via.ecp.fr"],
      ["Powered by TCPDF (www.tcpdf.org)"],
    );
    expect(partyContacts(pages, "supplier", [], new Set())).toEqual({});
    const top = textOf(["Sammy Maystone", "smaystone4@fake.com"]);
    const customer = new Set(top.pages[0]?.words.filter((word) => word.text.includes("@")));
    expect(partyContacts(top.pages, "supplier", [], customer)).toEqual({});
  });
});
