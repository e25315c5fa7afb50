import { describe, expect, it } from "vitest";
import { setOf } from "../../testing/read-set.ts";
import { readShipNotice } from "./ship-notice-856.ts";

describe("reading an 856 ship notice", () => {
  it("reads the shipment, its tracking, and the HL tree of orders, packs and items", () => {
    const notice = readShipNotice(
      setOf("856", [
        "BSN*00*SHP-9*20260306*1530*0001",
        "HL*1**S",
        "TD1*CTN25*2****G*60.3*LB",
        "TD5**2*UPSN**UPS GROUND",
        "REF*BM*BOL-1",
        "REF*CN*1Z999",
        "DTM*011*20260306",
        "DTM*017*20260309",
        "N1*ST*Harbor DC East*92*DC1",
        "HL*2*1*O",
        "PRF*PO-4471***20260301",
        "HL*3*2*P",
        "MAN*GM*00012345678901234567",
        "HL*4*3*I",
        "LIN*1*VP*BRG-6204*UP*012345678905",
        "SN1*1*10*EA**10*EA",
        "HL*5*2*I",
        "LIN*2*VP*GRS-1",
        "SN1*2*3*LB",
        "CTT*5",
      ]),
    );
    expect(notice).toMatchObject({
      shipment_number: "SHP-9",
      notice_date: "2026-03-06",
      ship_date: "2026-03-06",
      estimated_delivery_date: "2026-03-09",
      bill_of_lading: "BOL-1",
      tracking_numbers: ["1Z999"],
      carrier: "UPSN",
      shipping_method: "UPS GROUND",
      package_count: 2,
      weight: "60.3",
      weight_uom: "LB",
      level_count: 5,
      parties: [{ role: "ST", id: "DC1" }],
    });
    expect(notice.levels).toHaveLength(1);
    expect(notice.levels[0]?.children[0]).toMatchObject({ code: "O", po_number: "PO-4471", po_date: "2026-03-01" });
    expect(notice.lines).toEqual([
      expect.objectContaining({
        line_number: "1",
        vendor_part_number: "BRG-6204",
        upc: "012345678905",
        quantity: "10",
        uom: "EA",
        ordered_quantity: "10",
        po_number: "PO-4471",
        marks: ["00012345678901234567"],
      }),
      expect.objectContaining({ line_number: "2", vendor_part_number: "GRS-1", quantity: "3", po_number: "PO-4471", marks: [] }),
    ]);
  });

  it("keeps an HL whose parent is unknown as a root, and survives a very deep chain", () => {
    const chain = Array.from({ length: 20_000 }, (_, n) => `HL*${n + 2}*${n + 1}*I`);
    const notice = readShipNotice(setOf("856", ["BSN*00*X*20260306*1530", "HL*1*99*S", ...chain, "SN1**1*EA"]));
    expect(notice.levels).toHaveLength(1);
    expect(notice.lines).toHaveLength(1);
  });
});
