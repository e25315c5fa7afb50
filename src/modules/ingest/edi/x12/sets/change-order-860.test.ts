import { describe, expect, it } from "vitest";
import { setOf } from "../../testing/read-set.ts";
import { readPurchaseOrderChange } from "./change-order-860.ts";

describe("reading an 860 purchase order change", () => {
  it("reads what changes on each line", () => {
    const change = readPurchaseOrderChange(
      setOf("860", [
        "BCH*04*SA*PO-4471**2*20260301****20260304",
        "N1*ST*Harbor DC East*92*DC1",
        "POC*1*QD*10*6*EA*4.5*PE*VP*BRG-6204",
        "PID*F****Ball bearing",
        "POC*2*DI*12*0*CS",
        "CTT*2",
      ]),
    );
    expect(change).toMatchObject({
      purpose: "04",
      po_number: "PO-4471",
      change_sequence: "2",
      po_date: "2026-03-01",
      change_date: "2026-03-04",
      line_count: 2,
    });
    expect(change.lines).toMatchObject([
      {
        line_number: "1",
        change_type: "QD",
        ordered_quantity: "10",
        quantity: "6",
        uom: "EA",
        unit_price: "4.5",
        vendor_part_number: "BRG-6204",
        description: "Ball bearing",
      },
      { line_number: "2", change_type: "DI", quantity: "0" },
    ]);
  });
});
