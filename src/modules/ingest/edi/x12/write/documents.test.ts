import { describe, expect, it } from "vitest";
import { readX12 } from "../read.ts";
import { readPurchaseOrderAcknowledgment } from "../sets/acknowledgment-855.ts";
import { readInvoice } from "../sets/invoice-810.ts";
import { readShipNotice } from "../sets/ship-notice-856.ts";
import type { X12TransactionSet } from "../types.ts";
import { purchaseOrderAcknowledgment } from "./acknowledgment-855.ts";
import { invoice } from "./invoice-810.ts";
import { shipNotice } from "./ship-notice-856.ts";
import { writeX12, type X12OutboundSegment } from "./writer.ts";

/** Writes one set in an interchange and reads it back, as the partner's translator would. */
function roundTrip(id: string, functionalId: string, segments: X12OutboundSegment[]): X12TransactionSet {
  const text = writeX12({
    sender: { qualifier: "ZZ", id: "HARBOR" },
    receiver: { qualifier: "ZZ", id: "ACME" },
    controlNumber: 9,
    at: new Date("2026-03-06T10:00:00Z"),
    usage: "P",
    groups: [
      {
        functionalId,
        applicationSender: "HARBOR",
        applicationReceiver: "ACME",
        controlNumber: 9,
        version: "004010",
        sets: [{ id, controlNumber: 1, segments }],
      },
    ],
  });
  const read = readX12(text);
  expect(read.diagnostics).toEqual([]);
  const set = read.interchanges[0]?.groups[0]?.sets[0];
  if (!set) throw new Error("no set");
  return set;
}

describe("writing 855, 856 and 810 from plain objects", () => {
  it("writes an 855 that accepts, changes, backorders and rejects lines", () => {
    const set = roundTrip(
      "855",
      "PR",
      purchaseOrderAcknowledgment({
        po_number: "PO-4471",
        po_date: "2026-03-01",
        seller_order_number: "SO-88",
        acknowledgment_date: "2026-03-05",
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
          { line_number: 3, quantity: 5, uom: "CS", unit_price: 20, status: "changed", ack_unit_price: "18.5" },
          { line_number: 4, quantity: 2, uom: "EA", status: "backordered" },
          { line_number: 5, quantity: 1, uom: "EA", status: "rejected" },
        ],
      }),
    );
    const ack = readPurchaseOrderAcknowledgment(set);
    expect(ack).toMatchObject({ acknowledgment_type: "AC", po_number: "PO-4471", seller_order_number: "SO-88", line_count: 5 });
    expect(
      ack.lines.map((line) => [line.line_number, line.acknowledgments[0]?.status_code, line.acknowledgments[0]?.quantity]),
    ).toEqual([
      ["1", "IA", "10"],
      ["2", "IQ", "8"],
      ["3", "IP", "5"],
      ["4", "IB", "2"],
      ["5", "IR", "0"],
    ]);
    expect(ack.lines[0]).toMatchObject({
      unit_price: "4.5",
      vendor_part_number: "BRG-6204",
      acknowledgments: [{ date: "2026-03-09" }],
    });
    expect(ack.lines[2]?.acknowledged_unit_price).toBe("18.5");
  });

  it("writes an 856 whose HL tree reads back with packs, items and counts", () => {
    const set = roundTrip(
      "856",
      "SH",
      shipNotice({
        shipment_number: "SHP-9",
        ship_date: "2026-03-06",
        ship_time: "1530",
        carrier: "UPSN",
        routing: "UPS GROUND",
        tracking_number: "1Z999",
        bill_of_lading: "BOL-1",
        package_count: 2,
        weight: "60.30",
        weight_uom: "LB",
        parties: [
          {
            role: "ST",
            name: "Harbor DC East",
            id: "DC1",
            address_lines: ["1 Dock Rd"],
            city: "Newark",
            region: "NJ",
            postal_code: "07102",
          },
        ],
        orders: [
          {
            po_number: "PO-4471",
            po_date: "2026-03-01",
            packs: [
              {
                sscc: "00012345678901234567",
                lines: [{ line_number: 1, quantity: 10, uom: "EA", vendor_part_number: "BRG-6204", lot_number: "L7" }],
              },
            ],
            lines: [{ line_number: 2, quantity: "3.5", uom: "LB", ordered_quantity: 4, vendor_part_number: "GRS-1" }],
          },
        ],
      }),
    );
    const notice = readShipNotice(set);
    expect(notice).toMatchObject({
      shipment_number: "SHP-9",
      ship_date: "2026-03-06",
      carrier: "UPSN",
      shipping_method: "UPS GROUND",
      tracking_numbers: ["1Z999"],
      bill_of_lading: "BOL-1",
      package_count: 2,
      weight: "60.3",
      level_count: 5,
      parties: [{ role: "ST", id: "DC1", city: "Newark" }],
    });
    expect(
      notice.lines.map((line) => [line.line_number, line.quantity, line.ordered_quantity, line.po_number, line.marks]),
    ).toEqual([
      ["1", "10", null, "PO-4471", ["00012345678901234567"]],
      ["2", "3.5", "4", "PO-4471", []],
    ]);
  });

  it("writes an 810 whose total is exact: lines, charges, allowances and tax", () => {
    const set = roundTrip(
      "810",
      "IN",
      invoice({
        invoice_number: "INV-1001",
        invoice_date: "2026-03-10",
        po_number: "PO-4471",
        po_date: "2026-03-01",
        currency: "USD",
        terms: { net_days: 30, description: "NET 30" },
        lines: [
          { line_number: 1, quantity: 3, uom: "EA", unit_price: "0.10", vendor_part_number: "V-1", description: "Hex nut M8" },
          { line_number: 2, quantity: "0.5", uom: "LB", unit_price: "19.99" },
        ],
        charges: [
          { kind: "charge", code: "D240", amount: "12.00", description: "Freight" },
          { kind: "allowance", code: "C310", amount: "1.005" },
        ],
        tax_amount: "0.70",
      }),
    );
    const read = readInvoice(set);
    // 0.30 + 9.995 + 12.00 − 1.005 + 0.70 = 21.99
    expect(read).toMatchObject({
      invoice_number: "INV-1001",
      total_amount: "21.99",
      payment_terms: "NET 30",
      line_count: 2,
      currency: "USD",
    });
    expect(read.charges).toEqual([
      { kind: "charge", code: "D240", amount: "12.00", description: "Freight" },
      { kind: "allowance", code: "C310", amount: "1.01", description: "" },
    ]);
    expect(read.taxes).toEqual([{ code: "TX", amount: "0.7", percent: null }]);
    expect(read.lines.map((line) => [line.quantity, line.unit_price, line.description])).toEqual([
      ["3", "0.1", "Hex nut M8"],
      ["0.5", "19.99", null],
    ]);
  });
});
