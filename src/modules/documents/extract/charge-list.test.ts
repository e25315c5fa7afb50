import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { extractLines } from "./extract-lines.ts";

const valuesOf = (lines: ReturnType<typeof extractLines>) =>
  lines.map((line) => Object.fromEntries(Object.entries(line.fields).map(([field, value]) => [field, value.value])));

describe("an invoice's charges listed without a table header", () => {
  it("reads each service's charge as a line of one, not the summary above or the breakdown under each", () => {
    const lines = extractLines(
      "invoice",
      textOf([
        "Cloudworks Invoice                         Invoice Number: 42183017",
        "",
        " Summary",
        "    Service Charges                                        $4.11",
        "       Charges                                               $4.11",
        "       Tax *                                                 $0.00",
        " Total for this invoice                                    $4.11",
        "",
        " Detail",
        "    Data Transfer                                          $0.01",
        "       Charges                                               $0.01",
        "       VAT **                                                $0.00",
        "    Compute Instances                                      $1.87",
        "       Charges                                               $1.87",
        "    Archive Storage                                        $2.23",
        "       Charges                                               $2.23",
        "",
        "* May include estimated sales tax",
      ]).pages,
    );
    expect(valuesOf(lines)).toEqual([
      { description: "Data Transfer", quantity: "1", unit_price: "0.01", amount: "0.01" },
      { description: "Compute Instances", quantity: "1", unit_price: "1.87", amount: "1.87" },
      { description: "Archive Storage", quantity: "1", unit_price: "2.23", amount: "2.23" },
    ]);
    // One charge, at its amount, is implied: a person confirms it.
    expect(lines[0]?.fields.unit_price?.confidence).toBe(0.5);
    expect(lines[0]?.fields.amount?.confidence).toBe(0.8);
  });

  it("reads none from totals alone, or where a table header names the columns", () => {
    expect(
      extractLines("invoice", textOf(["INVOICE", "Subtotal     $10.00", "Tax      $0.80", "Total     $10.80"]).pages),
    ).toEqual([]);
    const table = extractLines(
      "invoice",
      textOf([
        "Item      Description           Qty   Unit Price    Amount",
        "HX-100    Hex bolt                4         2.50     10.00",
        "                                  Total              10.00",
      ]).pages,
    );
    expect(valuesOf(table)).toEqual([
      expect.objectContaining({ supplier_part_number: "HX-100", quantity: "4", amount: "10.00" }),
    ]);
  });
});
