import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { extractHeader } from "./header-fields.ts";

const invoice = (after: string[]) =>
  extractHeader(
    "invoice",
    textOf([
      "Harbor Industrial Supply                                   INVOICE",
      "Invoice No: INV-9101             Invoice Date: 03/20/2025",
      "",
      "Line  Item       Description          Qty  UOM  Unit Price    Amount",
      "1     HX-100     Hex bolt 1/2 in        4  EA        2.50      10.00",
      "Notes: ship complete",
      "",
      "                                        Total           10.00",
      ...after,
    ]).pages,
  ).note;

describe("a remark printed below the totals", () => {
  it("reads a sentence standing apart, not the labelled values, contact line or fine print around it", () => {
    const note = invoice([
      "",
      "Payment terms: 15 Days",
      "",
      "Please note our bank account has changed from April 1.",
      "",
      "Incoterm: DPU",
      "",
      "* Prices include the fuel surcharge where one applies to the order",
      "(870)-931-0505 billing@harbor.example http://www.harbor.example",
    ]);
    expect(note).toMatchObject({ value: "Please note our bank account has changed from April 1.", confidence: 0.6 });
    expect(note?.location.page).toBe(1);
  });

  it("reads what a Notes heading introduces, over the lines under it, with more confidence", () => {
    const note = invoice(["", "", "Notes:", "Deliveries before 7 am need a dock appointment.", "Thank you"]);
    expect(note).toMatchObject({ value: "Deliveries before 7 am need a dock appointment. Thank you", confidence: 0.8 });
  });

  it("reads none where the document prints only values and paragraphs of fine print, or above its totals", () => {
    expect(
      invoice([
        "",
        "Goods remain the property of the seller until paid in full by the buyer.",
        "Claims for shortage must be made within five days of delivery to us.",
      ]),
    ).toBeUndefined();
    expect(invoice(["", "Payment terms: 15 Days"])).toBeUndefined();
  });
});
