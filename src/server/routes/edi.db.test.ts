import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GeneratedDocument,
  InterchangeAccepted,
  OutboundDocumentDetail,
  ReceiptDetail,
  readTransactionSet,
  readX12,
  Source,
  TradingPartner,
  type X12FunctionalAcknowledgment,
  type X12PurchaseOrderAcknowledgment,
} from "../../modules/ingest/index.ts";
import { usingServer } from "../../platform/testing/test-database.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

// The shared samples, read where they are (third-party files are never copied into the repository).
const documents = path.resolve(import.meta.dirname, "../../../../shared/datasets/documents");
const order850 = path.join(documents, "edi-node-x12/850.edi");
const present = existsSync(order850);
if (!present) console.warn(`edi.db.test.ts: ${order850} is absent (the shared EDI samples), so the EDI API tests are skipped`);

describe.skipIf(!present)(`EDI API (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let server: TestServer;
  let harbor: { key: string };
  let bayside: { key: string };
  let partner: TradingPartner;
  const x12 = () => readFileSync(order850, "latin1");
  const post = (url: string, body: string, token: string, contentType = "application/edi-x12") =>
    server.request("POST", url, { token, body, headers: { "content-type": contentType } });

  beforeAll(async () => {
    server = await createTestServer();
    harbor = await server.createTenantWithKey("harbor");
    bayside = await server.createTenantWithKey("bayside");
    // The webhook processor runs, as in a server: it must leave EDI interchanges to EDI intake.
    server.crossdock.ingest.start();
    const created = await server.request("POST", "/api/v1/edi/partners", {
      token: harbor.key,
      json: {
        name: "acme",
        their: { qualifier: "12", id: "4405197800" },
        ours: { qualifier: "01", id: "999999999" },
        customer_external_id: "CUS-XYZ",
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    partner = TradingPartner.strict().parse(created.body);
  });
  afterAll(async () => {
    await server.crossdock.ingest.stop();
    await server.crossdock.ingest.edi.stop();
    await server.close();
  });

  it("lists the partner as a source of kind edi, and keeps it from other tenants", async () => {
    const sources = await server.request("GET", "/api/v1/ingest/sources", { token: harbor.key });
    const source = sources.body.data
      .map((entry: unknown) => Source.strict().parse(entry))
      .find((entry: Source) => entry.id === partner.source_id);
    expect(source).toMatchObject({ name: "edi-acme", kind: "edi", webhook_path: null, source_system: "edi-acme" });
    const elsewhere = await server.request("GET", `/api/v1/edi/partners/${partner.id}`, { token: bayside.key });
    expect(elsewhere.status).toBe(404);
    const theirs = await post(`/api/v1/edi/partners/${partner.id}/interchanges`, x12(), bayside.key);
    expect(theirs.status).toBe(404);
  });

  it("changes a partner's settings, clearing the customer with null and keeping what is not sent", async () => {
    const cleared = await server.request("PATCH", `/api/v1/edi/partners/${partner.id}`, {
      token: harbor.key,
      json: { customer_external_id: null, supplier_external_id: "SUP-9" },
    });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ customer_external_id: null, supplier_external_id: "SUP-9", their: partner.their });
    const restored = await server.request("PATCH", `/api/v1/edi/partners/${partner.id}`, {
      token: harbor.key,
      json: { customer_external_id: "CUS-XYZ", supplier_external_id: null },
    });
    expect(restored.body).toMatchObject({ customer_external_id: "CUS-XYZ", supplier_external_id: null });
  });

  it("receives an 850 over HTTP, answers with the outcome, and the order's receipt and 997 are found from it", async () => {
    const received = await post(`/api/v1/edi/partners/acme/interchanges?wait=true`, x12(), harbor.key, "text/plain");
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const answer = InterchangeAccepted.parse(received.body);
    expect(answer).toMatchObject({ duplicate: false, control_number: "000003438", interchange: { status: "processed" } });
    const orderId = answer.interchange?.sets[0]?.records[0]?.id as string;
    const order = await server.request("GET", `/api/v1/records/sales-orders/${orderId}`, { token: harbor.key });
    expect(order.body).toMatchObject({ external_id: "08292233294", customer_external_id: "CUS-XYZ", total_amount: "13045.94" });
    expect(order.body.lines).toHaveLength(6);

    const traced = await server.request("GET", `/api/v1/ingest/receipts?record=${orderId}`, { token: harbor.key });
    expect(traced.body.data.map((receipt: { id: string }) => receipt.id)).toEqual([answer.receipt_id]);
    const receipt = ReceiptDetail.parse(
      (await server.request("GET", `/api/v1/ingest/receipts/${answer.receipt_id}`, { token: harbor.key })).body,
    );
    expect(receipt).toMatchObject({ status: "processed", source_id: partner.source_id, delivery_id: "12:4405197800:000003438" });
    expect(receipt.body).toBe(x12());

    const [ackId] = answer.interchange?.acknowledgments ?? [];
    const ack = OutboundDocumentDetail.parse(
      (await server.request("GET", `/api/v1/edi/documents/${ackId}`, { token: harbor.key })).body,
    );
    expect(ack).toMatchObject({
      transaction_set: "997",
      delivery: { status: "stored" },
      answers: { group_control_number: "1421", status: "A" },
    });
    const raw = await server.request("GET", `/api/v1/edi/documents/${ackId}/x12`, { token: harbor.key });
    expect(raw.headers.get("content-type")).toMatch(/^application\/edi-x12/);
    expect(raw.body).toBe(ack.body);
    const set = readX12(ack.body).interchanges[0]?.groups[0]?.sets[0];
    expect(readTransactionSet(set as never) as X12FunctionalAcknowledgment).toMatchObject({
      functional_id: "PO",
      group_control_number: "1421",
      status: "accepted",
    });

    const again = await post("/api/v1/edi/interchanges", x12(), harbor.key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ receipt_id: answer.receipt_id, duplicate: true, partner_id: partner.id });
  });

  it("quarantines a broken interchange with its segment named, visible in the quarantine, and refuses what is not X12 or not the partner's", async () => {
    const broken = x12()
      .replace(/000003438/g, "000003439")
      .replace("PO1*3*126*EA*10.99", "PO1*3*126*EA*10,99");
    const received = await post("/api/v1/edi/partners/acme/interchanges", broken, harbor.key);
    expect(received.status).toBe(202);
    await server.crossdock.ingest.edi.drain();
    const quarantine = await server.request("GET", `/api/v1/ingest/receipts?status=quarantined&source=${partner.source_id}`, {
      token: harbor.key,
    });
    const [held] = quarantine.body.data;
    expect(held.id).toBe(received.body.receipt_id);
    expect(held.reason.stage).toBe("map");
    expect(held.reason.problems[0].path).toMatch(/PO1 #3 .* › PO104$/);
    const interchange = await server.request("GET", `/api/v1/edi/interchanges/${held.id}`, { token: harbor.key });
    expect(interchange.body.sets[0].status).toBe("rejected");

    const form = await post("/api/v1/edi/partners/acme/interchanges", x12(), harbor.key, "application/json");
    expect(form.status).toBe(415);
    const stranger = x12().replace("*12*4405197800     *", "*ZZ*STRANGER       *");
    const unknown = await post("/api/v1/edi/interchanges", stranger, harbor.key);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/No trading partner sends as ZZ:STRANGER/);
    const mismatch = await post("/api/v1/edi/partners/acme/interchanges", stranger, harbor.key);
    expect(mismatch.status).toBe(422);
  });

  it("writes an 855 for the partner from a sales order, once per version, and lists it", async () => {
    const orders = await server.request("GET", "/api/v1/records/sales-orders?external_id=08292233294", { token: harbor.key });
    const orderId = orders.body.data[0].id;
    const made = await server.request("POST", `/api/v1/edi/partners/${partner.id}/documents`, {
      token: harbor.key,
      json: { set: "855", record_id: orderId },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const document = GeneratedDocument.parse(made.body);
    const set = readX12(document.body).interchanges[0]?.groups[0]?.sets[0];
    const ack = readTransactionSet(set as never) as X12PurchaseOrderAcknowledgment;
    expect(ack).toMatchObject({ po_number: "08292233294", acknowledgment_type: "AD", line_count: 6 });
    const again = await server.request("POST", `/api/v1/edi/partners/${partner.id}/documents`, {
      token: harbor.key,
      json: { set: "855", record_id: orderId },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: document.id, duplicate: true });
    const wrong = await server.request("POST", `/api/v1/edi/partners/${partner.id}/documents`, {
      token: harbor.key,
      json: { set: "856", record_id: orderId },
    });
    expect(wrong.status).toBe(422);
    const listed = await server.request("GET", `/api/v1/edi/partners/acme/documents?set=855`, { token: harbor.key });
    expect(listed.body.data.map((entry: { id: string }) => entry.id)).toEqual([document.id]);
  });
});
