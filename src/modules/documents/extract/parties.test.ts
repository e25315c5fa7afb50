import { describe, expect, it } from "vitest";
import { generateDocuments } from "../../../demo/documents/index.ts";
import { fixtureWorld } from "../../../demo/documents/testing/fixture-world.ts";
import { Random } from "../../../demo/random.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import { sameValue } from "../evaluate/score-lines.ts";
import { readTextPdfs } from "../testing/read-text-pdfs.ts";
import { textOf } from "../testing/text-of.ts";
import { valuesOf } from "../testing/values-of.ts";
import { extractParties } from "./parties.ts";

const values = (kind: DocumentKind, lines: string[]) => valuesOf(extractParties(kind, textOf(lines).pages));

describe("extractParties", () => {
  it("reads the letterhead as the writer and each labelled block under its label", () => {
    expect(
      values("invoice", [
        "Fastco Fastener Manufacturing                                   INVOICE",
        "6086 Commerce Dr",
        "Chicago, IL 60607                                    Invoice No. FASTCO-80000",
        "",
        " BILL TO                                  SHIP TO",
        " Harbor Industrial Supply                 Harbor Industrial Supply - Cleveland DC",
        " 4100 Lakeside Commerce Pkwy              4100 Lakeside Commerce Pkwy",
        " Suite 200                                Dock 3",
        " Cleveland, OH 44114                      Cleveland, OH 44114-2301",
      ]),
    ).toEqual({
      supplier_name: "Fastco Fastener Manufacturing",
      supplier_address_line1: "6086 Commerce Dr",
      supplier_city: "Chicago",
      supplier_region: "IL",
      supplier_postal_code: "60607",
      bill_to_name: "Harbor Industrial Supply",
      bill_to_address_line1: "4100 Lakeside Commerce Pkwy",
      bill_to_address_line2: "Suite 200",
      bill_to_city: "Cleveland",
      bill_to_region: "OH",
      bill_to_postal_code: "44114",
      ship_to_name: "Harbor Industrial Supply - Cleveland DC",
      ship_to_address_line1: "4100 Lakeside Commerce Pkwy",
      ship_to_address_line2: "Dock 3",
      ship_to_city: "Cleveland",
      ship_to_region: "OH",
      ship_to_postal_code: "44114-2301",
    });
  });

  it("reads a block after a label with a colon on its line, a one-line letterhead, and a phone", () => {
    expect(
      values("purchase_order", [
        "                    Acme Fabrication Inc.",
        "     6535 Industrial Pkwy · Toledo, OH 43604 · Tel +1 555 010 1773",
        "PURCHASE ORDER                                  No. 01-4500390",
        "",
        "To:    Harbor Industrial Supply                  Deliver to:   Acme Main Plant",
        "       4100 Lakeside Commerce Pkwy                             1989 Factory Rd",
        "       Cleveland, OH 44114                                     Toledo, OH 43604",
      ]),
    ).toMatchObject({
      buyer_name: "Acme Fabrication Inc.",
      buyer_address_line1: "6535 Industrial Pkwy",
      buyer_city: "Toledo",
      buyer_phone: "+1 555 010 1773",
      vendor_name: "Harbor Industrial Supply",
      vendor_postal_code: "44114",
      ship_to_name: "Acme Main Plant",
      ship_to_address_line1: "1989 Factory Rd",
    });
  });

  it("does not take a label inside a longer heading ('Vendor No.', 'Shipper signature') as a block", () => {
    expect(
      values("bill_of_lading", ["Date: 12/08/2024       BILL OF LADING", " SHIPPER SIGNATURE / DATE      CARRIER SIGNATURE"]),
    ).toEqual({});
  });

  it("reads a European letterhead with its identifiers, and an unlabelled recipient's block", () => {
    const letterhead = [
      "FACTUUR.                                          Coolblue B.V.",
      "                                                  Weena 664",
      "                                                  3012 CN Rotterdam",
      "                                                  Nederland",
      "Pino Bluebird                                     www.tabletcenter.nl",
      "Sessamestreet 32",
      "1025 RX Amsterdam                                 KvK Rotterdam 24330087",
      "                                                  BTW NL810433941B01",
      "Factuurnummer: 993548900                          IBAN NL50INGB0683251309",
      "                                                  BIC INGBNL2A",
    ];
    expect(values("invoice", letterhead)).toEqual({
      supplier_name: "Coolblue B.V.",
      supplier_address_line1: "Weena 664",
      supplier_postal_code: "3012 CN",
      supplier_city: "Rotterdam",
      supplier_country: "NL",
      supplier_website: "www.tabletcenter.nl",
      supplier_company_number: "24330087",
      supplier_company_register: "kvk",
      supplier_vat_number: "NL810433941B01",
      supplier_iban: "NL50INGB0683251309",
      supplier_bic: "INGBNL2A",
      bill_to_name: "Pino Bluebird",
      bill_to_address_line1: "Sessamestreet 32",
      bill_to_postal_code: "1025 RX",
      bill_to_city: "Amsterdam",
      bill_to_country: "NL",
    });
    // A mistyped IBAN is no IBAN; the customer's VAT number is not the supplier's.
    const mistyped = letterhead.map((line) =>
      line.replace("NL50INGB0683251309", "NL50INGB0683251308").replace("BTW NL810433941B01", "Uw BTW NL810433941B01"),
    );
    const found = values("invoice", mistyped);
    expect(found.supplier_iban).toBeUndefined();
    expect(found.supplier_vat_number).toBeUndefined();
  });

  it("takes the seller from the legal footer when the top of the page is the customer's address", () => {
    const lines = [
      "                                                  ALEXINUX",
      "                                                  de Lattre Alexis",
      "                                                  27 rue Henri Rolland",
      "                                                  69100 Villeurbanne",
      "                        Facture n° 2022089083",
      ...Array.from({ length: 50 }, () => ""),
      "                               NETPRESSE",
      "  Siège social : 16 rue Mollien - 92100 BOULOGNE – Tél : 01 71 17 61 67 – annonce@publicationannoncelegale.fr",
      "  Sarl au capital de 10 000€ - RSC Paris B 530 848 134 – Siret 53084813400017 – TVA F63530848134",
    ];
    expect(values("invoice", lines)).toEqual({
      supplier_name: "NETPRESSE",
      supplier_company_number: "530848134",
      supplier_company_register: "siren",
      supplier_phone: "01 71 17 61 67",
      supplier_email: "annonce@publicationannoncelegale.fr",
      bill_to_name: "ALEXINUX",
      bill_to_city: "Villeurbanne",
      bill_to_postal_code: "69100",
      bill_to_address_line1: "27 rue Henri Rolland",
    });
  });

  it("reads a labelled seller's block past a note in brackets, and identifiers in a grid and a footer", () => {
    const found = values("invoice", [
      "Amazon Web Services Invoice",
      "                                        Service Provider:",
      "                                        (Not to be used for payment remittance)",
      "                                        Amazon Web Services, Inc.",
      "                                        410 Terry Ave North",
      "                                        Seattle, WA 98109-5210, US",
      "",
      "    GSTIN                                 CIN",
      "    06AABCO6063D1ZQ                       U63090DL2012PTC231770",
      ...Array.from({ length: 49 }, () => ""),
      "      (870)-931-0505 billing@example.com http://www.example.com",
    ]);
    expect(found).toEqual({
      supplier_name: "Amazon Web Services, Inc.",
      supplier_address_line1: "410 Terry Ave North",
      supplier_city: "Seattle",
      supplier_region: "WA",
      supplier_postal_code: "98109-5210",
      supplier_country: "US",
      supplier_vat_number: "06AABCO6063D1ZQ",
      supplier_company_number: "U63090DL2012PTC231770",
      supplier_company_register: "cin",
      supplier_phone: "(870)-931-0505",
      supplier_email: "billing@example.com",
      supplier_website: "http://www.example.com",
    });
  });

  it("reads the demo's text PDFs' parties: over 95% of their fields, and none wrong", async () => {
    const documents = await readTextPdfs(generateDocuments(fixtureWorld("small"), new Random(5).fork("documents")));
    const party =
      /^(buyer|vendor|ship_to|bill_to|supplier|shipper|consignee|distributor)_(name|address_line\d|city|region|postal_code|phone)$/;
    let right = 0;
    let missed = 0;
    const wrong: string[] = [];
    for (const { path, truth, text } of documents) {
      const found = extractParties(truth.kind, text.pages);
      for (const field of Object.keys(truth.fields).filter((name) => party.test(name))) {
        const value = found[field];
        if (!value) missed += 1;
        else if (sameValue(value.value, truth.fields[field] as string, truth.printed[field])) right += 1;
        else wrong.push(`${path} ${field}: ${value.value}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(right / (right + missed)).toBeGreaterThan(0.95);
  });
});
