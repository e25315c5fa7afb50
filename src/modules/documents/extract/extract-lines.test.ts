import { describe, expect, it } from "vitest";
import { generateDocuments } from "../../../demo/documents/index.ts";
import { fixtureWorld } from "../../../demo/documents/testing/fixture-world.ts";
import { Random } from "../../../demo/random.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import { addCounts, emptyCounts, f1Of, scoreLines } from "../evaluate/score-lines.ts";
import { readTextPdfs } from "../testing/read-text-pdfs.ts";
import { textOf } from "../testing/text-of.ts";
import { valuesOf } from "../testing/values-of.ts";
import { extractLines } from "./extract-lines.ts";
import { headerPhrases } from "./line-columns.ts";

const values = (kind: DocumentKind, lines: string[]) =>
  extractLines(kind, textOf(lines).pages).map((line) => valuesOf(line.fields));

describe("headerPhrases", () => {
  const read = (header: string) => headerPhrases(header.split(" ").map((text) => ({ text }))).map((phrase) => phrase.field);
  it("reads a header cell as the fewest whole phrases covering it", () => {
    expect(read("Qty Sold UOM")).toEqual(["quantity", "uom"]);
    expect(read("Unit Price")).toEqual(["unit_price"]);
    expect(read("LN ITEM-NUMBER")).toEqual(["line_number", "part_number"]);
    expect(read("Mfr/Vendor Item")).toEqual(["vendor_part_number"]);
    expect(read("Notes")).toEqual([]);
    // European invoices' headers.
    expect(read("Artikel Aantal")).toEqual(["description", "quantity"]);
    expect(read("Prijs per stuk")).toEqual(["unit_price"]);
    expect(read("P.U. HT")).toEqual(["unit_price"]);
  });
});

describe("extractLines", () => {
  it("reads a table's rows under its header to the totals, each value normalised and located", () => {
    const document = textOf([
      "PURCHASE ORDER",
      " Item           Description                  Quantity   Unit     Price      Amount",
      " HIS-SAF-10168  Nitrile gloves, large             32   BX        9.35      299.20",
      " HIS-ELE-10098  THHN wire 12 AWG, 500 ft          23   RL      114.03    2,622.69",
      "                reel (USA made)",
      "                                                            Total USD   2,921.89",
    ]);
    const [first, second, ...rest] = extractLines("purchase_order", document.pages);
    expect(rest).toEqual([]);
    expect(Object.fromEntries(Object.entries(first?.fields ?? {}).map(([field, found]) => [field, found.value]))).toEqual({
      vendor_part_number: "HIS-SAF-10168",
      description: "Nitrile gloves, large",
      quantity: "32",
      uom: "BX",
      unit_price: "9.35",
      amount: "299.20",
    });
    // A row with only description text continues the line above it.
    expect(second?.fields.description?.value).toBe("THHN wire 12 AWG, 500 ft reel (USA made)");
    const amount = second?.fields.amount;
    expect(document.pages[0]?.text.slice(amount?.location.start, amount?.location.end)).toBe("2,622.69");
  });

  it("keeps an item whose description names a totals word, ends at the totals, and takes a discount into the line's sum", () => {
    const lines = values("invoice", [
      " Description                  Qty    Price   Disc %    Amount",
      " Merchandise display rack       1    50.00      10      45.00",
      " Shelf labels                   2    10.00               20.00",
      " Lines: 2",
      "                                       Subtotal          65.00",
    ]);
    expect(lines.map((line) => [line.description, line.amount])).toEqual([
      ["Merchandise display rack", "45.00"],
      ["Shelf labels", "20.00"],
    ]);
    const [discounted] = extractLines(
      "invoice",
      textOf([" Description   Qty   Price   Disc %   Amount", " Rack            1   50.00       10    45.00"]).pages,
    );
    expect(discounted?.fields.amount?.confidence).toBe(0.9);
  });

  it("halves the confidence of a line whose quantity × price is not its amount", () => {
    const [right, wrong] = extractLines(
      "invoice",
      textOf([" Qty  UOM   Unit Price    Amount", "  2   EA        10.00     20.00", "  3   EA        10.00     33.00"]).pages,
    );
    expect(right?.fields.amount?.confidence).toBe(0.9);
    expect(wrong?.fields.amount?.confidence).toBe(0.45);
    expect(wrong?.fields.uom?.confidence).toBe(0.85);
  });

  it("gives part numbers to whose they are: a customer's PO names ours the vendor's, a supplier's invoice names ours 'your'", () => {
    const header = " Line  Qty  UOM  Our Item #   Vendor Item #   Unit Price   Extended";
    const row = "  1     18   EA   03831083     HIS-ABR-10266       5.9065     106.32";
    expect(values("purchase_order", [header, row])[0]).toMatchObject({
      customer_part_number: "03831083",
      vendor_part_number: "HIS-ABR-10266",
    });
    const invoice = [
      " Item       Your Item      Qty  UOM   Unit Price   Amount",
      " 01-28794   HIS-ABR-10259   22   EA       4.37      96.14",
    ];
    expect(values("invoice", invoice)[0]).toMatchObject({ supplier_part_number: "01-28794", buyer_part_number: "HIS-ABR-10259" });
  });

  it("reads lines written as labelled blocks when there is no table", () => {
    expect(
      values("purchase_order", [
        " Line 1     Part HIS-ELE-10112       Qty 12 RL        @ 99.35        1,192.20",
        "            THHN wire 12 AWG black, 500 ft reel",
        "",
        "            Required 01/12/2025",
        " Line 2     Part HIS-ELE-10133       Qty 18 BX        @ 14.26          256.68",
        "            Twist-on wire connector",
      ]),
    ).toEqual([
      {
        line_number: "1",
        vendor_part_number: "HIS-ELE-10112",
        quantity: "12",
        uom: "RL",
        unit_price: "99.35",
        amount: "1192.20",
        description: "THHN wire 12 AWG black, 500 ft reel",
        requested_date: "2025-01-12",
      },
      {
        line_number: "2",
        vendor_part_number: "HIS-ELE-10133",
        quantity: "18",
        uom: "BX",
        unit_price: "14.26",
        amount: "256.68",
        description: "Twist-on wire connector",
      },
    ]);
  });

  it("reads a European invoice's sections: subtotals between them, quantities with units, codes in the description, tax rates, notes", () => {
    const lines = extractLines(
      "invoice",
      textOf([
        " Description                        Quantity   Unit Price  Disc.%  Taxes     Amount",
        " --- Non Food ---",
        " [17589684] Beeswax XL               1.00 kg        42.00    0.00  15.00%   $ 42.00",
        " Acme beeswax",
        "",
        " [FURN_7777] Office Chair          1.00 Units       70.00    0.00  15.00%   $ 70.00",
        "",
        "                                                               Subtotal   $ 112.00",
        " --- Food Products ---",
        " *987123* Olive Oil                   1.00 L         1.00   10.00  15.00%    $ 0.90",
        "",
        " Our Olive Oil is delivered in a re-usable glass container",
        "",
        "                                                               Subtotal     $ 0.90",
        "                                                Tax 15% on $ 112.90      $ 16.94",
        "                                                                 Total   $ 129.84",
        " Payment terms: 15 Days                  1 case per order          1.00     $ 5.00",
      ]).pages,
    ).map((line) => valuesOf(line.fields));
    expect(lines).toEqual([
      {
        supplier_part_number: "17589684",
        description: "Beeswax XL Acme beeswax",
        quantity: "1.00",
        uom: "KG",
        unit_price: "42.00",
        discount: "0.00",
        tax_rate: "15.00",
        amount: "42.00",
      },
      {
        supplier_part_number: "FURN_7777",
        description: "Office Chair",
        quantity: "1.00",
        uom: "UNITS",
        unit_price: "70.00",
        discount: "0.00",
        tax_rate: "15.00",
        amount: "70.00",
      },
      {
        // A barcode's text between asterisks is the item's code; a row set apart under it, its note.
        supplier_part_number: "987123",
        description: "Olive Oil",
        quantity: "1.00",
        uom: "L",
        unit_price: "1.00",
        discount: "10.00",
        tax_rate: "15.00",
        amount: "0.90",
        note: "Our Olive Oil is delivered in a re-usable glass container",
      },
    ]);
  });

  it("reads a Dutch invoice's VAT column as the rate, an attribute under an item as its note, and stops at its totals", () => {
    const lines = values("invoice", [
      " Artikel                                  Aantal   Prijs per stuk    BTW   Prijs incl. BTW",
      " Apple iPad Air Wifi 16 GB Zilver              1         € 399,00    21%          € 399,00",
      "   Serienummer: SDMPP373MPP15",
      " Mario Kart 7 3DS                              1          € 44,99    21%           € 44,99",
      "",
      "    Exclusief BTW    € 366,95                                  Subtotaal          € 443,99",
      "             Totaal  € 443,99                 ''iDEAL'' op 21 april 2015          € 443,99",
    ]);
    expect(lines).toEqual([
      {
        description: "Apple iPad Air Wifi 16 GB Zilver",
        quantity: "1",
        unit_price: "399.00",
        tax_rate: "21",
        amount: "399.00",
        note: "Serienummer: SDMPP373MPP15",
      },
      { description: "Mario Kart 7 3DS", quantity: "1", unit_price: "44.99", tax_rate: "21", amount: "44.99" },
    ]);
  });

  it("finds no lines in a document without a table or blocks", () => {
    expect(values("invoice", ["Dear customer,", "thank you for your order of 12 boxes."])).toEqual([]);
  });

  it("reads every layout of the demo's text PDFs with a field F1 of at least 0.95 (the issue's target for text PDFs)", async () => {
    const documents = await readTextPdfs(generateDocuments(fixtureWorld("small"), new Random(5).fork("documents")));
    const byLayout = new Map<string, ReturnType<typeof emptyCounts>>();
    for (const { truth, text } of documents) {
      if (truth.kind === "proof_of_delivery") continue; // its "lines" are the exceptions noted, not a table
      const counts = scoreLines(extractLines(truth.kind, text.pages), truth.lines);
      byLayout.set(truth.layout, addCounts(byLayout.get(truth.layout) ?? emptyCounts(), counts));
    }
    expect(byLayout.size).toBeGreaterThanOrEqual(10);
    const below = [...byLayout]
      .map(([layout, counts]) => [layout, Number(f1Of(counts).f1.toFixed(3))] as const)
      .filter(([, f1]) => f1 < 0.95);
    expect(below).toEqual([]);
  });
});
