import { describe, expect, it } from "vitest";
import { decimalText, extendedTotal } from "./decimal.ts";
import { purchaseOrder850 } from "./edi-850.ts";
import { purchaseOrderAcknowledgment855 } from "./edi-855.ts";
import { element, type Separators, writeInterchange } from "./x12-writer.ts";

const separators: Separators = { element: "*", segment: "~", component: ">", newline: false };
const envelope = {
  sender: { qualifier: "ZZ", id: "HARBOR" },
  receiver: { qualifier: "01", id: "123456789" },
  applicationSender: "HARBOR",
  applicationReceiver: "ACMEAP",
  controlNumber: 42,
  usage: "T" as const,
  at: new Date("2026-03-05T14:07:00Z"),
  functionalId: "PR" as const,
  transactionSetId: "855" as const,
};

function segmentsOf(document: string, terminator = "~", separator = "*") {
  return document
    .split(terminator)
    .map((segment) => segment.replace(/^\n/, ""))
    .filter(Boolean)
    .map((segment) => segment.split(separator));
}

describe("X12 interchanges", () => {
  it("wraps a transaction set in ISA/GS/ST…SE/GE/IEA with matching control numbers and counts", () => {
    const document = writeInterchange(
      envelope,
      [
        ["BAK", "00", "AD", "PO-1", "20260301"],
        ["CTT", "1"],
      ],
      separators,
    );
    const isa = document.slice(0, document.indexOf("~") + 1);
    expect(isa).toHaveLength(106);
    expect(isa).toBe(
      "ISA*00*          *00*          *ZZ*HARBOR         *01*123456789      *260305*1407*U*00401*000000042*0*T*>~",
    );
    const segments = segmentsOf(document);
    expect(segments.map((segment) => segment[0])).toEqual(["ISA", "GS", "ST", "BAK", "CTT", "SE", "GE", "IEA"]);
    expect(segments[1]).toEqual(["GS", "PR", "HARBOR", "ACMEAP", "20260305", "1407", "42", "X", "004010"]);
    expect(segments[2]).toEqual(["ST", "855", "0001"]);
    expect(segments[5]).toEqual(["SE", "4", "0001"]);
    expect(segments[6]).toEqual(["GE", "1", "42"]);
    expect(segments[7]).toEqual(["IEA", "1", "000000042"]);
  });

  it("uses the partner's separators, a newline after each segment when asked, and keeps them out of the data", () => {
    const own: Separators = { element: "|", segment: "\\", component: "^", newline: true };
    expect(element("A|B\\C^D — é", own)).toBe("A B C D - e");
    const document = writeInterchange(envelope, [["REF", element("x|y", own)]], own);
    expect(document.split("\n")[0]).toMatch(/^ISA\|00\|/);
    expect(document.endsWith("IEA|1|000000042\\\n")).toBe(true);
    expect(document).toContain("REF|x y\\\n");
  });

  it("writes an 855 that accepts, changes and rejects lines", () => {
    const body = purchaseOrderAcknowledgment855(
      {
        transaction: "855",
        purchase_order_number: "PO-4471",
        purchase_order_date: "2026-03-01",
        seller_order_number: "SO-88",
        lines: [
          {
            line_number: 1,
            quantity: 10,
            uom: "EA",
            unit_price: "4.50",
            vendor_part_number: "BRG-6204",
            status: "accepted",
            ship_date: "2026-03-09",
          },
          { line_number: 2, quantity: 12, uom: "CS", unit_price: 20, status: "changed", ack_quantity: 8 },
          { line_number: 3, quantity: 1, uom: "EA", status: "rejected" },
        ],
      },
      separators,
      "2026-03-05",
    );
    expect(body).toEqual([
      ["BAK", "00", "AC", "PO-4471", "20260301", "", "", "", "SO-88", "20260305"],
      ["PO1", "1", "10", "EA", "4.5", "PE", "VP", "BRG-6204"],
      ["ACK", "IA", "10", "EA", "068", "20260309"],
      ["PO1", "2", "12", "CS", "20", "PE"],
      ["ACK", "IQ", "8", "CS"],
      ["PO1", "3", "1", "EA", "", ""],
      ["ACK", "IR", "0", "EA"],
      ["CTT", "3"],
    ]);
  });

  it("writes an 850 with its ship-to, lines, hash total and exact amount", () => {
    const body = purchaseOrder850(
      {
        transaction: "850",
        purchase_order_number: "HIS-PO-9",
        order_date: "2026-03-02",
        currency: "USD",
        ship_to: {
          name: "Harbor DC East",
          code: "DC1",
          address_line1: "1 Dock Rd",
          city: "Newark",
          region: "NJ",
          postal_code: "07102",
          country: "US",
        },
        lines: [
          { line_number: 1, quantity: 3, uom: "EA", unit_price: "0.10", vendor_part_number: "V-1", description: "Hex nut M8" },
          { line_number: 2, quantity: 0.5, uom: "LB", unit_price: "19.99" },
        ],
      },
      separators,
    );
    expect(body).toEqual([
      ["BEG", "00", "SA", "HIS-PO-9", "", "20260302"],
      ["CUR", "BY", "USD"],
      ["N1", "ST", "Harbor DC East", "92", "DC1"],
      ["N3", "1 Dock Rd"],
      ["N4", "Newark", "NJ", "07102", "US"],
      ["PO1", "1", "3", "EA", "0.1", "PE", "VP", "V-1"],
      ["PID", "F", "", "", "", "Hex nut M8"],
      ["PO1", "2", "0.5", "LB", "19.99", "PE"],
      ["CTT", "2", "3.5"],
      ["AMT", "TT", "10.3"],
    ]);
  });

  it("does decimal arithmetic exactly", () => {
    expect(decimalText("12.500")).toBe("12.5");
    expect(
      extendedTotal([
        { quantity: 3, unit_price: "0.1" },
        { quantity: 7, unit_price: "0.7" },
      ]),
    ).toBe("5.2");
    expect(extendedTotal([{ quantity: 1, unit_price: "0.005" }])).toBe("0.01");
  });
});
