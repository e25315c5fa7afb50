import { describe, expect, it } from "vitest";
import { setOf } from "../../testing/read-set.ts";
import { readInvoice } from "./invoice-810.ts";

describe("reading an 810 invoice", () => {
  it("reads the header, lines, charges, tax and the total with its implied decimals", () => {
    const invoice = readInvoice(
      setOf("810", [
        "BIG*20260310*INV-1001*20260301*PO-4471***DI",
        "CUR*SE*USD",
        "N1*RI*Harbor Industrial*92*HI",
        "ITD*05*3*****30*****NET 30",
        "IT1*1*10*EA*4.5*PE*VP*BRG-6204",
        "PID*F****Ball bearing",
        "IT1*2*3*LB*19.99*PE*VP*GRS-1",
        "TXI*ST*4.20*7",
        "TDS*11617",
        "SAC*C*D240***1000",
        "CTT*2",
      ]),
    );
    expect(invoice).toMatchObject({
      invoice_number: "INV-1001",
      invoice_date: "2026-03-10",
      po_number: "PO-4471",
      po_date: "2026-03-01",
      transaction_type: "DI",
      currency: "USD",
      payment_terms: "NET 30",
      total_amount: "116.17",
      line_count: 2,
      charges: [{ kind: "charge", code: "D240", amount: "10.00" }],
    });
    expect(invoice.lines.map((line) => [line.line_number, line.quantity, line.unit_price, line.vendor_part_number])).toEqual([
      ["1", "10", "4.5", "BRG-6204"],
      ["2", "3", "19.99", "GRS-1"],
    ]);
    expect(invoice.lines[0]?.description).toBe("Ball bearing");
    expect(invoice.lines[1]?.taxes).toEqual([{ code: "ST", amount: "4.20", percent: "7" }]);
  });
});
