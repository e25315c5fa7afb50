import { describe, expect, it } from "vitest";
import type { ExtractedLine } from "../extract/extracted.ts";
import { catalogueFromRecords } from "./catalogue.ts";
import { ocrDistance } from "./ocr-distance.ts";
import { repairFromCatalogue } from "./repair-from-catalogue.ts";

const catalogue = catalogueFromRecords({
  items: [
    {
      external_id: "I-1",
      sku: "HIS-FAS-10056",
      name: "Nylon insert lock nut 1/4-20, zinc (value)",
      base_uom: "EA",
      uom_conversions: [{ uom: "BX" }],
    },
    {
      external_id: "I-2",
      sku: "HIS-FAS-10063",
      name: "Flat washer 1/2 SAE, zinc",
      base_uom: "EA",
      uom_conversions: [{ uom: "BX" }],
    },
    { external_id: "I-3", sku: "HIS-ELE-10112", name: "THHN wire 12 AWG black, 500 ft reel (value)", base_uom: "RL" },
    {
      external_id: "I-4",
      sku: "HIS-ELE-10119",
      name: "Twist-on wire connector yellow 18-10 AWG",
      base_uom: "EA",
      uom_conversions: [{ uom: "BX" }],
    },
    { external_id: "I-5", sku: "HIS-ELE-10118", name: "Twist-on wire connector red 22-16 AWG", base_uom: "EA" },
  ],
  xrefs: [{ item_external_id: "I-2", part_number: "03-118822", description: "FLAT WASHER 1/2 SAE ZINC" }],
});

/** A value read on a line of print 12 high, 6 wide a character from x = 100. */
const value = (text: string, confidence = 0.6) => ({
  value: text,
  printed: text,
  confidence,
  location: { page: 1, start: 0, end: text.length, box: { x0: 100, y0: 0, x1: 100 + 6 * text.length, y1: 12 } },
});
const line = (fields: Record<string, string>): ExtractedLine => ({
  fields: Object.fromEntries(Object.entries(fields).map(([field, text]) => [field, value(text)])),
});
const values = (lines: ExtractedLine[]) =>
  lines.map((each) => Object.fromEntries(Object.entries(each.fields).map(([field, found]) => [field, found.value])));

describe("OCR'd lines mended from the catalogue", () => {
  it("reads a misread code, description and unit as what the item is called, keeping what OCR printed", () => {
    const { lines, repairs } = repairFromCatalogue(
      [line({ vendor_part_number: "MIS-FAS-1OO63", description: "Flat washet 1/2 SAE, ainc", uom: "8X", quantity: "24" })],
      catalogue,
    );
    expect(values(lines)).toEqual([
      { vendor_part_number: "HIS-FAS-10063", description: "Flat washer 1/2 SAE, zinc", uom: "BX", quantity: "24" },
    ]);
    expect(lines[0]?.fields.vendor_part_number?.printed).toBe("MIS-FAS-1OO63");
    expect(lines[0]?.fields.vendor_part_number?.confidence).toBeGreaterThan(0.6);
    expect(repairs.map((repair) => repair.field)).toEqual(["vendor_part_number", "description", "uom"]);
  });

  it("finds the item by its description when the code is unreadable, and a customer's own part number", () => {
    const { lines } = repairFromCatalogue(
      [
        line({ description: "THHN wire 12 AWG biack, 500 ft reel (vaiue)" }),
        line({ customer_part_number: "O3-1I8822", description: "FLAT WASHER 1/2 SAE Z1NC" }),
      ],
      catalogue,
    );
    expect(values(lines)).toEqual([
      { description: "THHN wire 12 AWG black, 500 ft reel (value)" },
      { customer_part_number: "03-118822", description: "FLAT WASHER 1/2 SAE ZINC" },
    ]);
  });

  it("reads a code too misread to be found alone as its item's, when the description names the item", () => {
    const { lines } = repairFromCatalogue(
      [line({ vendor_part_number: "sIS-FAS-1OO6E,", description: "Flat washer 1/2 SAE, zinc" })],
      catalogue,
    );
    expect(values(lines)).toEqual([{ vendor_part_number: "HIS-FAS-10063", description: "Flat washer 1/2 SAE, zinc" }]);
    // Without a description to name the item, the same code is too far from every code to be read as one.
    expect(values(repairFromCatalogue([line({ vendor_part_number: "sIS-FAS-1OO6E," })], catalogue).lines)).toEqual([
      { vendor_part_number: "sIS-FAS-1OO6E," },
    ]);
  });

  it("keeps a description the document cut short as short as it printed it", () => {
    const { lines } = repairFromCatalogue([line({ description: "Twist-on wire connector yel1ow 18-10 AW" })], catalogue);
    expect(values(lines)[0]?.description).toBe("Twist-on wire connector yellow 18-10 AW");
  });

  it("reads a description ending short of the column's edge whole, its last letter lost by OCR", () => {
    const { lines } = repairFromCatalogue(
      [
        line({ description: "Twist-on wire connector yel1ow 18-10 AW" }),
        line({ description: "Flat washer 1/2 SAE, zin" }),
        line({ description: "THHN wire 12 AWG biack, 500 ft reel (value" }),
      ],
      catalogue,
    );
    expect(values(lines).map((each) => each.description)).toEqual([
      // Shorter than the longest: not cut by the column, so the lost "G" is a letter OCR lost…
      "Twist-on wire connector yellow 18-10 AWG",
      "Flat washer 1/2 SAE, zinc",
      // …while the longest reaches the edge, where the column may have cut it.
      "THHN wire 12 AWG black, 500 ft reel (value",
    ]);
  });

  it("leaves alone what is read right, what is near two things at once, and what is near nothing", () => {
    const input = [
      line({ vendor_part_number: "HIS-FAS-10056", description: "Nylon insert lock nut 1/4-20, zinc (value)", uom: "BX" }),
      // 10118 and 10119 are both one misread away from 1011?: which one it is cannot be told.
      line({ vendor_part_number: "HIS-ELE-1011?" }),
      line({ vendor_part_number: "ACME-99", description: "Hydraulic hose 3/8 in, per foot", uom: "FT" }),
    ];
    const { lines, repairs } = repairFromCatalogue(input, catalogue);
    expect(repairs).toEqual([]);
    expect(values(lines)).toEqual(values(input));
  });

  it("does not give a line another item's description when its own code is known", () => {
    const { lines } = repairFromCatalogue(
      [line({ vendor_part_number: "HIS-ELE-10118", description: "Twist-on wire connector yellow 18-10 AWG" })],
      catalogue,
    );
    expect(values(lines)[0]?.description).toBe("Twist-on wire connector yellow 18-10 AWG");
  });
});

describe("OCR distance", () => {
  it("counts OCR's usual confusions as less than other changes", () => {
    expect(ocrDistance("HIS-FAS-1OO56", "HIS-FAS-10056")).toBeCloseTo(0.8);
    expect(ocrDistance("HIS-FAS-10066", "HIS-FAS-10056")).toBe(1);
    expect(ocrDistance("zinc", "Zinc")).toBeCloseTo(0.1);
    expect(ocrDistance("", "abc")).toBe(3);
  });
});
