import { describe, expect, it } from "vitest";
import { setOf } from "../../testing/read-set.ts";
import { readPurchaseOrder } from "./purchase-order-850.ts";

describe("reading an 850 purchase order", () => {
  it("reads the header, parties, dates and lines with their descriptions", () => {
    const order = readPurchaseOrder(
      setOf("850", [
        "BEG*00*SA*PO-4471**20260301",
        "CUR*BY*USD",
        "REF*DP*038",
        "ITD*01*3*2**10**30*****2% 10 NET 30",
        "DTM*002*20260310",
        "TD5*B*2*UPSN*M*UPS GROUND",
        "N1*ST*Harbor DC East*92*DC1",
        "N3*1 Dock Rd*Bay 4",
        "N4*Newark*NJ*07102*US",
        "PER*BD*Jane Buyer*TE*555-0100*EM*jane@example.com",
        "N1*BT*Harbor Industrial",
        "PO1*1*10*EA*4.50*PE*VP*BRG-6204*BP*HI-77*UP*012345678905",
        "PID*F****Deep groove ball bearing",
        "PID*F****6204-2RS",
        "PO4*12**EA",
        "DTM*002*20260312",
        "PO1*2*3.5*LB*19.99*PE*VN*GRS-1",
        "CTT*2*13.5",
        "AMT*TT*114.97",
      ]),
    );
    expect(order).toMatchObject({
      transaction: "850",
      purpose: "00",
      order_type: "SA",
      po_number: "PO-4471",
      order_date: "2026-03-01",
      requested_date: "2026-03-10",
      currency: "USD",
      payment_terms: "2% 10 NET 30",
      carrier: "UPSN",
      shipping_method: "UPS GROUND",
      references: [{ qualifier: "DP", value: "038" }],
      line_count: 2,
      total_amount: "114.97",
    });
    expect(order.parties).toMatchObject([
      {
        role: "ST",
        name: "Harbor DC East",
        id_qualifier: "92",
        id: "DC1",
        address_lines: ["1 Dock Rd", "Bay 4"],
        city: "Newark",
        region: "NJ",
        postal_code: "07102",
        country: "US",
        contacts: [{ function: "BD", name: "Jane Buyer", phone: "555-0100", email: "jane@example.com" }],
      },
      { role: "BT", name: "Harbor Industrial" },
    ]);
    expect(order.lines).toMatchObject([
      {
        line_number: "1",
        quantity: "10",
        uom: "EA",
        unit_price: "4.50",
        price_basis: "PE",
        vendor_part_number: "BRG-6204",
        buyer_part_number: "HI-77",
        upc: "012345678905",
        description: "Deep groove ball bearing 6204-2RS",
        pack: { size: "12", inner_uom: "EA" },
        requested_date: "2026-03-12",
      },
      {
        line_number: "2",
        quantity: "3.5",
        uom: "LB",
        unit_price: "19.99",
        vendor_part_number: "GRS-1",
        requested_date: "2026-03-10",
      },
    ]);
  });

  it("leaves out what the partner did not send, rather than guessing", () => {
    const order = readPurchaseOrder(setOf("850", ["BEG*00*SA*PO-1**2026X301", "PO1*1**EA"]));
    expect(order).toMatchObject({ order_date: null, currency: null, total_amount: null, line_count: null });
    expect(order.lines[0]).toMatchObject({ quantity: null, unit_price: null, description: null });
  });
});
