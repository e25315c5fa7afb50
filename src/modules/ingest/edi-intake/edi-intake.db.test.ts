import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usingServer } from "../../../platform/testing/test-database.ts";
import type { RecordOutput } from "../../records/index.ts";
import type { ReceivedInterchange, TradingPartner } from "../contract/index.ts";
import {
  readTransactionSet,
  readX12,
  writeX12,
  type X12FunctionalAcknowledgment,
  type X12Invoice,
  type X12PurchaseOrderAcknowledgment,
  type X12ShipNotice,
} from "../edi/index.ts";
import { listReceipts } from "../receipts/receipt-reads.ts";
import { replayReceipt } from "../receipts/replay-receipt.ts";
import { createEdiFixture, type EdiFixture, sampleFile, samplesPresent } from "./testing/fixture.ts";

const HARBOR = "ten_harbor";

if (!samplesPresent) {
  console.warn(
    "edi-intake.db.test.ts: the shared EDI samples (../shared/datasets/documents/edi-*) are absent, so the tests on real partner files are skipped",
  );
}

/** The first set of the only group of a document we wrote, read back with the repository's own reader. */
function readBack(body: string) {
  const read = readX12(body);
  expect(read.diagnostics).toEqual([]);
  const interchange = read.interchanges[0];
  const group = interchange?.groups[0];
  const set = group?.sets[0];
  if (!interchange || !group || !set) throw new Error("nothing read back");
  return { interchange, group, set, typed: readTransactionSet(set) };
}

describe.skipIf(!samplesPresent)(`EDI intake on real partner files (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let f: EdiFixture;
  let acme: TradingPartner;
  const order850 = () => sampleFile("edi-node-x12/850.edi");
  /** The node-x12 850 under another ISA13 (and IEA02), with `change` applied to its text. */
  const variant = (control: string, change: (text: string) => string = (text) => text) =>
    Buffer.from(
      change(
        order850()
          .toString("latin1")
          .replace(/000003438/g, control),
      ),
      "latin1",
    );
  const receive = async (partner: string, body: Buffer) => {
    const answer = await f.edi.receive(HARBOR, { partner, body, wait: true });
    return { ...answer, interchange: answer.interchange as ReceivedInterchange };
  };
  const acknowledgmentOf = async (interchange: ReceivedInterchange) => {
    const [id] = interchange.acknowledgments;
    const document = await f.edi.documents.get(HARBOR, id as string);
    return { document, ...readBack(document.body) };
  };

  beforeAll(async () => {
    f = await createEdiFixture();
    acme = await f.edi.partners.create(f.ctx(HARBOR), {
      name: "acme",
      their: { qualifier: "12", id: "4405197800" },
      ours: { qualifier: "01", id: "999999999" },
      customer_external_id: "CUS-XYZ",
      outbound: { type: "folder", path: "acme" },
    });
  });
  afterAll(() => f?.close());

  let orderId: string;
  let firstReceipt: string;

  it("receives a real 850 into a sales order, answers its group with a 997, and traces the order back to it", async () => {
    const answer = await receive("acme", order850());
    expect(answer).toMatchObject({ duplicate: false, partner_id: acme.id, control_number: "000003438" });
    firstReceipt = answer.receipt_id;
    const { interchange } = answer;
    expect(interchange).toMatchObject({ status: "processed", sender: "12:4405197800", receiver: "01:999999999" });
    expect(interchange.sets).toHaveLength(1);
    expect(interchange.sets[0]).toMatchObject({
      functional_id: "PO",
      group_control_number: "1421",
      set: "850",
      status: "accepted",
    });
    orderId = interchange.sets[0]?.records[0]?.id as string;

    const order = (await f.records.get(HARBOR, "sales_order", orderId)) as RecordOutput<"sales_order">;
    expect(order).toMatchObject({
      source_system: "edi-acme",
      external_id: "08292233294",
      order_number: "08292233294",
      customer_po_number: "08292233294",
      customer_external_id: "CUS-XYZ",
      ship_to_external_id: "0003947268292",
      status: "open",
      channel: "edi",
      order_date: "2010-11-27",
      requested_date: "2010-12-14",
      currency: "USD",
      total_amount: "13045.94",
    });
    expect(
      order.lines?.map((line) => [
        line.line_number,
        line.item_external_id,
        line.customer_part_number,
        line.quantity,
        line.uom,
        line.unit_price,
        line.description,
      ]),
    ).toEqual([
      [1, "AB3542", "065322-117", "120", "EA", "9.25", "SMALL WIDGET"],
      [2, "RD5322", "066850-116", "220", "EA", "13.79", "MEDIUM WIDGET"],
      [3, "XY5266", "060733-110", "126", "EA", "10.99", "LARGE WIDGET"],
      [4, "VX2332", "065308-116", "76", "EA", "4.35", "NANO WIDGET"],
      [5, "RV0524", "065374-118", "72", "EA", "7.5", "BLUE WIDGET"],
      [6, "DX1875", "067504-118", "696", "EA", "9.55", "ORANGE WIDGET"],
    ]);

    const { document, interchange: ack, group, typed } = await acknowledgmentOf(interchange);
    expect(document).toMatchObject({
      transaction_set: "997",
      control_number: "000000001",
      answers: {
        receipt_id: firstReceipt,
        functional_id: "PO",
        group_control_number: "1421",
        status: "A",
        sets_received: 1,
        sets_accepted: 1,
      },
      delivery: { status: "delivered" },
    });
    expect([ack.senderQualifier, ack.senderId.trim(), ack.receiverQualifier, ack.receiverId.trim(), ack.controlNumber]).toEqual([
      "01",
      "999999999",
      "12",
      "4405197800",
      "000000001",
    ]);
    expect(group).toMatchObject({
      functionalId: "FA",
      applicationSender: "999999999",
      applicationReceiver: "4405197800",
      controlNumber: "1",
    });
    const fa = typed as X12FunctionalAcknowledgment;
    expect(fa).toMatchObject({ transaction: "997", functional_id: "PO", group_control_number: "1421", status: "accepted" });
    expect(fa.sets.map((set) => [set.set_id, set.control_number, set.status_code])).toEqual([["850", "000000010", "A"]]);
    expect(readFileSync(document.delivery.to as string, "latin1")).toBe(document.body);
    expect(document.delivery.to).toBe(path.join(f.outboxDir, HARBOR, "acme", "acme-997-000000001.x12"));

    const traced = await listReceipts(f.db, HARBOR, { record: orderId, limit: 50 });
    expect(traced.data.map((receipt) => receipt.id)).toEqual([firstReceipt]);
  });

  it("takes an interchange sent again as a duplicate, and holds the same control number with other content", async () => {
    const again = await receive("acme", order850());
    expect(again).toMatchObject({ receipt_id: firstReceipt, duplicate: true });
    const acknowledgments = await f.edi.documents.list(HARBOR, "acme", { set: "997", limit: 50 });
    expect(acknowledgments.data).toHaveLength(1);

    const reused = await receive(
      "acme",
      Buffer.from(order850().toString("latin1").replace("SMALL WIDGET", "SMALLER WIDGET"), "latin1"),
    );
    expect(reused.duplicate).toBe(false);
    expect(reused.receipt_id).not.toBe(firstReceipt);
    const [held] = (await listReceipts(f.db, HARBOR, { status: "quarantined", limit: 50 })).data;
    expect(held?.id).toBe(reused.receipt_id);
    expect(held?.reason?.message).toMatch(/control number 000003438 from 12:4405197800 was received before with other content/);
  });

  it("quarantines a set with a bad quantity naming PO1 and PO102, rejects it in the 997 with AK3/AK4, and takes the corrected body on replay", async () => {
    const broken = variant("000003439", (text) => text.replace("PO1*2*220*EA", "PO1*2*2X0*EA"));
    const { interchange, receipt_id } = await receive("acme", broken);
    expect(interchange.status).toBe("quarantined");
    expect(interchange.sets[0]).toMatchObject({ set: "850", status: "rejected", records: [] });
    const [problem] = interchange.sets[0]?.problems ?? [];
    expect(problem?.path).toMatch(
      /^850 000000010 › PO1 #2 \(position 16 in the set; segment 17, byte \d+ of the file\) › PO102$/,
    );
    expect(problem?.message).toMatch(/sales_order\.lines\[1\]\.quantity/);
    const receipt = (await listReceipts(f.db, HARBOR, { status: "quarantined", limit: 50 })).data.find(
      (r) => r.id === receipt_id,
    );
    expect(receipt?.reason).toMatchObject({
      stage: "map",
      message: expect.stringMatching(/1 of 1 transaction sets were not taken: 1 rejected/),
    });

    const { document, typed } = await acknowledgmentOf(interchange);
    expect(document.answers).toMatchObject({ status: "R", sets_received: 1, sets_accepted: 0 });
    const fa = typed as X12FunctionalAcknowledgment;
    expect(fa).toMatchObject({ group_control_number: "1421", status: "rejected", sets_accepted: 0 });
    expect(fa.sets[0]).toMatchObject({ status_code: "R", error_codes: ["5"] });
    expect(fa.sets[0]?.segment_errors).toEqual([
      {
        segment_id: "PO1",
        position: 16,
        loop_id: "",
        code: "8",
        elements: [{ position: 2, component_position: null, reference_number: "", code: "6", bad_value: "2X0" }],
      },
    ]);

    await replayReceipt(f.db, f.ctx(HARBOR), receipt_id, { body: variant("000003439").toString("latin1") });
    await f.edi.drain();
    const replayed = await f.edi.interchanges.get(HARBOR, receipt_id);
    expect(replayed).toMatchObject({ status: "processed", acknowledgments: interchange.acknowledgments });
    expect(replayed.sets[0]?.records.map((record) => record.id)).toEqual([orderId]);
  });

  it("quarantines an interchange cut short at the segment where it ends, and its 997 rejects the set (AK5 R 2)", async () => {
    const cut = variant("000003440", (text) => text.slice(0, text.indexOf("PO1*4")));
    const { interchange } = await receive("acme", cut);
    expect(interchange.status).toBe("quarantined");
    expect(interchange.sets[0]?.status).toBe("rejected");
    expect(interchange.sets[0]?.problems.map((problem) => problem.message).join("\n")).toMatch(
      /error se_missing at PO4 \(segment \d+, byte \d+\)/,
    );
    const fa = (await acknowledgmentOf(interchange)).typed as X12FunctionalAcknowledgment;
    expect(fa.sets[0]).toMatchObject({ status_code: "R", error_codes: ["2"] });
    expect(fa).toMatchObject({ status: "rejected", error_codes: ["3"] });
  });

  it("answers an interchange whose sender asks for a TA1 (ISA14 = 1): A 000 when its envelope is whole, E 001 when IEA02 differs", async () => {
    const asking = (control: string, change: (text: string) => string = (text) => text) =>
      variant(control, (text) => change(text.replace(`*${control}*0*P*`, `*${control}*1*P*`)));
    const ta1Of = async (interchange: ReceivedInterchange) => {
      expect(interchange.acknowledgments).toHaveLength(2);
      const document = await f.edi.documents.get(HARBOR, interchange.acknowledgments[1] as string);
      const read = readX12(document.body);
      expect(read.diagnostics).toEqual([]);
      return { document, interchange: read.interchanges[0] };
    };

    const whole = await receive("acme", asking("000003441"));
    expect(whole.interchange.status).toBe("processed");
    const first = await ta1Of(whole.interchange);
    expect(first.document).toMatchObject({
      transaction_set: "TA1",
      answers: { receipt_id: whole.receipt_id, interchange_control_number: "000003441", status: "A", note_code: "000" },
      delivery: { status: "delivered" },
    });
    expect(first.interchange?.groups).toEqual([]);
    expect(first.interchange?.acknowledgments.map((ta1) => ta1.elements)).toEqual([
      ["TA1", "000003441", "101127", "1719", "A", "000"],
    ]);
    expect([first.interchange?.senderId.trim(), first.interchange?.receiverId.trim()]).toEqual(["999999999", "4405197800"]);
    expect(first.document.delivery.to).toBe(
      path.join(f.outboxDir, HARBOR, "acme", `acme-TA1-${first.document.control_number}.x12`),
    );

    const miscounted = await receive(
      "acme",
      asking("000003442", (text) => text.replace("IEA*1*000003442", "IEA*1*000003499")),
    );
    const second = await ta1Of(miscounted.interchange);
    expect(second.document.answers).toMatchObject({ interchange_control_number: "000003442", status: "E", note_code: "001" });

    const quiet = await receive("acme", variant("000003443"));
    expect(quiet.interchange.acknowledgments).toHaveLength(1);
    const ta1s = await f.edi.documents.list(HARBOR, "acme", { set: "TA1", limit: 50 });
    expect(ta1s.data.map((document) => document.answers?.status)).toEqual(["E", "A"]);
  });

  it("takes a file of two interchanges one at a time: the first's set is taken and its group answered, the second, addressed elsewhere, is refused whole (TA1 R 008)", async () => {
    const ours = variant("000003444").toString("latin1");
    const elsewhere = variant("000003445", (text) =>
      text.replace("*01*999999999      *", "*01*111111111      *").replace("*000003445*0*P*", "*000003445*1*P*"),
    ).toString("latin1");
    const { interchange } = await receive("acme", Buffer.from(`${ours}\n${elsewhere}`, "latin1"));

    expect(interchange.status).toBe("quarantined");
    expect(interchange.sets.map((set) => [set.group_control_number, set.control_number, set.status])).toEqual([
      ["1421", "000000010", "accepted"],
    ]);
    const [fa, ta1] = await Promise.all(interchange.acknowledgments.map((id) => f.edi.documents.get(HARBOR, id)));
    expect(interchange.acknowledgments).toHaveLength(2);
    expect(fa).toMatchObject({ transaction_set: "997", answers: { status: "A", sets_received: 1, sets_accepted: 1 } });
    expect(ta1).toMatchObject({
      transaction_set: "TA1",
      answers: { interchange_control_number: "000003445", status: "R", note_code: "008" },
    });
    const receipt = (await listReceipts(f.db, HARBOR, { status: "quarantined", limit: 50 })).data.find(
      (candidate) => candidate.id === interchange.receipt_id,
    );
    expect(receipt?.reason).toMatchObject({ stage: "map" });
    expect(receipt?.reason?.problems).toEqual([
      {
        path: expect.stringMatching(/^ISA \(segment \d+, byte \d+ of the file\)$/),
        message: expect.stringContaining("is from 12:4405197800 to 01:111111111; acme's are from 12:4405197800 to 01:999999999"),
      },
    ]);
  });

  it("maps a supplier's 856 (… as its terminator) to an inbound shipment with lines and tracking", async () => {
    await f.edi.partners.create(f.ctx(HARBOR), {
      name: "fit-supply",
      their: { qualifier: "ZZ", id: "123456789" },
      ours: { qualifier: "01", id: "965061609" },
      supplier_external_id: "SUP-FIT",
    });
    const { interchange } = await receive("fit-supply", sampleFile("edi-oopfactory-x12parser/ORD/_856/Example3.txt"));
    expect(interchange.status).toBe("processed");
    const shipment = (await f.records.get(
      HARBOR,
      "shipment",
      interchange.sets[0]?.records[0]?.id as string,
    )) as RecordOutput<"shipment">;
    expect(shipment).toMatchObject({
      source_system: "edi-fit-supply",
      external_id: "146940",
      direction: "inbound",
      status: "in_transit",
      carrier: "AVRT",
      tracking_number: "0123456789",
      purchase_order_external_id: "5500005194",
      supplier_external_id: "SUP-FIT",
      ship_date: "2005-04-12",
      package_count: 15,
    });
    expect(shipment.lines?.map((line) => [line.item_external_id, line.quantity, line.uom, line.order_line_number])).toEqual([
      ["000 260 056 524", "1596", "EA", 30],
      ["000 260 120 524", "1152", "EA", 10],
      ["000 260 121 524", "1440", "EA", 20],
    ]);
    const fa = (await acknowledgmentOf(interchange)).typed as X12FunctionalAcknowledgment;
    expect(fa).toMatchObject({ functional_id: "SH", group_control_number: "25", status: "accepted" });
  });

  it("maps a supplier's 810 to an AP invoice with exact line amounts and its TDS total", async () => {
    await f.edi.partners.create(f.ctx(HARBOR), {
      name: "abc-music",
      their: { qualifier: "ZZ", id: "ABCMUSICSUPPLY" },
      ours: { qualifier: "ZZ", id: "ARIBAEDI" },
      supplier_external_id: "SUP-ABC",
    });
    const { interchange } = await receive("abc-music", sampleFile("edi-indice-edinet/x12.810a.edi"));
    expect(interchange.status).toBe("processed");
    const invoice = (await f.records.get(
      HARBOR,
      "invoice",
      interchange.sets[0]?.records[0]?.id as string,
    )) as RecordOutput<"invoice">;
    expect(invoice).toMatchObject({
      kind: "ap",
      invoice_number: "DO091003TESTINV01",
      supplier_external_id: "SUP-ABC",
      purchase_order_external_id: "DO091003",
      status: "open",
      invoice_date: "2003-03-10",
      currency: "USD",
      total_amount: "365.96",
    });
    expect(invoice.lines?.map((line) => [line.item_external_id, line.quantity, line.unit_price, line.extended_amount])).toEqual([
      ["ID001", "2", "99.99", "202.98"],
      ["ID002", "2", "79.99", "162.98"],
    ]);
  });

  it("applies a supplier's 855 to the distributor's PO, and holds the set whose PO is not in until a replay", async () => {
    const simmons = await f.edi.partners.create(f.ctx(HARBOR), {
      name: "simmons",
      their: { qualifier: "01", id: "121792154" },
      ours: { qualifier: "12", id: "1234567890" },
      supplier_external_id: "SUP-SIMMONS",
    });
    const purchaseOrder = (number: string, lines: number[]) => ({
      source_system: "erp",
      external_id: `PO-${number}`,
      po_number: number,
      supplier_external_id: "SUP-SIMMONS",
      status: "sent",
      order_date: "2011-09-20",
      currency: "USD",
      lines: lines.map((line) => ({
        line_number: line,
        item_external_id: `ITEM-${line}`,
        quantity: 1,
        uom: "EA",
        unit_cost: "70",
      })),
    });
    await f.records.upsert(f.ctx(HARBOR), "purchase_order", [purchaseOrder("7542", [100, 200])]);
    const { interchange, receipt_id } = await receive("simmons", sampleFile("edi-oopfactory-x12parser/ORD/_855/855SSimmons.txt"));
    expect(interchange.status).toBe("quarantined");
    expect(interchange.sets.map((set) => [set.control_number, set.status])).toEqual([
      ["0001", "accepted"],
      ["0002", "held"],
    ]);
    expect(interchange.sets[1]?.problems[0]?.message).toMatch(/no purchase order 99035 to acknowledge/);
    const po = (await f.records.getByExternalId(HARBOR, "purchase_order", "erp", "PO-7542")) as RecordOutput<"purchase_order">;
    expect(po).toMatchObject({ status: "acknowledged", is_acknowledged: true });
    expect(po.lines?.map((line) => line.status)).toEqual(["open", "open"]);
    // Held is received well: the 997 accepts both sets.
    const fa = (await acknowledgmentOf(interchange)).typed as X12FunctionalAcknowledgment;
    expect(fa).toMatchObject({ functional_id: "PR", status: "accepted", sets_received: 2, sets_accepted: 2 });

    await f.records.upsert(f.ctx(HARBOR), "purchase_order", [purchaseOrder("99035", [100])]);
    await replayReceipt(f.db, f.ctx(HARBOR), receipt_id, {});
    await f.edi.drain();
    const replayed = await f.edi.interchanges.get(HARBOR, receipt_id);
    expect(replayed.status).toBe("processed");
    expect(replayed.sets.map((set) => set.status)).toEqual(["accepted", "accepted"]);
    const interchanges = await f.edi.interchanges.list(HARBOR, simmons.id, { limit: 10 });
    expect(interchanges.data.map((entry) => entry.receipt_id)).toEqual([receipt_id]);
  });

  /** An interchange from acme (its ids), as its translator would write it. */
  const fromAcme = (control: number, functionalId: string, set: string, segments: (string | string[])[][]) =>
    Buffer.from(
      writeX12({
        sender: { qualifier: "12", id: "4405197800" },
        receiver: { qualifier: "01", id: "999999999" },
        controlNumber: control,
        at: new Date("2026-03-05T10:00:00Z"),
        usage: "P",
        groups: [
          {
            functionalId,
            applicationSender: "4405197800",
            applicationReceiver: "999999999",
            controlNumber: control,
            version: "004010",
            sets: [{ id: set, controlNumber: 1, segments: segments as never }],
          },
        ],
      }),
    );

  it("applies an 860 to the sales order its 850 made: a quantity changed, a line cancelled, a line added", async () => {
    const { interchange } = await receive(
      "acme",
      fromAcme(5001, "PC", "860", [
        ["BCH", "04", "SA", "08292233294", "", "", "20101127", "", "", "", "20101201"],
        ["POC", "2", "QD", "200", "200", "EA", "13.79", "", "VN", "RD5322"],
        ["POC", "6", "DI"],
        ["POC", "7", "AI", "10", "10", "EA", "3.25", "", "VN", "NEW-1"],
        ["CTT", "3"],
      ]),
    );
    expect(interchange.status).toBe("processed");
    expect(interchange.sets[0]?.records.map((record) => record.id)).toEqual([orderId]);
    const order = (await f.records.get(HARBOR, "sales_order", orderId)) as RecordOutput<"sales_order">;
    expect(order.lines?.map((line) => [line.line_number, line.item_external_id, line.quantity, line.status ?? null])).toEqual([
      [1, "AB3542", "120", null],
      [2, "RD5322", "200", null],
      [3, "XY5266", "126", null],
      [4, "VX2332", "76", null],
      [5, "RV0524", "72", null],
      [6, "DX1875", "696", "cancelled"],
      [7, "NEW-1", "10", null],
    ]);
    // 13045.94 − 20 × 13.79 − 696 × 9.55 + 10 × 3.25
    expect(order.total_amount).toBe("6155.84");
  });

  let acknowledgmentControl: string;

  it("writes an 855 from the sales order that its own reader reads back, once per record version", async () => {
    const made = await f.edi.documents.generate(f.ctx(HARBOR), "acme", { set: "855", record_id: orderId });
    expect(made).toMatchObject({ duplicate: false, transaction_set: "855", delivery: { status: "delivered" }, warnings: [] });
    acknowledgmentControl = made.control_number;
    const { interchange, group, typed } = readBack(made.body);
    expect([interchange.senderId.trim(), interchange.receiverId.trim(), group.functionalId]).toEqual([
      "999999999",
      "4405197800",
      "PR",
    ]);
    const ack = typed as X12PurchaseOrderAcknowledgment;
    expect(ack).toMatchObject({ po_number: "08292233294", po_date: "2010-11-27", acknowledgment_type: "AC", line_count: 7 });
    expect(
      ack.lines.map((line) => [line.line_number, line.quantity, line.vendor_part_number, line.acknowledgments[0]?.status_code]),
    ).toEqual([
      ["1", "120", "AB3542", "IA"],
      ["2", "200", "RD5322", "IA"],
      ["3", "126", "XY5266", "IA"],
      ["4", "76", "VX2332", "IA"],
      ["5", "72", "RV0524", "IA"],
      ["6", "696", "DX1875", "IR"],
      ["7", "10", "NEW-1", "IA"],
    ]);
    const again = await f.edi.documents.generate(f.ctx(HARBOR), "acme", { set: "855", record_id: orderId });
    expect(again).toMatchObject({ id: made.id, duplicate: true, control_number: made.control_number });
  });

  it("notes the partner's 997 about the 855 on that document", async () => {
    const control = String(Number(acknowledgmentControl));
    const { interchange } = await receive(
      "acme",
      fromAcme(5002, "FA", "997", [
        ["AK1", "PR", control],
        ["AK2", "855", "0001"],
        ["AK5", "A"],
        ["AK9", "A", "1", "1", "1"],
      ]),
    );
    expect(interchange).toMatchObject({ status: "processed", acknowledgments: [] });
    const [document] = (await f.edi.documents.list(HARBOR, "acme", { set: "855", limit: 10 })).data;
    expect(document?.acknowledgment).toMatchObject({ status: "accepted", receipt_id: interchange.receipt_id });
  });

  it("writes an 856 from an outbound shipment and an 810 from an AR invoice, both read back", async () => {
    await f.records.upsert(f.ctx(HARBOR), "sales_order", [
      {
        source_system: "erp",
        external_id: "SO-100",
        order_number: "SO-100",
        customer_external_id: "CUS-XYZ",
        customer_po_number: "PO-CUST-9",
        status: "released",
        order_date: "2026-03-01",
        currency: "USD",
        lines: [{ line_number: 1, item_external_id: "AB3542", quantity: 5, uom: "EA", unit_price: "9.25" }],
      },
    ]);
    const [shipmentResult] = (
      await f.records.upsert(f.ctx(HARBOR), "shipment", [
        {
          source_system: "erp",
          external_id: "SH-1",
          shipment_number: "SH-1",
          direction: "outbound",
          status: "picked_up",
          carrier: "UPSN",
          tracking_number: "1Z42",
          sales_order_external_id: "SO-100",
          ship_date: "2026-03-04",
          package_count: 1,
          weight: "12.5",
          weight_uom: "LB",
          lines: [{ line_number: 1, item_external_id: "AB3542", quantity: 5, uom: "EA", order_line_number: 1 }],
        },
      ])
    ).results;
    const notice = await f.edi.documents.generate(f.ctx(HARBOR), "acme", { set: "856", record_id: shipmentResult?.id as string });
    const asn = readBack(notice.body).typed as X12ShipNotice;
    expect(asn).toMatchObject({
      shipment_number: "SH-1",
      ship_date: "2026-03-04",
      carrier: "UPSN",
      tracking_numbers: ["1Z42"],
      package_count: 1,
    });
    expect(asn.lines.map((line) => [line.po_number, line.line_number, line.quantity, line.vendor_part_number])).toEqual([
      ["PO-CUST-9", "1", "5", "AB3542"],
    ]);

    const [invoiceResult] = (
      await f.records.upsert(f.ctx(HARBOR), "invoice", [
        {
          source_system: "erp",
          external_id: "INV-9",
          kind: "ar",
          invoice_number: "INV-9",
          customer_external_id: "CUS-XYZ",
          sales_order_external_id: "SO-100",
          status: "open",
          invoice_date: "2026-03-05",
          currency: "USD",
          freight_amount: "7.5",
          tax_amount: "3.70",
          total_amount: "57.45",
          lines: [
            { line_number: 1, item_external_id: "AB3542", quantity: 5, uom: "EA", unit_price: "9.25", extended_amount: "46.25" },
          ],
        },
      ])
    ).results;
    const bill = await f.edi.documents.generate(f.ctx(HARBOR), "acme", { set: "810", record_id: invoiceResult?.id as string });
    expect(bill.warnings).toEqual([]);
    const invoice = readBack(bill.body).typed as X12Invoice;
    expect(invoice).toMatchObject({
      invoice_number: "INV-9",
      invoice_date: "2026-03-05",
      po_number: "PO-CUST-9",
      total_amount: "57.45",
    });
    expect(invoice.lines.map((line) => [line.quantity, line.unit_price, line.vendor_part_number])).toEqual([
      ["5", "9.25", "AB3542"],
    ]);

    await expect(
      f.edi.documents.generate(f.ctx(HARBOR), "acme", { set: "810", record_id: shipmentResult?.id as string }),
    ).rejects.toThrow(/An 810 is made from an AR invoice/);
    // Control numbers towards a partner are one sequence: 997s and documents alike, no gaps.
    const all = await f.edi.documents.list(HARBOR, "acme", { limit: 50 });
    const numbers = all.data.map((document) => Number(document.control_number)).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, at) => at + 1));
  });

  it("takes a file from the partner's watched folder once, leaves partial files, and moves each to processed/ or failed/", async () => {
    await f.edi.partners.update(f.ctx(HARBOR), "acme", { inbox: "acme-in" });
    const inbox = path.join(f.inboxDir, HARBOR, "acme-in");
    await mkdir(inbox, { recursive: true });
    const fresh = variant("000003500", (text) => text.replace(/08292233294/g, "PO-FOLDER-1"));
    await writeFile(path.join(inbox, "po-1.x12"), fresh);
    await writeFile(path.join(inbox, "po-2.x12.part"), fresh);
    await writeFile(path.join(inbox, "notes.txt"), "not an interchange");
    f.edi.start();
    await f.edi.scanInboxes();

    expect((await readdir(inbox)).sort()).toEqual(["failed", "po-2.x12.part", "processed"]);
    expect(await readdir(path.join(inbox, "processed"))).toEqual(["po-1.x12"]);
    expect((await readdir(path.join(inbox, "failed"))).sort()).toEqual(["notes.txt", "notes.txt.report.txt"]);
    expect(readFileSync(path.join(inbox, "failed", "notes.txt.report.txt"), "utf8")).toMatch(
      /parse: The body holds no X12 interchange.*not_edi/s,
    );
    const order = await f.records.getByExternalId(HARBOR, "sales_order", "edi-acme", "PO-FOLDER-1");
    expect(order.lines).toHaveLength(6);

    const before = (await listReceipts(f.db, HARBOR, { source: acme.source_id, limit: 200 })).data.length;
    await writeFile(path.join(inbox, "po-1-again.x12"), fresh);
    await f.edi.scanInboxes();
    expect((await readdir(path.join(inbox, "processed"))).sort()).toEqual(["po-1-again.x12.duplicate", "po-1.x12"]);
    expect((await listReceipts(f.db, HARBOR, { source: acme.source_id, limit: 200 })).data.length).toBe(before);
    expect(existsSync(path.join(inbox, "po-2.x12.part"))).toBe(true);
  });
});
