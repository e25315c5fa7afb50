import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { valuesOf } from "../testing/values-of.ts";
import type { DocumentText } from "../text/page-text.ts";
import { extractLines } from "./extract-lines.ts";
import type { ExtractedValue } from "./extracted.ts";
import { settleByArithmetic } from "./line-arithmetic.ts";
import { headerPhrases } from "./line-columns.ts";
import { tidyOcrLine } from "./ocr-words.ts";
import { settleCodes } from "./part-codes.ts";
import { settleUnits, unitOf } from "./units.ts";

/** `textOf`'s page as if OCR had read it (tesseract, each word 90% sure). */
function ocrOf(lines: string[]): DocumentText {
  const text = textOf(lines);
  return {
    ...text,
    pages: text.pages.map((page) => ({
      ...page,
      engine: "tesseract",
      confidence: 90,
      words: page.words.map((word) => ({ ...word, confidence: 90 })),
    })),
  };
}

const read = (header: string, tolerant: boolean) =>
  headerPhrases(
    header.split(" ").map((text) => ({ text })),
    { tolerant },
  ).map((phrase) => [phrase.field, phrase.misread]);

describe("reading OCR'd tables", () => {
  it("takes a misread header word for the phrase it misreads, only when told the text is OCR's", () => {
    const cells = ["Hem", "Description", "Oty", "Pree", "Amount"];
    expect(cells.map((cell) => read(cell, true))).toEqual([
      [["part_number", true]],
      [["description", false]],
      [["quantity", true]],
      [["unit_price", true]],
      [["amount", false]],
    ]);
    expect(cells.map((cell) => read(cell, false))).toEqual([[], [["description", false]], [], [], [["amount", false]]]);
    expect(read("Quantlty", true)).toEqual([["quantity", true]]);
    // Words far from any header phrase are not taken for one.
    expect(read("Harbor Industrial Supply", true)).toEqual([]);
  });

  it("drops OCR's marks around and between a row's words, keeping each piece's place", () => {
    const [page] = ocrOf([" HIS-FAS-10077   ~36:«~BX   —   4.30‘   154.80"]).pages;
    const words = tidyOcrLine(page?.words ?? []);
    expect(words.map((word) => word.text)).toEqual(["HIS-FAS-10077", "36", "BX", "4.30", "154.80"]);
    for (const word of words) expect(page?.text.slice(word.start, word.end)).toBe(word.text);
    const [quantity, unit] = words.slice(1);
    expect(quantity?.box.x1).toBeLessThanOrEqual(unit?.box.x0 ?? 0);
  });

  it("reads the lines of an OCR'd table under a misread header, units and amounts as printed", () => {
    const lines = extractLines(
      "purchase_order",
      ocrOf([
        " Hem              Description                    Oty   Unit      Pree      Amount",
        " HIS-FAS-10077    Flat washer 1/2 SAE, zinc      ~36:  8x        4.30      154.80",
        " HIS-ELE-10098    THHN wire 12 AWG, 500 ft        29   RL.     103.08    2,989.32",
        "                                                         Total USD        3,144.12",
      ]).pages,
    ).map((line) => valuesOf(line.fields));
    expect(lines).toEqual([
      {
        vendor_part_number: "HIS-FAS-10077",
        description: "Flat washer 1/2 SAE, zinc",
        quantity: "36",
        uom: "BX",
        unit_price: "4.30",
        amount: "154.80",
      },
      {
        vendor_part_number: "HIS-ELE-10098",
        description: "THHN wire 12 AWG, 500 ft",
        quantity: "29",
        uom: "RL",
        unit_price: "103.08",
        amount: "2989.32",
      },
    ]);
  });

  it("reads a number whose point OCR lost by the line's arithmetic, from its printed digits only", () => {
    const [line] = extractLines(
      "invoice",
      ocrOf([" Description          Qty    Price     Amount", " Nylon lock nut        26   7.9503     206 71"]).pages,
    );
    expect(line?.fields.amount).toMatchObject({ value: "206.71", printed: "206 71" });
    expect(line?.fields.amount?.confidence).toBeCloseTo(0.72);
    // Digits one off the product's are read as the product, but a person confirms them; two off are left as read.
    const fields: Record<string, ExtractedValue> = {
      quantity: {
        value: "26",
        printed: "26",
        confidence: 0.9,
        location: { page: 1, start: 0, end: 0, box: { x0: 0, y0: 0, x1: 0, y1: 0 } },
      },
      unit_price: {
        value: "7.9503",
        printed: "7.9503",
        confidence: 0.9,
        location: { page: 1, start: 0, end: 0, box: { x0: 0, y0: 0, x1: 0, y1: 0 } },
      },
    };
    const candidate = (printed: string) => ({
      printed,
      value: (value: string) => ({ ...(fields.quantity as ExtractedValue), value, printed }),
    });
    expect(settleByArithmetic(fields, [{ field: "amount", candidate: candidate("288 71") }])).toEqual([]);
    expect(fields.amount).toBeUndefined();
    expect(settleByArithmetic(fields, [{ field: "amount", candidate: candidate("208 71") }])).toEqual(["amount"]);
    expect(fields.amount).toMatchObject({ value: "206.71", printed: "208 71", confidence: 0.6 });
  });

  it("mends a digit OCR dropped from a price by the line's arithmetic, the field it was less sure of", () => {
    const at = { page: 1, start: 0, end: 0, box: { x0: 0, y0: 0, x1: 0, y1: 0 } };
    const read = (value: string, printed: string, confidence: number): ExtractedValue => ({
      value,
      printed,
      confidence,
      location: at,
    });
    const candidate = (printed: string, confidence: number) => ({
      printed,
      value: (value: string) => read(value, printed, confidence),
    });
    // 39 × 16.5699 is 646.23: the price's leading 1 was lost.
    const dropped: Record<string, ExtractedValue> = {
      quantity: read("39", "39", 0.9),
      unit_price: read("6.5699", "(6.5699", 0.7),
      amount: read("646.23", "$646.23", 0.9),
    };
    const candidates = (price: number, amount: number) => [
      { field: "quantity", candidate: candidate("39", 0.9) },
      { field: "unit_price", candidate: candidate(dropped.unit_price?.printed as string, price) },
      { field: "amount", candidate: candidate(dropped.amount?.printed as string, amount) },
    ];
    expect(settleByArithmetic(dropped, candidates(0.7, 0.9))).toEqual(["unit_price"]);
    expect(dropped.unit_price).toMatchObject({ value: "16.5699", printed: "(6.5699", confidence: 0.6 });
    // 20 × 4.8 is 96.00, one digit off the 97.00 printed, as 4.85 is off "4.8.": the one OCR was less sure of is mended…
    const twoWays = () => ({
      quantity: read("20", "20", 0.9),
      unit_price: read("4.8", "4.8.", 0.5),
      amount: read("97.00", "$97.00", 0.9),
    });
    const lessSure = twoWays();
    expect(
      settleByArithmetic(lessSure, [
        { field: "unit_price", candidate: candidate("4.8.", 0.5) },
        { field: "amount", candidate: candidate("$97.00", 0.9) },
      ]),
    ).toEqual(["unit_price"]);
    expect(lessSure.unit_price?.value).toBe("4.85");
    // …and when OCR was as sure of both, neither.
    const asSure = twoWays();
    expect(
      settleByArithmetic(asSure, [
        { field: "unit_price", candidate: candidate("4.8.", 0.9) },
        { field: "amount", candidate: candidate("$97.00", 0.9) },
      ]),
    ).toEqual([]);
    expect(asSure).toEqual(twoWays());
  });

  it("gives a row's unnamed line number and part code their fields when OCR lost those headers", () => {
    const [line] = extractLines(
      "purchase_order",
      ocrOf([
        "  8   Deseription                     eamNe            Quantity  Unit   Price      Total",
        "  1   Flat washer 1/2 SAE, zinc       HIS-FAS-10077          26    BX    4.24    $110.24",
      ]).pages,
    );
    expect(valuesOf(line?.fields ?? {})).toMatchObject({
      line_number: "1",
      vendor_part_number: "HIS-FAS-10077",
      amount: "110.24",
    });
  });

  it("reads a misread unit of measure as the unit it spells, a plain short word as printed, and no number as one", () => {
    expect(["8x", "cal", "RL.", "EA", "6AL", "bx", "DRM"].map(unitOf)).toEqual(["BX", "GAL", "RL", "EA", "GAL", "BX", "DRM"]);
    expect(["Nylon", "12", "4.92"].map(unitOf)).toEqual([null, null, null]);
  });

  it("finds a table whose header OCR could not read from its rows, and ends it with them", () => {
    const lines = extractLines(
      "purchase_order",
      ocrOf([
        " (Mee!)  ety!  WOR Oar      emer         @ [On               ee]",
        "  1    26),  BX   HIS.FAS. 10038   Nylon insert lock nut      7.9503,     206 71",
        "  2      38  BX   HIS-FAS-10042    Flat washer 1/2 SAE          8.72      331.36",
        "  3      20  RL   HIS-ELE-10112    THHN wire 12 AWG, 500 ft   108.61    2,172.20",
        "  Total lines: 3                                      Subtotal    2,710.27",
      ]).pages,
    ).map((line) => valuesOf(line.fields));
    expect(lines).toEqual([
      {
        line_number: "1",
        quantity: "26",
        uom: "BX",
        vendor_part_number: "HIS-FAS-10038",
        description: "Nylon insert lock nut",
        unit_price: "7.9503",
        amount: "206.71",
      },
      {
        line_number: "2",
        quantity: "38",
        uom: "BX",
        vendor_part_number: "HIS-FAS-10042",
        description: "Flat washer 1/2 SAE",
        unit_price: "8.72",
        amount: "331.36",
      },
      {
        line_number: "3",
        quantity: "20",
        uom: "RL",
        vendor_part_number: "HIS-ELE-10112",
        description: "THHN wire 12 AWG, 500 ft",
        unit_price: "108.61",
        amount: "2172.20",
      },
    ]);
  });

  it("settles a misread unit, and a code's lost dashes, by the table's other lines", () => {
    expect(settleUnits(["BX", "BK", "GAL", "GAR", "BX", "EA", "ZZ"])).toEqual(["BX", "BX", "GAL", "GAL", "BX", "EA", "ZZ"]);
    expect(unitOf("s BX")).toBe("BX");
    expect(settleCodes(["HIS-FAS-10035", "MIS.ELE-10112", "HIS-SAF-10168", "HIS JAN 10210", "HIS-FAB-1006)"])).toEqual([
      "HIS-FAS-10035",
      "MIS-ELE-10112",
      "HIS-SAF-10168",
      "HIS-JAN-10210",
      "HIS-FAB-1006)",
    ]);
    expect(settleCodes(["A-100", "B-200"])).toEqual(["A-100", "B-200"]);
  });

  it("places an OCR'd header's columns where its rows' values stand, keeping the fields only the header names", () => {
    const lines = extractLines(
      "purchase_order",
      ocrOf([
        "  8   Deseription               BaND.              COQuantity)  Unit Price     SCT",
        "  1   Flat washer 1/2 SAE       HIS-FAS-10077          26  BX     4.24      $110.24",
        "  2   THHN wire 12 AWG          HIS-ELE-10112          20  RL   108.61    $2,172.20",
        "  3   Safety glasses, clear     HIS-SAF-10189          23  EA     3.84       $88.32",
      ]).pages,
    ).map((line) => valuesOf(line.fields));
    expect(lines[2]).toEqual({
      line_number: "3",
      description: "Safety glasses, clear",
      vendor_part_number: "HIS-SAF-10189",
      quantity: "23",
      uom: "EA",
      unit_price: "3.84",
      amount: "88.32",
    });
  });
});
