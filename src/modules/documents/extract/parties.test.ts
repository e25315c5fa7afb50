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
