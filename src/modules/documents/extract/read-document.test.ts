import { describe, expect, it } from "vitest";
import { generateDocuments } from "../../../demo/documents/index.ts";
import { fixtureWorld } from "../../../demo/documents/testing/fixture-world.ts";
import { Random } from "../../../demo/random.ts";
import { sameValue, scoreLines } from "../evaluate/score-lines.ts";
import { readTextPdfs } from "../testing/read-text-pdfs.ts";
import { textOf } from "../testing/text-of.ts";
import { readDocument } from "./read-document.ts";

const INVOICE = [
  "Fastco Fastener Manufacturing                              INVOICE",
  "6086 Commerce Dr                                  Invoice No. FASTCO-80000",
  "Chicago, IL 60607                                 Invoice Date 11/17/2024",
  "",
  " Item       Description                 Qty  UOM   Unit Price     Amount",
  " HIS-1      Flat washer 1/2 SAE         133   BX        3.828     509.12",
  " HIS-2      Flap disc 4-1/2 in.         123   EA         4.37     537.51",
  "                                                   Subtotal     1,046.63",
  "                                                   Freight         45.00",
];

describe("readDocument", () => {
  it("lets a document whose kind, required fields, lines and sums are clear go straight through", () => {
    const read = readDocument(textOf([...INVOICE, "                                                   TOTAL DUE    $1,091.63"]));
    expect(read.reasons).toEqual([]);
    expect(read).toMatchObject({ straightThrough: true, classification: { kind: "invoice" } });
    expect(read.checks.map((check) => [check.check, check.passed])).toEqual([
      ["lines add up to the subtotal", true],
      ["subtotal, tax and freight add up to the total", true],
    ]);
  });

  it("holds a document whose total is not its parts for a person, saying what was expected, found and at stake", () => {
    const read = readDocument(textOf([...INVOICE, "                                                   TOTAL DUE    $1,191.63"]));
    expect(read.straightThrough).toBe(false);
    expect(read.checks.find((check) => !check.passed)).toEqual({
      check: "subtotal, tax and freight add up to the total",
      passed: false,
      expected: "1091.63",
      found: "1191.63",
      at_stake: "100.00",
    });
    expect(read.reasons).toEqual(["subtotal, tax and freight add up to the total: expected 1091.63, found 1191.63"]);
  });

  it("holds a document with a line whose amount could not be read, rather than leave its sums unchecked", () => {
    const read = readDocument(
      textOf([
        ...INVOICE.slice(0, 5),
        " HIS-1      Flat washer 1/2 SAE         133   BX        3.828     5O9.12",
        " HIS-2      Flap disc 4-1/2 in.         123   EA         4.37     537.51",
        "                                                   TOTAL DUE    $537.51",
      ]),
    );
    expect(read.straightThrough).toBe(false);
    expect(read.reasons).toContain("no amount read on line 1");
  });

  it("holds a document without what its kind requires, or of no clear kind", () => {
    expect(readDocument(textOf(INVOICE.slice(0, 2))).reasons).toEqual([
      "invoice_date was not found",
      "total was not found",
      "no lines were found",
    ]);
    expect(readDocument(textOf(["Dear Sir,", "our new catalogue is attached."])).reasons).toEqual(["its kind is not clear"]);
    // Read as the kind a person says it is.
    const corrected = readDocument(textOf(["Dear Sir,", "PO Number: 77-1"]), { kind: "purchase_order" });
    expect(corrected).toMatchObject({
      kind: "purchase_order",
      classification: { kind: "other" },
      fields: { po_number: { value: "77-1" } },
    });
    expect(corrected.reasons).not.toContain("its kind is not clear");
  });

  it("reads a supplier's credit note: its number, date, the invoice it credits, why, its lines and total", () => {
    const read = readDocument(
      textOf([
        "Harbor Industrial Supply",
        "100 Dock Street",
        "Portland, OR 97201",
        "",
        "CREDIT NOTE",
        "",
        "Credit Note No: CN-5501          Date: 03/20/2025",
        "Original Invoice: INV-9101       PO Number: PO-7781",
        "Reason: Damaged in transit",
        "",
        "Line  Item       Description          Qty  UOM  Unit Price    Amount",
        "1     HX-100     Hex bolt 1/2 in        4  EA        2.50      10.00",
        "",
        "                                        Total Credit    10.00",
      ]),
    );
    expect(read).toMatchObject({ kind: "credit_note", straightThrough: true, reasons: [] });
    expect(Object.fromEntries(Object.entries(read.fields).map(([field, value]) => [field, value.value]))).toMatchObject({
      supplier_name: "Harbor Industrial Supply",
      credit_note_number: "CN-5501",
      credit_date: "2025-03-20",
      credited_invoice: "INV-9101",
      po_number: "PO-7781",
      reason: "Damaged in transit",
      total: "10.00",
    });
    expect(read.lines.map((line) => line.fields.amount?.value)).toEqual(["10.00"]);
    // Without its number it waits for a person.
    const unnumbered = readDocument(textOf(["Harbor Industrial Supply", "CREDIT NOTE", "Total Credit  10.00"]));
    expect(unnumbered.reasons).toContain("credit_note_number was not found");
  });

  it("reads a supplier's packing slip: its number, PO, carrier and tracking, and each line's ordered, shipped and backordered quantities", () => {
    const read = readDocument(
      textOf([
        "Northwind Supply Co.                                            PACKING SLIP",
        "1200 Industrial Pkwy",
        "Columbus, OH 43215                                              Packing Slip #: PS-88120",
        "                                                                Ship Date: 11/30/2026",
        "Ship To:                                                        Your PO #: PO-4471",
        "Acme Distribution - DC East                                     Our Order #: SO-99812",
        "450 Commerce Dr                                                 Carrier: UPS Ground",
        "Edison, NJ 08817                                                Tracking #: 1Z999AA10123456784",
        "                                                                Cartons: 3",
        "",
        "Line  Item        Description                      Ordered   Shipped   Backordered   UOM",
        "1     NW-1001     Nitrile Gloves, Large, 100/bx          40        40             0   CS",
        "2     NW-2210     Shop Towels, Blue, 200 ct              25        20             5   CS",
        "",
        "Total weight: 84 lb",
      ]),
    );
    expect(read).toMatchObject({ kind: "ship_notice", straightThrough: true, reasons: [] });
    expect(Object.fromEntries(Object.entries(read.fields).map(([field, value]) => [field, value.value]))).toMatchObject({
      supplier_name: "Northwind Supply Co.",
      ship_to_name: "Acme Distribution - DC East",
      packing_slip_number: "PS-88120",
      ship_date: "2026-11-30",
      po_number: "PO-4471",
      order_number: "SO-99812",
      carrier: "UPS Ground",
      tracking_number: "1Z999AA10123456784",
      packages: "3",
      total_weight: "84",
    });
    // The quantity is what was shipped; what was ordered and what is still to come are kept beside it.
    expect(
      read.lines.map((line) => Object.fromEntries(Object.entries(line.fields).map(([field, value]) => [field, value.value]))),
    ).toEqual([
      expect.objectContaining({
        supplier_part_number: "NW-1001",
        quantity_ordered: "40",
        quantity: "40",
        quantity_backordered: "0",
        uom: "CS",
      }),
      expect.objectContaining({
        supplier_part_number: "NW-2210",
        quantity_ordered: "25",
        quantity: "20",
        quantity_backordered: "5",
        uom: "CS",
      }),
    ]);
    // Without the PO it ships, it waits for a person.
    const unreferenced = readDocument(textOf(["Northwind Supply Co.", "PACKING SLIP", "Packing Slip #: PS-1", "Cartons: 1"]));
    expect(unreferenced.reasons).toContain("po_number was not found");
  });

  it("sends most of the demo's text PDFs straight through, and none of those with a wrong field or line", async () => {
    const documents = await readTextPdfs(generateDocuments(fixtureWorld("small"), new Random(5).fork("documents")));
    let through = 0;
    const wrong: string[] = [];
    for (const { path, truth, text } of documents) {
      const read = readDocument(text);
      if (!read.straightThrough) continue;
      through += 1;
      const fields = Object.entries(read.fields).filter(
        ([field, value]) =>
          truth.fields[field] !== undefined && !sameValue(value.value, truth.fields[field], truth.printed[field]),
      );
      const lines = truth.kind === "proof_of_delivery" ? null : scoreLines(read.lines, truth.lines);
      if (fields.length > 0 || (lines && lines.falsePositives + lines.falseNegatives > 0)) wrong.push(path);
    }
    expect(wrong).toEqual([]);
    expect(through / documents.length).toBeGreaterThan(0.8);
  });
});
