import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentDetail } from "../../../src/modules/documents/index.ts";
import { createFlowWorld, type FlowWorld } from "../../support/flow-world.ts";

/** A customer's PO as Baxter prints it: their part numbers and ours, at their contract prices. */
const baxterPo = (number: string, price = "9.00") =>
  [
    "Baxter Fabrication",
    "400 Industrial Way",
    "Dallas, TX 75201",
    "",
    "PURCHASE ORDER",
    "",
    `PO Number: ${number}          PO Date: 12/01/2026`,
    "",
    "Line  Our Part    Vendor Part  Description        Qty  UOM  Unit Price   Amount",
    `1     BAX-BRG-1   BRG-1        Bearing 1           10  EA        ${price}    ${(10 * Number(price)).toFixed(2)}`,
    "",
    `                                                   Total          ${(10 * Number(price)).toFixed(2)}`,
  ].join("\n");

describe("documents routed into flows: a customer's PO becomes a sales order, an invoice an AP invoice, a packing slip an inbound shipment, a BOL a pickup, a POD a delivered shipment", {
  timeout: 90_000,
}, () => {
  let w: FlowWorld;
  beforeAll(async () => {
    w = await createFlowWorld();
    w.erp.answer((_request, count) => ({ status: 201, body: { data: { id: `SO-${2000 + count}` } } }));
  }, 120_000);
  afterAll(() => w?.close());

  const read = async (name: string, text: string): Promise<DocumentDetail> => {
    const documents = w.crossdock.documents;
    const ctx = { tenantId: w.tenantId, actor: { type: "system" as const, id: "test" } };
    const { file } = await documents.receive(ctx, {
      name,
      bytes: Buffer.from(text),
      channel: "email",
      sender: "buyer@baxter.test",
    });
    await documents.drain();
    const [id] = (await documents.getFile(w.tenantId, file.id)).document_ids;
    return documents.get(w.tenantId, id as string);
  };
  const runOf = async (id: string): Promise<string> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const document = await w.crossdock.documents.get(w.tenantId, id);
      if (document.run_id) return document.run_id;
      if (Date.now() > deadline) throw new Error(`document ${id} started no run`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it("sends a clean PO straight through, matched to the customer and item, and the flow writes the order to the ERP", async () => {
    const document = await read("baxter-po.txt", baxterPo("BAX-50001"));
    expect(document).toMatchObject({
      kind: "purchase_order",
      status: "straight_through",
      route: { type: "sales_order_proposal" },
    });
    expect(document.matches).toMatchObject({ source_system: "erp", customer_external_id: "C-100", line_items: ["I-1"] });
    const runId = await runOf(document.id);
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ outcome: "ordered" });
    const orders = w
      .erpWrites("/orders")
      .filter((request) => (request.json as { customer_po_number?: string }).customer_po_number === "BAX-50001");
    expect(orders).toHaveLength(1);
    expect(orders[0]?.json).toMatchObject({
      customer_external_id: "C-100",
      lines: [{ item_external_id: "I-1", quantity: "10" }],
    });
  });

  it("holds a PO priced off the agreement for review; once a person approves it, the order flow starts", async () => {
    const document = await read("baxter-po-2.txt", baxterPo("BAX-50002", "7.00"));
    expect(document.status).toBe("review");
    expect(document.checks.find((check) => !check.passed)).toMatchObject({
      check: "line 1 price is as agreed",
      found: "7.00",
      at_stake: "20.00",
    });
    const ctx = { tenantId: w.tenantId, actor: { type: "user" as const, id: w.userIds.csr2 as string } };
    await w.crossdock.documents.review(ctx, document.id, { decision: "approve", comment: "Agreed by phone at 7.00" });
    const runId = await runOf(document.id);
    // The flow checks the price again and asks a CSR, as it would for an EDI 850 priced off contract.
    const { run } = await w.until(runId, ["waiting", "succeeded"]);
    expect(run.flow).toBe("inbound-po-to-order");
  });

  it("writes a supplier's invoice that matches its PO and receipts as an AP invoice, and the invoice flow posts it", async () => {
    const invoice = [
      "Northline Bearings",
      "8 Foundry Road",
      "Akron, OH 44301",
      "",
      "INVOICE",
      "",
      "Invoice No: NB-90017          Invoice Date: 11/28/2026",
      "PO Number: PO-77              Terms: NET 30",
      "",
      "Line  Item       Description          Qty  UOM  Unit Price    Amount",
      "1     BRG-1      Bearing 1            100  EA        8.00    800.00",
      "",
      "                                        Total          800.00",
    ].join("\n");
    const document = await read("northline-nb-90017.txt", invoice);
    expect(document).toMatchObject({ kind: "invoice", status: "straight_through", route: { type: "ap_invoice" } });
    expect(document.matches).toMatchObject({
      supplier_external_id: "S-1",
      purchase_order_external_id: "PO-77",
      line_items: ["I-1"],
    });
    const runId = await runOf(document.id);
    const { run } = await w.until(runId, ["succeeded", "waiting"]);
    expect(run.flow).toBe("invoice-exception");
    expect(run.status).toBe("succeeded");
    const record = await w.crossdock.records.getByExternalId(w.tenantId, "invoice", "erp", "S-1:NB-90017");
    expect(record).toMatchObject({
      kind: "ap",
      invoice_number: "NB-90017",
      total_amount: "800",
      purchase_order_external_id: "PO-77",
    });
  });

  it("records a supplier's credit note against its invoice as an AP credit, and holds one crediting an invoice nobody sent", async () => {
    const creditNote = (number: string, invoice: string, amount: string) =>
      [
        "Northline Bearings",
        "8 Foundry Road",
        "Akron, OH 44301",
        "",
        "CREDIT NOTE",
        "",
        `Credit Note No: ${number}          Date: 12/02/2026`,
        `Original Invoice: ${invoice}       PO Number: PO-77`,
        "Reason: 10 bearings returned damaged",
        "",
        "Line  Item       Description          Qty  UOM  Unit Price    Amount",
        `1     BRG-1      Bearing 1             10  EA        8.00    ${amount}`,
        "",
        `                                        Total Credit   ${amount}`,
      ].join("\n");
    const document = await read("northline-cn-301.txt", creditNote("CN-301", "NB-90017", "80.00"));
    expect(document).toMatchObject({ kind: "credit_note", status: "straight_through", route: { type: "ap_invoice" } });
    expect(document.checks.map((check) => [check.check, check.passed])).toEqual(
      expect.arrayContaining([
        ["supplier is known", true],
        ["credited invoice exists", true],
        ["credit is within the invoice", true],
      ]),
    );
    expect(document.checks.every((check) => check.passed)).toBe(true);
    const deadline = Date.now() + 30_000;
    let credit = await w.crossdock.records.getByExternalId(w.tenantId, "invoice", "erp", "S-1:CN-301").catch(() => null);
    while (!credit && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      credit = await w.crossdock.records.getByExternalId(w.tenantId, "invoice", "erp", "S-1:CN-301").catch(() => null);
    }
    expect(credit).toMatchObject({
      kind: "ap",
      invoice_number: "CN-301",
      supplier_external_id: "S-1",
      total_amount: "-80",
      reference: "NB-90017",
      invoice_date: "2026-12-02",
    });

    const stray = await read("northline-cn-302.txt", creditNote("CN-302", "NB-99999", "80.00"));
    expect(stray.status).toBe("review");
    expect(stray.checks.find((check) => !check.passed)).toMatchObject({
      check: "credited invoice exists",
      found: "no such invoice",
      at_stake: "80.00",
    });
  });

  it("records a supplier's packing slip for what is still to come on its PO as an inbound shipment, and holds an over-shipment", async () => {
    const slip = (number: string, shipped: string) =>
      [
        "Northline Bearings",
        "8 Foundry Road",
        "Akron, OH 44301",
        "",
        "PACKING SLIP",
        "",
        `Packing Slip No: ${number}        Ship Date: 12/03/2026`,
        "PO Number: PO-77                Carrier: UPS Ground",
        "Tracking #: 1Z999AA10123456784  Cartons: 2",
        "",
        "Line  Item      Description     Ordered   Shipped   Backordered   UOM",
        `2     SEAL-3    Seal 3               50        ${shipped}             0   EA`,
      ].join("\n");
    // PO-77's line 2: 50 ordered, 40 received, so 10 are still to come.
    const document = await read("northline-ps-501.txt", slip("PS-501", "10"));
    expect(document).toMatchObject({ kind: "ship_notice", status: "straight_through", route: { type: "shipment_notice" } });
    expect(document.matches).toMatchObject({
      supplier_external_id: "S-1",
      purchase_order_external_id: "PO-77",
      line_items: ["I-3"],
      purchase_order_lines: [2],
    });
    const records = w.crossdock.records;
    const deadline = Date.now() + 30_000;
    let shipment = await records.getByExternalId(w.tenantId, "shipment", "erp", "S-1:PS-501").catch(() => null);
    while (!shipment && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shipment = await records.getByExternalId(w.tenantId, "shipment", "erp", "S-1:PS-501").catch(() => null);
    }
    expect(shipment).toMatchObject({
      shipment_number: "PS-501",
      direction: "inbound",
      status: "in_transit",
      supplier_external_id: "S-1",
      purchase_order_external_id: "PO-77",
      destination_location_external_id: "DC1",
      carrier: "UPS Ground",
      tracking_number: "1Z999AA10123456784",
      ship_date: "2026-12-03",
      package_count: 2,
    });
    expect(shipment?.lines?.map((line) => [line.item_external_id, line.quantity, line.uom, line.order_line_number])).toEqual([
      ["I-3", "10", "EA", 2],
    ]);

    const over = await read("northline-ps-502.txt", slip("PS-502", "15"));
    expect(over.status).toBe("review");
    expect(over.checks.find((check) => !check.passed)).toMatchObject({
      check: "line 2 quantity is still to come on the PO",
      expected: "at most 10 EA (ordered 50 EA, received 40)",
      found: "15 EA shipped",
      at_stake: "25.00",
    });
  });

  it("records a signed bill of lading as its shipment's pickup, with the carrier's PRO as the tracking number, and holds one for no known shipment", async () => {
    const ctx = { tenantId: w.tenantId, actor: { type: "system" as const, id: "test" } };
    const records = w.crossdock.records;
    await records.upsert(ctx, "shipment", [
      {
        source_system: "erp",
        external_id: "OUT-8",
        shipment_number: "SH800008",
        direction: "outbound",
        status: "tendered",
        sales_order_external_id: "SO-1",
        customer_external_id: "C-100",
        package_count: 2,
      },
    ]);
    const bol = (pro: string, order: string) =>
      [
        "STRAIGHT BILL OF LADING - SHORT FORM",
        "",
        "BOL Number: BOL00800008              Ship Date: 12/04/2026",
        "Carrier: FEDEX FREIGHT               SCAC: FXFE",
        `PRO Number: ${pro}                Order Number: ${order}`,
        "",
        "Ship From:                            Ship To:",
        "Crossdock Demo Distribution           Baxter Fabrication",
        "12 Warehouse Rd                       400 Industrial Way",
        "Dallas, TX 75212                      Dallas, TX 75201",
        "",
        "H/U Qty  Type  Weight  HM  Description                     Class",
        "2        PLT   640     -   Bearings, steel                 70",
        "",
        "Total packages: 2     Total weight: 640",
      ].join("\n");
    const document = await read("bol-00800008.txt", bol("777123456", "SO-1"));
    expect(document).toMatchObject({ kind: "bill_of_lading", status: "straight_through", route: { type: "shipment_notice" } });
    expect(document.checks.map((check) => [check.check, check.passed])).toEqual([
      ["shipment is known", true],
      ["packages as shipped", true],
    ]);
    const deadline = Date.now() + 30_000;
    let shipment = await records.getByExternalId(w.tenantId, "shipment", "erp", "OUT-8");
    while (shipment.status !== "picked_up" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shipment = await records.getByExternalId(w.tenantId, "shipment", "erp", "OUT-8");
    }
    expect(shipment).toMatchObject({
      status: "picked_up",
      tracking_number: "777123456",
      carrier: "FEDEX FREIGHT",
      ship_date: "2026-12-04",
      package_count: 2,
      weight: "640",
    });
    expect(shipment.tracking_events?.map((event) => [event.code, event.status])).toEqual([["BOL", "picked_up"]]);
    expect(shipment.tracking_events?.[0]?.description).toContain(`document ${document.id}`);

    const stray = await read("bol-00899999.txt", bol("999000111", "SO-404"));
    expect(stray.status).toBe("review");
    expect(stray.checks.find((check) => !check.passed)).toMatchObject({
      check: "shipment is known",
      expected: "an outbound shipment in the records for PRO 999000111 or order SO-404",
      found: "no such shipment",
    });
  });

  it("attaches a clean proof of delivery to its shipment and resolves the customer's where-is-my-order case, not a damage claim", async () => {
    const ctx = { tenantId: w.tenantId, actor: { type: "system" as const, id: "test" } };
    const records = w.crossdock.records;
    const erp = { source_system: "erp" };
    await records.upsert(ctx, "shipment", [
      {
        ...erp,
        external_id: "OUT-7",
        shipment_number: "SH800007",
        direction: "outbound",
        status: "in_transit",
        carrier: "FEDEX FREIGHT",
        tracking_number: "526240455",
        customer_external_id: "C-100",
        package_count: 2,
        tracking_events: [
          { occurred_at: "2026-12-08T15:00:00Z", status: "in_transit", code: "DEP", description: "Departed Dallas" },
        ],
      },
    ]);
    const kase = (number: string, category: string) => ({
      ...erp,
      external_id: number,
      case_number: number,
      subject: `${category} on SH800007`,
      category,
      status: "open",
      customer_external_id: "C-100",
      shipment_external_id: "OUT-7",
      opened_at: "2026-12-09T09:00:00Z",
    });
    await records.upsert(ctx, "service_case", [kase("CASE-1", "delivery"), kase("CASE-2", "damage")]);

    const pod = [
      "FEDEX FREIGHT                                     DELIVERY RECEIPT",
      "",
      " PRO NUMBER               SHIPPER REF              PICKUP DATE             PIECES                   WEIGHT",
      " 526240455                SH800007                 12/08/2026              2                        796 LB",
      "",
      " EXCEPTIONS (noted at delivery)",
      "   NONE",
      "",
      "Received the above described freight in good order, except as noted.",
      "",
      " RECEIVED BY (signature)                                       PRINT NAME",
      "                                                                A. Castillo",
      " DELIVERED    12/10/2026 8:01 AM CST                           Driver # 5903",
    ].join("\n");
    const document = await read("pod-526240455.txt", pod);
    expect(document).toMatchObject({ kind: "proof_of_delivery", status: "straight_through", route: { type: "delivery_proof" } });

    // The shipment is marked delivered, then its cases resolved: wait for both.
    const deadline = Date.now() + 30_000;
    const caseStatus = async () => (await records.getByExternalId(w.tenantId, "service_case", "erp", "CASE-1")).status;
    let shipment = await records.getByExternalId(w.tenantId, "shipment", "erp", "OUT-7");
    while ((shipment.status !== "delivered" || (await caseStatus()) !== "resolved") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shipment = await records.getByExternalId(w.tenantId, "shipment", "erp", "OUT-7");
    }
    expect(shipment).toMatchObject({ status: "delivered", delivered_at: "2026-12-10T14:01:00.000Z", package_count: 2 });
    expect((shipment.tracking_events ?? []).map((event) => [event.code, event.status])).toEqual([
      ["DEP", "in_transit"],
      ["POD", "delivered"],
    ]);
    expect(shipment.tracking_events?.[1]?.description).toContain(`document ${document.id}`);
    expect(await records.getByExternalId(w.tenantId, "service_case", "erp", "CASE-1")).toMatchObject({
      status: "resolved",
      resolved_at: "2026-12-10T14:01:00.000Z",
    });
    expect(await records.getByExternalId(w.tenantId, "service_case", "erp", "CASE-2")).toMatchObject({ status: "open" });
  });
});
