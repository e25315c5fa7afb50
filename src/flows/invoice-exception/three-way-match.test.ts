import { describe, expect, it } from "vitest";
import type { Invoice, PurchaseOrder, Receipt } from "../../modules/records/index.ts";
import { threeWayMatch } from "./three-way-match.ts";

const order = {
  po_number: "PO-1",
  currency: "USD",
  lines: [
    { line_number: 1, item_external_id: "I-1", quantity: "10", uom: "EA", unit_cost: "5.00", quantity_received: null },
    { line_number: 2, item_external_id: "I-2", quantity: "4", uom: "EA", unit_cost: "20.00", quantity_received: null },
  ],
} as unknown as PurchaseOrder;

const receipt = (lines: { po: number; qty: string; rejected?: string }[], status = "posted") =>
  ({
    status,
    lines: lines.map((line) => ({
      purchase_order_line_number: line.po,
      quantity_received: line.qty,
      quantity_rejected: line.rejected ?? null,
    })),
  }) as unknown as Receipt;

const invoice = (lines: { n: number; po: number; qty: string; price: string }[], extra: Partial<Invoice> = {}) => {
  const extended = lines.map((line) => (Number(line.qty) * Number(line.price)).toFixed(2));
  const total = extended.reduce((sum, value) => sum + Number(value), 0) + Number(extra.tax_amount ?? 0);
  return {
    invoice_number: "INV-9",
    currency: "USD",
    tax_amount: null,
    freight_amount: null,
    total_amount: total.toFixed(2),
    lines: lines.map((line, index) => ({
      line_number: line.n,
      order_line_number: line.po,
      item_external_id: null,
      quantity: line.qty,
      uom: "EA",
      unit_price: line.price,
      extended_amount: extended[index],
    })),
    ...extra,
  } as unknown as Invoice;
};

describe("threeWayMatch", () => {
  it("matches an invoice billing what was ordered and received, at the PO's price", () => {
    const result = threeWayMatch(
      invoice([{ n: 1, po: 1, qty: "10", price: "5.00" }]),
      order,
      [receipt([{ po: 1, qty: "10" }])],
      [],
    );
    expect(result).toMatchObject({ matched: true, issues: [], invoice_total_minor: 5000, justified_minor: 5000 });
  });

  it("finds quantity billed above what was received (net of rejects), and the price above the PO's", () => {
    const result = threeWayMatch(
      invoice([
        { n: 1, po: 1, qty: "10", price: "5.00" },
        { n: 2, po: 2, qty: "4", price: "22.00" },
      ]),
      order,
      [
        receipt([{ po: 1, qty: "8", rejected: "1" }]),
        receipt([{ po: 2, qty: "4" }]),
        receipt([{ po: 1, qty: "5" }], "cancelled"),
      ],
      [],
    );
    expect(result.matched).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "quantity_over_received", line_number: 1, amount_minor: 1500 }),
      expect.objectContaining({ code: "price_over_po", line_number: 2, amount_minor: 800 }),
    ]);
    // 7 received × 5.00 + 4 × 20.00 (the PO's price, not the billed one)
    expect(result.justified_minor).toBe(3500 + 8000);
  });

  it("flags a wrong total, a duplicate number, and lines not on the PO", () => {
    const wrong = invoice(
      [
        { n: 1, po: 1, qty: "2", price: "5.00" },
        { n: 9, po: 9, qty: "1", price: "3.00" },
      ],
      { total_amount: "99.00" } as Partial<Invoice>,
    );
    const result = threeWayMatch(
      wrong,
      order,
      [receipt([{ po: 1, qty: "2" }])],
      [{ external_id: "AP-1", invoice_number: "INV-9" }],
    );
    expect(result.issues.map((issue) => issue.code)).toEqual(["duplicate", "not_on_po", "total_mismatch"]);
  });

  it("cannot match without a purchase order", () => {
    expect(threeWayMatch(invoice([{ n: 1, po: 1, qty: "1", price: "5.00" }]), null, [], []).issues[0]?.code).toBe(
      "no_purchase_order",
    );
  });
});
