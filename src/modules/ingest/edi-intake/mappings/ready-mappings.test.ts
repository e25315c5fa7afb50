import { describe, expect, it } from "vitest";
import { recordTypes } from "../../../records/index.ts";
import type { TradingPartner } from "../../contract/index.ts";
import { readTransactionSet, readX12, type X12Invoice, type X12PurchaseOrder, type X12ShipNotice } from "../../edi/index.ts";
import { sample } from "../../edi/testing/samples.ts";
import { applyMapping, MappingSpec } from "../../mapping/index.ts";
import { envelopeView, invoiceView, purchaseOrderView, shipNoticeView } from "../process/edi-view.ts";
import { locateMappingProblem } from "../process/locate-problem.ts";
import { EDI_READY_MAPPINGS, mappingFor } from "./index.ts";

const partner = {
  name: "acme",
  customer_external_id: "CUS-ACME",
  supplier_external_id: "SUP-ACME",
  currency: "USD",
} as TradingPartner;

function firstSet(text: string) {
  const read = readX12(text);
  const interchange = read.interchanges[0];
  const group = interchange?.groups[0];
  const set = group?.sets[0];
  if (!interchange || !group || !set) throw new Error(`no set: ${JSON.stringify(read.diagnostics)}`);
  return { interchange, group, set, envelope: envelopeView(partner, interchange, group, set) };
}

function mapped(view: unknown, id: "850" | "856" | "810") {
  return applyMapping(mappingFor(id, undefined), view, { sourceSystem: "edi-acme" });
}

const linesOf = (row: Record<string, unknown> | undefined) => (row?.lines ?? []) as Record<string, unknown>[];

const ORDER = [
  "GS*PO*SENDER*RECEIVER*20260305*1407*42*X*004010",
  "ST*850*0001",
  "BEG*00*SA*PO-77**20260301",
  "CUR*BY*usd",
  "N1*BY*Harbor Hardware*92*CUS-9",
  "N1*ST*Harbor DC 2*92*DC2",
  "DTM*002*20260310",
  "PO1*1*10*EA*4.50*PE*VP*BRG-6204*BP*H-1",
  "PID*F****Ball bearing 6204",
  "PO1*0002*3*CS*20*PE*BP*H-2",
  "CTT*2",
  "AMT*TT*105",
  "SE*12*0001",
  "GE*1*42",
  "IEA*1*000000042",
];

describe("ready EDI mappings", () => {
  it.each(Object.entries(EDI_READY_MAPPINGS))("%s is a valid spec", (_name, mapping) => {
    expect(MappingSpec.safeParse(JSON.parse(JSON.stringify(mapping.spec))).success).toBe(true);
  });

  it("maps an 850 to a sales order: BY customer, ship-to, lines with our part numbers, exact prices", () => {
    const { set, envelope } = firstSet(sample(ORDER));
    const result = mapped(purchaseOrderView(readTransactionSet(set) as X12PurchaseOrder, envelope), "850");
    expect(result.problems).toEqual([]);
    const [record] = result.records;
    expect(record?.type).toBe("sales_order");
    expect(recordTypes.sales_order.input.safeParse(record?.row).success).toBe(true);
    expect(record?.row).toMatchObject({
      external_id: "PO-77",
      customer_po_number: "PO-77",
      customer_external_id: "CUS-9",
      ship_to_external_id: "DC2",
      status: "open",
      channel: "edi",
      currency: "USD",
      order_date: "2026-03-01",
      requested_date: "2026-03-10",
      total_amount: "105",
    });
    expect(
      linesOf(record?.row).map((line) => [
        line.line_number,
        line.item_external_id,
        line.quantity,
        line.unit_price,
        line.extended_price,
      ]),
    ).toEqual([
      [1, "BRG-6204", "10", "4.5", "45"],
      [2, "H-2", "3", "20", "60"],
    ]);
  });

  it("takes the partner's customer when N1*BY is absent, and names PO1 and its element when a quantity is not a number", () => {
    const broken = ORDER.filter((line) => !line.startsWith("N1*BY")).map((line) =>
      line.startsWith("PO1*0002") ? "PO1*0002*3X*CS*20*PE*BP*H-2" : line,
    );
    const { set, envelope } = firstSet(sample(broken));
    const result = mapped(purchaseOrderView(readTransactionSet(set) as X12PurchaseOrder, envelope), "850");
    expect(result.records).toEqual([]);
    expect(result.problems).toHaveLength(1);
    const located = locateMappingProblem(set, result.problems[0] as { path: string; message: string });
    expect(located.path).toMatch(/^850 0001 › PO1 #2 \(position 8 in the set; segment 9, byte \d+ of the file\) › PO102$/);
    expect(located.error).toMatchObject({
      segment: "PO1",
      position: 8,
      code: "8",
      element: { position: 2, code: "6", bad: "3X" },
    });

    const fine = ORDER.filter((line) => !line.startsWith("N1*BY"));
    const again = firstSet(sample(fine));
    const ok = mapped(purchaseOrderView(readTransactionSet(again.set) as X12PurchaseOrder, again.envelope), "850");
    expect(ok.records[0]?.row.customer_external_id).toBe("CUS-ACME");
  });

  it("maps an 856 to an inbound shipment and an 810 to an AP invoice with exact line amounts", () => {
    const notice = firstSet(
      sample([
        "GS*SH*SENDER*RECEIVER*20260305*1407*43*X*004010",
        "ST*856*0001",
        "BSN*00*ASN-9*20260305*1200",
        "HL*1**S",
        "TD1*CTN*2****G*31.5*LB",
        "TD5**2*UPSN",
        "REF*CN*1Z999",
        "DTM*011*20260305",
        "DTM*017*20260309",
        "HL*2*1*O",
        "PRF*PO-4471",
        "HL*3*2*I",
        "LIN*1*BP*H-1*VP*BRG-6204",
        "SN1*1*10*EA",
        "HL*4*2*I",
        "LIN*2*VP*X-2",
        "SN1*2*4*CS",
        "CTT*4",
        "SE*18*0001",
        "GE*1*43",
        "IEA*1*000000042",
      ]),
    );
    const shipment = mapped(shipNoticeView(readTransactionSet(notice.set) as X12ShipNotice, notice.envelope), "856");
    expect(shipment.problems).toEqual([]);
    expect(shipment.records[0]?.row).toMatchObject({
      external_id: "ASN-9",
      direction: "inbound",
      status: "in_transit",
      carrier: "UPSN",
      tracking_number: "1Z999",
      purchase_order_external_id: "PO-4471",
      supplier_external_id: "SUP-ACME",
      ship_date: "2026-03-05",
      estimated_delivery_at: "2026-03-09T00:00:00.000Z",
      package_count: 2,
      weight: "31.5",
    });
    expect(
      linesOf(shipment.records[0]?.row).map((line) => [line.item_external_id, line.quantity, line.uom, line.order_line_number]),
    ).toEqual([
      ["H-1", "10", "EA", 1],
      ["X-2", "4", "CS", 2],
    ]);

    const bill = firstSet(
      sample([
        "GS*IN*SENDER*RECEIVER*20260305*1407*44*X*004010",
        "ST*810*0001",
        "BIG*20260306*INV-1*20260301*PO-4471",
        "IT1*1*10*EA*4.50*PE*BP*H-1",
        "SAC*A*C310***500",
        "IT1*2*2*CS*20*PE*BP*H-2",
        "TDS*9120",
        "TXI*TX*6.20",
        "SAC*C*D240***500",
        "CTT*2",
        "SE*11*0001",
        "GE*1*44",
        "IEA*1*000000042",
      ]),
    );
    const invoice = mapped(invoiceView(readTransactionSet(bill.set) as X12Invoice, bill.envelope), "810");
    expect(invoice.problems).toEqual([]);
    expect(invoice.records[0]?.row).toMatchObject({
      kind: "ap",
      invoice_number: "INV-1",
      supplier_external_id: "SUP-ACME",
      purchase_order_external_id: "PO-4471",
      invoice_date: "2026-03-06",
      subtotal: "80",
      tax_amount: "6.2",
      freight_amount: "5",
      total_amount: "91.2",
    });
    expect(linesOf(invoice.records[0]?.row).map((line) => line.extended_amount)).toEqual(["40", "40"]);
  });
});
