import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { applyRules, learnRule } from "./template-rules.ts";

const pages = (lines: string[]) => textOf(lines).pages;

describe("a sender's template rules", () => {
  it("learns a value's anchor in its cell, beside it, or above it, and reads the next document's value there", () => {
    const first = pages(["Ledger key: QT/1/25          Dated 03/11/2025", "", "Doc stamp", "A-991", "Amount due        40.00"]);
    expect(learnRule("invoice", first, "invoice_number", "QT/1/25")).toEqual({
      field: "invoice_number",
      anchor: "ledger key",
      position: "in_cell",
    });
    expect(learnRule("invoice", first, "invoice_date", "2025-03-11")).toEqual({
      field: "invoice_date",
      anchor: "dated",
      position: "in_cell",
    });
    expect(learnRule("invoice", first, "account_number", "A-991")).toEqual({
      field: "account_number",
      anchor: "doc stamp",
      position: "below",
    });
    expect(learnRule("invoice", first, "total", "40")).toEqual({ field: "total", anchor: "amount due", position: "right" });
    expect(learnRule("invoice", first, "po_number", "PO-1")).toBeNull();

    const next = pages(["Ledger key: QT/2/25          Dated 04/02/2025", "", "Doc stamp", "A-992", "Amount due     1,250.00"]);
    const rules = ["invoice_number", "invoice_date", "account_number", "total"].flatMap((field) => {
      const value = { invoice_number: "QT/1/25", invoice_date: "2025-03-11", account_number: "A-991", total: "40" }[
        field
      ] as string;
      const rule = learnRule("invoice", first, field, value);
      return rule ? [rule] : [];
    });
    const read = applyRules("invoice", next, rules);
    expect(Object.fromEntries(Object.entries(read).map(([field, value]) => [field, value.value]))).toEqual({
      invoice_number: "QT/2/25",
      invoice_date: "2025-04-02",
      account_number: "A-992",
      total: "1250.00",
    });
    expect(read.invoice_number?.location).toMatchObject({ page: 1 });
  });

  it("reads nothing where the anchor is missing or the value is not of the field's type", () => {
    const rules = [
      { field: "invoice_date", anchor: "dated", position: "in_cell" as const },
      { field: "total", anchor: "amount due", position: "right" as const },
    ];
    expect(applyRules("invoice", pages(["Dated soon", "Amount due   n/a"]), rules)).toEqual({});
    expect(applyRules("invoice", pages(["Nothing here"]), rules)).toEqual({});
  });
});
