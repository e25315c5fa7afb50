import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentDetail, type DocumentSummary, Received, StoredFile } from "../../modules/documents/index.ts";
import { invoiceText, pdfOf } from "../../platform/testing/sample-documents.ts";
import { usingServer } from "../../platform/testing/test-database.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

describe(`documents over the API (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let server: TestServer;
  let harbor: { key: string };
  let reader: { key: string };

  beforeAll(async () => {
    server = await createTestServer({ CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 9).toString("base64") });
    harbor = await server.createTenantWithKey("harbor");
    reader = await server.createTenantWithKey("harbor-reader", ["documents:read"]);
  });
  afterAll(() => server?.close());

  const api = (method: string, url: string, json?: unknown, key = harbor.key) =>
    server.request(method, url, { token: key, json });
  const upload = async (name: string, bytes: Buffer, options: { multipart?: boolean; key?: string } = {}) => {
    const headers = { authorization: `Bearer ${options.key ?? harbor.key}` };
    let response: Response;
    if (options.multipart) {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(bytes)]), name);
      response = await server.crossdock.http.app.request("/api/v1/documents/files", { method: "POST", headers, body: form });
    } else {
      response = await server.crossdock.http.app.request(`/api/v1/documents/files?name=${encodeURIComponent(name)}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/octet-stream" },
        body: new Uint8Array(bytes),
      });
    }
    return { status: response.status, body: (await response.json()) as Received };
  };

  it("takes a file, reads it in the background, and lists it in the queue or as straight through", async () => {
    const bytes = await pdfOf([invoiceText("INV-9001")]);
    const sent = await upload("inv-9001.pdf", bytes);
    expect(sent.status).toBe(202);
    expect(Received.parse(sent.body)).toMatchObject({
      duplicate: false,
      file: { name: "inv-9001.pdf", type: "pdf", status: "pending" },
    });
    await server.crossdock.documents.drain();

    const file = await api("GET", `/api/v1/documents/files/${sent.body.file.id}`);
    expect(StoredFile.parse(file.body)).toMatchObject({ status: "read" });
    const id = file.body.document_ids[0];
    const document = await api("GET", `/api/v1/documents/${id}`);
    expect(document.status).toBe(200);
    expect(DocumentDetail.parse(document.body)).toMatchObject({
      kind: "invoice",
      status: "straight_through",
      route: { type: "ap_invoice" },
    });

    const content = await server.crossdock.http.app.request(`/api/v1/documents/files/${sent.body.file.id}/content`, {
      headers: { authorization: `Bearer ${harbor.key}` },
    });
    expect(content.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await content.arrayBuffer()).equals(bytes)).toBe(true);

    const words = await api("GET", `/api/v1/documents/${id}/pages/1/words`);
    expect(words.body.words.find((word: { text: string }) => word.text === "INV-9001")).toBeTruthy();
    expect((await api("GET", `/api/v1/documents/${id}/pages/7/words`)).status).toBe(404);

    // The same bytes again, as a form upload: the earlier file, 200.
    const again = await upload("again.pdf", bytes, { multipart: true });
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, file: { id: sent.body.file.id } } });
  });

  it("queues what needs a person, takes the review, and refuses a rejection without a reason", async () => {
    const sent = await upload(
      "inv-9002.txt",
      Buffer.from(invoiceText("INV-9002").replace("Total           35.00", "Total           53.00")),
    );
    await server.crossdock.documents.drain();
    const queue = await api("GET", "/api/v1/documents?status=review");
    const queued = (queue.body.data as DocumentSummary[]).find((document) => document.file_id === sent.body.file.id);
    expect(queued).toMatchObject({ status: "review", checks_failed: 1, document_number: "INV-9002" });
    const id = (queued as DocumentSummary).id;
    const detail = (await api("GET", `/api/v1/documents/${id}`)).body as DocumentDetail;
    expect(detail.checks.find((check) => !check.passed)).toMatchObject({ expected: "35.00", found: "53.00", at_stake: "18.00" });

    const noReason = await api("POST", `/api/v1/documents/${id}/review`, { decision: "reject" });
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(noReason.body)).toContain("a rejection needs a comment");
    expect((await api("POST", `/api/v1/documents/${id}/review`, { decision: "approve" }, reader.key)).status).toBe(403);

    const rejected = await api("POST", `/api/v1/documents/${id}/review`, {
      decision: "reject",
      comment: "Total does not add up; asked the supplier",
    });
    expect(rejected).toMatchObject({ status: 200, body: { status: "rejected", route: null, review: { decision: "reject" } } });
    expect((await api("POST", `/api/v1/documents/${id}/review`, { decision: "approve" })).status).toBe(409);

    const stats = await api("GET", "/api/v1/documents/stats?by=kind_and_sender");
    expect(stats.body.data).toContainEqual(
      expect.objectContaining({
        kind: "invoice",
        sender: "Harbor Industrial Supply",
        documents: 2,
        straight_through: 1,
        touchless_rate: 0.5,
      }),
    );
    const first = await api("GET", "/api/v1/documents?limit=1");
    expect(first.body.next_cursor).toBe(first.body.data[0].id);
    const second = await api("GET", `/api/v1/documents?limit=1&after=${first.body.next_cursor}`);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    const all = await api("GET", "/api/v1/documents/stats?by=none");
    expect(all.body.data).toEqual([expect.objectContaining({ kind: null, sender: null, documents: 2, touchless_rate: 0.5 })]);
    const audit = await api("GET", `/api/v1/audit?resource_id=${id}`);
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(["document.read", "document.rejected"]),
    );
  });

  it("says why a file was quarantined, and lets an admin read it again", async () => {
    const sent = await upload("scan.pdf", Buffer.from("this is not a PDF"));
    await server.crossdock.documents.drain();
    const files = await api("GET", "/api/v1/documents/files?status=quarantined");
    expect(files.body.data).toContainEqual(
      expect.objectContaining({
        id: sent.body.file.id,
        reason: "unsupported_type",
        reason_detail: expect.stringContaining("neither a PDF"),
      }),
    );
    expect((await api("POST", `/api/v1/documents/files/${sent.body.file.id}/retry`, undefined, reader.key)).status).toBe(403);
    expect((await api("POST", `/api/v1/documents/files/${sent.body.file.id}/retry`)).body.status).toBe("pending");
    expect((await api("GET", "/api/v1/documents/files/dfl_nope")).status).toBe(404);
    expect((await upload("x.pdf", Buffer.from("%PDF-"), { key: reader.key })).status).toBe(403);
  });

  it("serves the per-tenant figures on /metrics", async () => {
    const metrics = await server.crossdock.http.app.request("/metrics");
    const text = await metrics.text();
    expect(text).toMatch(/crossdock_documents\{tenant="ten_[^"]+",kind="invoice",state="straight_through"\} 1/);
    expect(text).toMatch(/crossdock_documents_touchless_ratio\{tenant="ten_[^"]+",kind="invoice"\} 0\.5/);
    expect(text).toMatch(/crossdock_document_files_total\{outcome="quarantined"\} [1-9]/);
  });

  it("keeps mailboxes to poll, never showing their password, and says why a poll failed", async () => {
    const created = await api("POST", "/api/v1/documents/mailboxes", {
      name: "ap-inbox",
      host: "127.0.0.1",
      port: 1,
      tls: "none",
      username: "ap@harbor.test",
      password: "s3cret-pass",
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain("s3cret-pass");
    expect((await api("GET", "/api/v1/documents/mailboxes")).body.data).toEqual([expect.objectContaining({ name: "ap-inbox" })]);
    expect(
      (await api("POST", "/api/v1/documents/mailboxes", { name: "x", host: "h", username: "u", password: "p" }, reader.key))
        .status,
    ).toBe(403);
    const poll = await api("POST", "/api/v1/documents/mailboxes/ap-inbox/poll");
    expect(poll.status).toBe(200);
    expect((await api("GET", "/api/v1/documents/mailboxes/ap-inbox")).body.last_error).toBeTruthy();
    expect((await api("DELETE", "/api/v1/documents/mailboxes/ap-inbox")).status).toBe(204);
  });

  it("hands an EDI interchange sent as a document to the EDI intake, or quarantines it until its partner exists", async () => {
    const interchange = (control: string) =>
      [
        `ISA*00*          *00*          *12*4405197800     *01*999999999      *250314*1200*U*00401*${control}*0*P*>`,
        "GS*PO*4405197800*999999999*20250314*1200*101*X*004010",
        "ST*850*0001",
        "BEG*00*SA*PO-555**20250314",
        "PO1*1*10*EA*2.5**VP*HX-100",
        "CTT*1",
        "SE*5*0001",
        "GE*1*101",
        `IEA*1*${control}`,
        "",
      ].join("~\n");
    const early = await upload("order.edi", Buffer.from(interchange("000000101")));
    await server.crossdock.documents.drain();
    const refused = await api("GET", `/api/v1/documents/files/${early.body.file.id}`);
    expect(refused.body).toMatchObject({ type: "edi", status: "quarantined", reason: "edi_not_accepted", handed_over: null });
    expect(refused.body.reason_detail).toContain("No trading partner sends as 12:4405197800");

    const partner = await api("POST", "/api/v1/edi/partners", {
      name: "acme",
      their: { qualifier: "12", id: "4405197800" },
      ours: { qualifier: "01", id: "999999999" },
      customer_external_id: "CUS-ACME",
    });
    expect(partner.status).toBe(201);
    await api("POST", `/api/v1/documents/files/${early.body.file.id}/retry`);
    await server.crossdock.documents.drain();
    const handed = await api("GET", `/api/v1/documents/files/${early.body.file.id}`);
    expect(handed.body).toMatchObject({
      status: "read",
      reason: null,
      document_ids: [],
      handed_over: expect.stringMatching(/^rcv_/),
    });
    const receipt = await api("GET", `/api/v1/ingest/receipts/${handed.body.handed_over}`);
    expect(receipt.status).toBe(200);
  });
});
