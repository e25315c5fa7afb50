import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WriteContext } from "../../../platform/actor.ts";
import { platformMigrations } from "../../../platform/index.ts";
import { createLogger } from "../../../platform/logger.ts";
import { invoiceText, scanOf } from "../../../platform/testing/sample-documents.ts";
import { createTestDatabase, type TestDatabase, usingServer } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../governance/index.ts";
import { createRecords, recordsMigrations } from "../../records/index.ts";
import { tenancyMigrations } from "../../tenancy/index.ts";
import { createDocuments, type DocumentDetail, type Documents, documentsMigrations } from "../index.ts";

const HARBOR = "ten_harbor";

/** A PO from Crossdock Distributors (a customer of Harbor's) with these table rows. */
const customerPo = (number: string, table: string[]) =>
  [
    "Crossdock Distributors",
    "12 Main St",
    "Salem, OR 97301",
    "",
    "PURCHASE ORDER",
    "",
    `PO Number: ${number}          Date: 03/14/2025`,
    "",
    ...table,
  ].join("\n");
const ctx: WriteContext = { tenantId: HARBOR, actor: { type: "system", id: "test" } };
const erp = { source_system: "erp" };

describe(`documents checked against the records (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let test: TestDatabase;
  let documents: Documents;
  beforeAll(async () => {
    test = await createTestDatabase([
      platformMigrations,
      governanceMigrations,
      tenancyMigrations,
      recordsMigrations,
      documentsMigrations,
    ]);
    const records = createRecords({ db: test.db });
    await records.upsert(ctx, "supplier", [
      { ...erp, external_id: "S-HIS", code: "HIS", name: "Harbor Industrial Supply Inc.", status: "active", currency: "USD" },
      { ...erp, external_id: "S-OTHER", code: "OTH", name: "Otherway Metals", status: "active", currency: "USD" },
    ]);
    await records.upsert(ctx, "customer", [
      { ...erp, external_id: "C-CD", account_number: "C-CD", name: "Crossdock Distributors", status: "active", currency: "USD" },
    ]);
    const item = (id: string, sku: string, price: string) => ({
      ...erp,
      external_id: id,
      sku,
      name: sku,
      base_uom: "EA",
      status: "active",
      currency: "USD",
      list_price: price,
      uom_conversions: [{ uom: "CS", quantity_in_base: 12 }],
    });
    await records.upsert(ctx, "item", [item("I-HX", "HX-100", "2.50"), item("I-WS", "WS-200", "0.10")]);
    await records.upsert(ctx, "item_xref", [
      {
        ...erp,
        external_id: "X-1",
        item_external_id: "I-HX",
        kind: "customer",
        customer_external_id: "C-CD",
        part_number: "CD-BOLT",
      },
    ]);
    await records.upsert(ctx, "price_agreement", [
      {
        ...erp,
        external_id: "PA-1",
        agreement_number: "PA-1",
        customer_external_id: "C-CD",
        item_external_id: "I-HX",
        uom: "EA",
        currency: "USD",
        contract_price: "2.40",
        valid_from: "2025-01-01",
        status: "active",
      },
      {
        ...erp,
        external_id: "PA-SD-1",
        agreement_number: "PA-SD-1",
        customer_external_id: "C-CD",
        item_external_id: "I-WS",
        uom: "EA",
        currency: "USD",
        contract_price: "0.08",
        valid_from: "2025-01-01",
        status: "active",
        rebate_supplier_external_id: "S-HIS",
      },
      // One agreement number covers many items, a record each.
      {
        ...erp,
        external_id: "PA-SD-1-HX",
        agreement_number: "PA-SD-1",
        customer_external_id: "C-CD",
        item_external_id: "I-HX",
        uom: "EA",
        currency: "USD",
        contract_price: "2.20",
        valid_from: "2025-01-01",
        status: "active",
        rebate_supplier_external_id: "S-HIS",
      },
    ]);
    const po = (number: string, status: string, supplier = "S-HIS") => ({
      ...erp,
      external_id: number,
      po_number: number,
      supplier_external_id: supplier,
      status,
      order_date: "2025-03-01",
      location_external_id: "DC1",
      currency: "USD",
      lines: [
        {
          line_number: 1,
          item_external_id: "I-HX",
          supplier_part_number: "HX-100",
          quantity: "10",
          uom: "EA",
          unit_cost: "2.50",
        },
        {
          line_number: 2,
          item_external_id: "I-WS",
          supplier_part_number: "WS-200",
          quantity: "100",
          uom: "EA",
          unit_cost: "0.10",
        },
      ],
    });
    await records.upsert(ctx, "purchase_order", [
      po("PO-7781", "partially_received"),
      po("PO-8801", "closed"),
      po("PO-8802", "sent", "S-OTHER"),
    ]);
    await records.upsert(ctx, "receipt", [
      {
        ...erp,
        external_id: "R-1",
        receipt_number: "R-1",
        purchase_order_external_id: "PO-7781",
        supplier_external_id: "S-HIS",
        location_external_id: "DC1",
        status: "posted",
        received_at: "2025-03-10T10:00:00Z",
        lines: [
          { line_number: 1, purchase_order_line_number: 1, item_external_id: "I-HX", quantity_received: "10", uom: "EA" },
          // 5 cases of 12: 60 eaches of the 100 ordered.
          { line_number: 2, purchase_order_line_number: 2, item_external_id: "I-WS", quantity_received: "5", uom: "CS" },
        ],
      },
    ]);
    await records.upsert(ctx, "shipment", [
      {
        ...erp,
        external_id: "SHP-1",
        shipment_number: "SH700001",
        direction: "outbound",
        status: "in_transit",
        carrier: "FEDEX FREIGHT",
        tracking_number: "426240455",
        customer_external_id: "C-CD",
        package_count: 2,
      },
    ]);
    documents = createDocuments({
      db: test.db,
      records,
      logger: createLogger({ level: "silent" }),
      metricsRegistry: new Registry(),
    });
  }, 120_000);
  afterAll(async () => {
    await documents?.stop();
    await test?.drop();
  });

  const read = async (name: string, text: string): Promise<DocumentDetail> => {
    const { file } = await documents.receive(ctx, { name, bytes: Buffer.from(text), channel: "upload" });
    await documents.drain();
    const [id] = (await documents.getFile(HARBOR, file.id)).document_ids;
    return documents.get(HARBOR, id as string);
  };
  const failed = (document: DocumentDetail) => document.checks.filter((check) => !check.passed);

  it("holds an invoice billing more than was received, saying what and how much is at stake", async () => {
    const document = await read("inv-a.txt", invoiceText("INV-9101"));
    expect(document.status).toBe("review");
    expect(failed(document)).toEqual([
      {
        check: "line 2 quantity was received",
        passed: false,
        expected: "at most 60 EA received",
        found: "100 EA billed",
        at_stake: "4.00",
      },
    ]);
    expect(document.checks.map((check) => check.check)).toEqual(
      expect.arrayContaining([
        "supplier is known",
        "purchase order exists",
        "purchase order is open",
        "line 1 price matches the PO",
      ]),
    );
  });

  it("passes an invoice that matches its PO and receipts, in cases or eaches", async () => {
    // 5 cases of washers at 1.20 a case: 60 eaches at 0.10, as ordered and received.
    const text = invoiceText("INV-9102")
      .replace(
        "WS-200     Washer, steel        100  EA        0.10     10.00",
        "WS-200     Washer, steel          5  CS        1.20      6.00",
      )
      .replaceAll("35.00", "31.00");
    const document = await read("inv-b.txt", text);
    expect(failed(document)).toEqual([]);
    expect(document.status).toBe("straight_through");
  });

  it("finds the PO line of a part number the PO does not print through the supplier's cross-references", async () => {
    const records = createRecords({ db: test.db });
    await records.upsert(ctx, "item_xref", [
      {
        ...erp,
        external_id: "X-HIS-WS",
        item_external_id: "I-WS",
        kind: "supplier",
        supplier_external_id: "S-HIS",
        part_number: "HIS-WSH-200",
      },
    ]);
    // Printed as its line 1, the washers are the PO's line 2: 60 of them received.
    const text = [
      "Harbor Industrial Supply",
      "100 Dock Street",
      "Portland, OR 97201",
      "",
      "INVOICE",
      "",
      "Invoice No: INV-9107          Invoice Date: 03/14/2025",
      "PO Number: PO-7781             Terms: NET 30",
      "",
      "Line  Item          Description          Qty  UOM  Unit Price    Amount",
      "1     HIS-WSH-200   Washer, steel         60  EA        0.10      6.00",
      "",
      "                                        Total             6.00",
    ].join("\n");
    const document = await read("inv-xref.txt", text);
    expect(document.checks.find((check) => check.check === "line 1 is on the PO")).toMatchObject({
      passed: true,
      found: "PO line 2",
    });
    expect(document.matches?.line_items).toEqual(["I-WS"]);
  });

  it("holds an invoice naming an unknown, closed or another supplier's PO, or billing above the PO's cost", async () => {
    const unknown = await read("inv-c.txt", invoiceText("INV-9103").replace("PO-7781", "PO-9999"));
    expect(failed(unknown)).toContainEqual(
      expect.objectContaining({ check: "purchase order exists", found: "no such PO", at_stake: "35.00" }),
    );
    const closed = await read("inv-d.txt", invoiceText("INV-9104").replace("PO-7781", "PO-8801"));
    expect(failed(closed)).toContainEqual(
      expect.objectContaining({ check: "purchase order is open", found: "PO PO-8801 closed" }),
    );
    const other = await read("inv-e.txt", invoiceText("INV-9105").replace("PO-7781", "PO-8802"));
    expect(failed(other)).toContainEqual(expect.objectContaining({ check: "invoice is from the PO's supplier" }));
    const dearer = await read(
      "inv-f.txt",
      invoiceText("INV-9106", { quantity: 4 })
        .replace(
          "1     HX-100     Hex bolt 1/2 in         4  EA        2.50      10.00",
          "1     HX-100     Hex bolt 1/2 in         4  EA        2.75      11.00",
        )
        .replaceAll("20.00", "21.00"),
    );
    expect(failed(dearer)).toContainEqual(
      expect.objectContaining({ check: "line 1 price matches the PO", found: "2.75", at_stake: "1.00" }),
    );
    const stranger = await read("inv-g.txt", invoiceText("INV-9107", { supplier: "Zebra Widgets Unlimited" }));
    expect(failed(stranger)).toContainEqual(expect.objectContaining({ check: "supplier is known", found: "no such supplier" }));
    // A seller known by the name it trades under, printing its legal name at the top and its brand at the foot.
    const brand = await read(
      "inv-brand.txt",
      `${invoiceText("INV-9110", { supplier: "Ridgeline Holdings Pvt. Ltd." }).replace("PO-7781", "PO-8802")}${"\n".repeat(30)}
Otherway customer care: www.otherway.com/support
`,
    );
    expect(brand.fields.supplier_trade_name?.value).toBe("Otherway");
    expect(brand.checks.find((check) => check.check === "supplier is known")).toMatchObject({
      passed: true,
      found: "Otherway Metals (S-OTHER)",
    });
  });

  it("checks a customer's PO: their part numbers through cross-references, and prices against their agreement", async () => {
    const po = customerPo("55120", [
      "Line  Our Part   Vendor Part  Description        Qty  UOM  Unit Price   Amount",
      "1     CD-BOLT    HX-100       Hex bolt 1/2 in     10  EA         2.50    25.00",
      "2     CD-NUT     NT-999       Hex nut             10  EA         1.00    10.00",
      "",
      "                                                   Total          35.00",
    ]);
    const document = await read("po-55120.txt", po);
    expect(document.kind).toBe("purchase_order");
    expect(document.checks.find((check) => check.check === "customer is known")).toMatchObject({ passed: true });
    expect(failed(document)).toEqual([
      expect.objectContaining({
        check: "line 1 price is as agreed",
        expected: "2.40 per EA (agreement PA-1), within 1%",
        found: "2.50",
        at_stake: "1.00",
      }),
      expect.objectContaining({ check: "line 2 item is known", found: expect.stringContaining("CD-NUT"), at_stake: "10.00" }),
    ]);
  });

  it("mends a scanned PO's misread part number from the items, but takes a text layer as printed", async () => {
    const po = customerPo("55130", [
      "Line  Vendor Part  Description        Qty  UOM  Unit Price   Amount",
      "1     HX-1000      Hex bolt 1/2 in     10  EA         2.40    24.00",
      "",
      "                                       Total          24.00",
    ]);
    const line1Item = (document: DocumentDetail) => document.checks.find((check) => check.check === "line 1 item is known");

    const typed = await read("po-55130.txt", po);
    expect(typed.lines[0]?.fields.vendor_part_number?.value).toBe("HX-1000");
    expect(line1Item(typed)).toMatchObject({ passed: false, found: "no item for HX-1000" });

    const { file } = await documents.receive(ctx, { name: "po-55130-scan.pdf", bytes: await scanOf(po), channel: "upload" });
    await documents.drain();
    const scanned = await documents.get(HARBOR, (await documents.getFile(HARBOR, file.id)).document_ids[0] as string);
    expect(["tesseract", "tesseract.js"]).toContain(scanned.pages[0]?.engine);
    // Read as the code the items know, what OCR read kept beside it.
    expect(scanned.lines[0]?.fields.vendor_part_number).toMatchObject({
      value: "HX-100",
      printed: expect.stringMatching(/^HX- ?1000$/),
    });
    expect(line1Item(scanned)).toMatchObject({ passed: true, found: "HX-100 (our SKU HX-100)" });
  }, 120_000);

  it("takes the tenant's own tolerances: a price 10% over the PO's cost passes at 15%", async () => {
    const dearer = (number: string) =>
      invoiceText(number, { quantity: 4 })
        .replace(
          "1     HX-100     Hex bolt 1/2 in         4  EA        2.50      10.00",
          "1     HX-100     Hex bolt 1/2 in         4  EA        2.75      11.00",
        )
        .replaceAll("20.00", "21.00");
    expect(await documents.settings(HARBOR)).toEqual({ price_tolerance: 0.01, quantity_tolerance: 0, extractor: "rules" });
    await documents.updateSettings(ctx, { price_tolerance: 0.15, quantity_tolerance: 1 });
    const document = await read("inv-h.txt", dearer("INV-9108"));
    expect(document.checks.find((check) => check.check === "line 1 price matches the PO")).toMatchObject({
      passed: true,
      expected: expect.stringContaining("within 15%"),
    });
    expect(failed(document)).toEqual([]);
    await documents.updateSettings(ctx, { price_tolerance: 0.01, quantity_tolerance: 0 });
  });

  it("checks a rebate claim's lines against the special-pricing agreements the supplier funds", async () => {
    const claim = (number: string, rows: string[]) =>
      [
        "Crossdock Distributors                                   REBATE CLAIM",
        `12 Main St                                       Claim Number: ${number}`,
        "Salem, OR 97301                                  Claim Date: 04/15/2025",
        "Submitted to:",
        "Harbor Industrial Supply Inc.",
        "100 Dock Street",
        "Portland, OR 97201",
        "",
        "Line  Item #    Description      End Customer        Agreement   Qty   UOM   Rebate/Unit    Amount",
        ...rows,
        "",
        `                                                                          Total              ${rows
          .map((row) => Number(row.trim().split(/\s+/).at(-1)))
          .reduce((sum, amount) => sum + amount, 0)
          .toFixed(2)}`,
      ].join("\n");
    const funded = "1     WS-200    Washer           Globex Plant        PA-SD-1     500   EA         0.0100      5.00";
    const clean = await read(
      "claim-1.txt",
      claim("SD-20251-HIS", [
        funded,
        "2     HX-100    Hex bolt         Globex Plant        PA-SD-1      40   EA         0.2000      8.00",
      ]),
    );
    expect(clean.status).toBe("straight_through");
    expect(clean.checks.map((check) => [check.check, check.passed])).toEqual(
      expect.arrayContaining([
        ["supplier is known", true],
        ["line 1 item is known", true],
        ["line 1 agreement is the supplier's", true],
      ]),
    );
    expect(clean.checks.find((check) => check.check === "line 2 agreement is the supplier's")?.passed).toBe(true);
    expect(clean.matches).toMatchObject({ supplier_external_id: "S-HIS", line_items: ["I-WS", "I-HX"] });

    // PA-1 is a plain contract price: no supplier funds it, so the supplier would refuse the line.
    const unfunded = await read(
      "claim-2.txt",
      claim("SD-20252-HIS", [
        funded,
        "2     HX-100    Hex bolt         Crossdock Dist      PA-1         40   EA         0.2000      8.00",
      ]),
    );
    expect(unfunded.status).toBe("review");
    expect(failed(unfunded)).toEqual([
      expect.objectContaining({
        check: "line 2 agreement is the supplier's",
        found: "agreement PA-1 is funded by no supplier",
        at_stake: "8.00",
      }),
    ]);
    const unknown = await read(
      "claim-3.txt",
      claim("SD-20253-HIS", [
        "1     ZZ-999    Mystery part     Globex Plant        PA-SD-1      10   EA         0.5000      5.00",
      ]),
    );
    expect(failed(unknown)).toEqual([
      expect.objectContaining({ check: "line 1 item is known", found: "no item ZZ-999", at_stake: "5.00" }),
    ]);
  });

  it("checks a proof of delivery against its shipment, and holds one with exceptions noted", async () => {
    const pod = (number: string, pieces: number, exceptions: string) =>
      [
        "FEDEX FREIGHT                                     DELIVERY RECEIPT",
        "",
        " PRO NUMBER               SHIPPER REF              PICKUP DATE             PIECES                   WEIGHT",
        ` ${number}                SH700001                 12/08/2024              ${pieces}                        796 LB`,
        "",
        " EXCEPTIONS (noted at delivery)",
        `   ${exceptions}`,
        "",
        "Received the above described freight in good order, except as noted.",
        "",
        " RECEIVED BY (signature)                                       PRINT NAME",
        "                                                                A. Castillo",
        " DELIVERED    12/10/2024 8:01 AM CST                           Driver # 5903",
      ].join("\n");
    const clean = await read("pod-1.txt", pod("426240455", 2, "NONE"));
    expect(clean).toMatchObject({ kind: "proof_of_delivery", status: "straight_through", route: { type: "delivery_proof" } });
    expect(clean.matches).toMatchObject({ shipment_external_id: "SHP-1" });
    expect(clean.fields.delivered_at?.value).toBe("2024-12-10T14:01:00Z");
    const damaged = await read("pod-2.txt", pod("426240456", 3, "2 CARTONS DAMAGED"));
    expect(failed(damaged).map((check) => [check.check, check.found])).toEqual([
      ["delivered without exceptions", "2 CARTONS DAMAGED"],
      ["pieces delivered as shipped", "3 pieces"],
    ]);
  });
});
