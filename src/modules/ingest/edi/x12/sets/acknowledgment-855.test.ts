import { describe, expect, it } from "vitest";
import { setOf } from "../../testing/read-set.ts";
import { readPurchaseOrderAcknowledgment } from "./acknowledgment-855.ts";

describe("reading an 855 acknowledgment", () => {
  it("reads the seller's answer to each line", () => {
    const ack = readPurchaseOrderAcknowledgment(
      setOf("855", [
        "BAK*00*AC*PO-4471*20260301****SO-88*20260305",
        "N1*SE*Harbor Industrial",
        "PO1*1*10*EA*4.5*PE*VP*BRG-6204",
        "ACK*IA*10*EA*068*20260309",
        "PO1*2*12*CS*20*PE",
        "CTP***18.5",
        "ACK*IQ*8*CS",
        "ACK*IB*4*CS*068*20260320",
        "PO1*3*1*EA",
        "ACK*IR*0*EA",
        "CTT*3",
      ]),
    );
    expect(ack).toMatchObject({
      acknowledgment_type: "AC",
      po_number: "PO-4471",
      po_date: "2026-03-01",
      seller_order_number: "SO-88",
      acknowledgment_date: "2026-03-05",
      line_count: 3,
      parties: [{ role: "SE", name: "Harbor Industrial" }],
    });
    expect(ack.lines.map((line) => [line.line_number, line.status, line.acknowledged_unit_price])).toEqual([
      ["1", "accepted", null],
      ["2", "changed", "18.5"],
      ["3", "rejected", null],
    ]);
    expect(ack.lines[0]?.acknowledgments).toEqual([
      { status_code: "IA", status: "accepted", quantity: "10", uom: "EA", date_qualifier: "068", date: "2026-03-09" },
    ]);
    expect(ack.lines[1]?.acknowledgments.map((entry) => [entry.status, entry.quantity])).toEqual([
      ["changed", "8"],
      ["backordered", "4"],
    ]);
  });
});
