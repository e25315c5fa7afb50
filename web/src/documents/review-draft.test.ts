import { describe, expect, it } from "vitest";
import type { DocumentDetail, FieldValue } from "../contract.ts";
import { draftOf, headerFields, lineColumns, reviewInputOf, slotsOf, withSlotValue } from "./review-draft.ts";

const at = (value: string, x0: number, y0: number, confidence = 0.9): FieldValue => ({
  value,
  printed: value,
  confidence,
  location: { page: 1, start: 0, end: value.length, box: { x0, y0, x1: x0 + 30, y1: y0 + 7 } },
});

const document = {
  id: "doc_1",
  kind: "invoice",
  reasons: ["invoice_number was not found", "subtotal, tax and freight add up to the total: expected 35.00, found 53.00"],
  required_fields: ["invoice_number", "invoice_date", "supplier_name", "total"],
  fields: { total: at("53.00", 338, 264, 0.77), supplier_name: at("Harbor", 36, 36), invoice_date: at("2025-03-14", 257, 108) },
  lines: [
    { fields: { amount: at("25.00", 381, 216), quantity: at("10", 252, 216) } },
    { fields: { quantity: at("100", 252, 228), amount: at("10.00", 381, 228) } },
  ],
} as unknown as DocumentDetail;

describe("review draft", () => {
  it("orders the fields as read on the page, the missing ones first, and the line columns left to right", () => {
    expect(headerFields(document)).toEqual(["invoice_number", "supplier_name", "invoice_date", "total"]);
    expect(lineColumns(document)).toEqual(["quantity", "amount"]);
    expect(slotsOf(document).map((slot) => slot.key)).toEqual([
      "field:invoice_number",
      "field:supplier_name",
      "field:invoice_date",
      "field:total",
      "line:0:quantity",
      "line:0:amount",
      "line:1:quantity",
      "line:1:amount",
    ]);
  });

  it("sends nothing but the decision when nothing changed", () => {
    expect(reviewInputOf(document, draftOf(document), "approve")).toEqual({ decision: "approve" });
  });

  it("sends only the changed fields (an emptied one as null), the lines whole when one changed, and a changed kind", () => {
    const slots = slotsOf(document);
    let draft = draftOf(document);
    const slot = (key: string) => {
      const found = slots.find((candidate) => candidate.key === key);
      if (!found) throw new Error(key);
      return found;
    };
    draft = withSlotValue(draft, slot("field:total"), "35.00");
    draft = withSlotValue(draft, slot("field:invoice_number"), " INV-1 ");
    draft = withSlotValue(draft, slot("field:supplier_name"), "");
    draft = withSlotValue(draft, slot("line:1:quantity"), "99");
    draft = { ...draft, kind: "credit_note" };
    expect(reviewInputOf(document, draft, "approve")).toEqual({
      decision: "approve",
      kind: "credit_note",
      fields: { total: "35.00", invoice_number: "INV-1", supplier_name: null },
      lines: [
        { amount: "25.00", quantity: "10" },
        { quantity: "99", amount: "10.00" },
      ],
    });
  });
});
