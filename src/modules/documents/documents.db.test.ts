import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WriteContext } from "../../platform/actor.ts";
import { platformMigrations } from "../../platform/index.ts";
import { createLogger } from "../../platform/logger.ts";
import { invoiceText, pdfOf, scanOf } from "../../platform/testing/sample-documents.ts";
import { createTestDatabase, type TestDatabase, usingServer } from "../../platform/testing/test-database.ts";
import { governanceMigrations } from "../governance/index.ts";
import { tenancyMigrations } from "../tenancy/index.ts";
import { createDocuments, type Documents, documentsMigrations, type StoredFile } from "./index.ts";

const HARBOR = "ten_harbor";
const OTHER = "ten_other";
const ctx = (tenantId = HARBOR): WriteContext => ({
  tenantId,
  actor: { type: "user", id: "usr_clerk", label: "clerk@harbor.test" },
});

function email(options: { from: string; text?: string; attachments?: { filename: string; content: Buffer }[] }): Promise<Buffer> {
  return new MailComposer({ to: "ap@crossdock.test", subject: "Documents", ...options }).compile().build();
}

describe(`documents: intake, reading, review (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let test: TestDatabase;
  let documents: Documents;
  let registry: Registry;
  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations, tenancyMigrations, documentsMigrations]);
    registry = new Registry();
    documents = createDocuments({ db: test.db, logger: createLogger({ level: "silent" }), metricsRegistry: registry });
  }, 120_000);
  afterAll(async () => {
    await documents?.stop();
    await test?.drop();
  });

  const receive = async (name: string, bytes: Buffer, tenantId = HARBOR) => {
    const received = await documents.receive(ctx(tenantId), { name, bytes, channel: "upload" });
    await documents.drain();
    return { ...received, file: await documents.getFile(tenantId, received.file.id) };
  };

  it("reads an uploaded invoice, sends it straight through as an AP invoice, and records the engine of each page", async () => {
    const { file, duplicate } = await receive("inv-1001.pdf", await pdfOf([invoiceText("INV-1001")]));
    expect(duplicate).toBe(false);
    expect(file).toMatchObject({ status: "read", type: "pdf", channel: "upload", reason: null });
    expect(file.document_ids).toHaveLength(1);
    const document = await documents.get(HARBOR, file.document_ids[0] as string);
    expect(document).toMatchObject({
      kind: "invoice",
      status: "straight_through",
      reasons: [],
      sender_name: "Harbor Industrial Supply",
      document_number: "INV-1001",
      total: "35.00",
      checks_failed: 0,
    });
    expect(document.route).toMatchObject({
      type: "ap_invoice",
      summary: "Invoice INV-1001 from Harbor Industrial Supply ready to post, total 35.00",
    });
    expect(document.lines.map((line) => line.fields.quantity?.value)).toEqual(["10", "100"]);
    // Where each value came from, for the reviewer: its page and box.
    expect(document.fields.invoice_number?.location).toMatchObject({ page: 1 });
    expect(document.pages).toHaveLength(1);
    expect(["pdftotext", "pdfjs"]).toContain(document.pages[0]?.engine);
    const words = await documents.pageWords(HARBOR, document.id, 1);
    expect(words.words.some((word) => word.text === "INV-1001")).toBe(true);
  });

  it("catches the same file sent twice, and the same supplier's invoice number in another file", async () => {
    const bytes = await pdfOf([invoiceText("INV-2002")]);
    const first = await receive("inv-2002.pdf", bytes);
    const again = await documents.receive(ctx(), { name: "copy of inv-2002.pdf", bytes, channel: "upload" });
    expect(again).toMatchObject({ duplicate: true, file: { id: first.file.id } });

    // The same invoice scanned again or re-exported: other bytes, same supplier and number.
    const resent = await receive("inv-2002 (resent).txt", Buffer.from(invoiceText("INV-2002")));
    const document = await documents.get(HARBOR, resent.file.document_ids[0] as string);
    expect(document.status).toBe("review");
    expect(document.duplicate_of).toBe(first.file.document_ids[0]);
    expect(document.checks.find((check) => check.check === "not a duplicate")).toMatchObject({
      passed: false,
      found: expect.stringContaining(first.file.document_ids[0] as string),
      at_stake: "35.00",
    });
    expect(document.reasons.join("; ")).toContain("already received");
  });

  it("splits a merged PDF into the documents it holds", async () => {
    const { file } = await receive(
      "batch.pdf",
      await pdfOf([
        invoiceText("INV-3001"),
        invoiceText("INV-3002", { quantity: 4, page: "Page 1 of 2" }),
        "Terms and conditions                 Page 2 of 2\nGoods remain ours until paid.",
      ]),
    );
    const found = await Promise.all(file.document_ids.map((id) => documents.get(HARBOR, id)));
    expect(found.map((document) => [document.document_number, document.first_page, document.last_page])).toEqual([
      ["INV-3001", 1, 1],
      ["INV-3002", 2, 3],
    ]);
    expect(found.map((document) => document.total)).toEqual(["35.00", "20.00"]);
  });

  it("quarantines what cannot be read, with the reason, keeps it, and reads it again when asked", async () => {
    const encrypted = await pdfOf([invoiceText("INV-4001")], { userPassword: "s3cret" });
    const manyPages = await pdfOf(Array.from({ length: 500 }, (_, index) => `Page ${index + 1}`));
    const cases: [string, Buffer, string][] = [
      ["zero.pdf", Buffer.alloc(0), "empty"],
      ["invoice.pdf", Buffer.from("Invoice 123\nTotal 9.99\n"), "unsupported_type"],
      ["broken.pdf", Buffer.from("%PDF-1.7\n1 0 obj garbage"), "corrupt"],
      ["locked.pdf", encrypted, "encrypted"],
      ["archive.pdf", manyPages, "too_many_pages"],
      ["sheet.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, 0xff, 0xfe, 0x00, 0x01]), "unsupported_type"],
    ];
    for (const [name, bytes, reason] of cases) {
      const { file } = await receive(name, bytes);
      expect(file, name).toMatchObject({ status: "quarantined", reason, document_ids: [] });
      expect(file.reason_detail, name).toBeTruthy();
    }
    const quarantined = await documents.listFiles(HARBOR, { status: "quarantined", limit: 50 });
    expect(quarantined.map((file) => file.name)).toEqual(expect.arrayContaining(cases.map(([name]) => name)));

    const locked = quarantined.find((file) => file.name === "locked.pdf") as StoredFile;
    expect((await documents.retryFile(ctx(), locked.id)).status).toBe("pending");
    await documents.drain();
    expect(await documents.getFile(HARBOR, locked.id)).toMatchObject({ status: "quarantined", reason: "encrypted", attempts: 2 });
    // Nothing is lost: the bytes are kept as they came.
    expect((await documents.fileBytes(HARBOR, locked.id)).bytes.equals(encrypted)).toBe(true);
  });

  it("OCRs an image-only PDF and records the OCR engine on its page", async () => {
    const { file } = await receive("scan.pdf", await scanOf(invoiceText("INV-5001")));
    expect(file.status).toBe("read");
    const document = await documents.get(HARBOR, file.document_ids[0] as string);
    expect(document.kind).toBe("invoice");
    expect(["tesseract", "tesseract.js"]).toContain(document.pages[0]?.engine);
    expect(document.pages[0]?.confidence).toBeGreaterThan(50);
    expect(["straight_through", "review"]).toContain(document.status);
  }, 120_000);

  it("takes an email's thirty attachments and its body, each read, none lost", async () => {
    const attachments = await Promise.all(
      Array.from({ length: 29 }, async (_, index) => ({
        filename: `invoice-${index + 1}.pdf`,
        content: await pdfOf([invoiceText(`INV-E${index + 1}`, { supplier: "Bayside Fasteners" })]),
      })),
    );
    attachments.push({ filename: "notes.docx", content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0xff]) });
    const message = await email({ from: "billing@bayside.test", text: "Please find our invoices attached.", attachments });
    const { file } = await receive("mail.eml", message);
    expect(file).toMatchObject({ status: "read", type: "email", document_ids: [] });
    // The body only says what is attached: it is not a document of its own.
    expect(file.children).toHaveLength(30);
    const children = await Promise.all(file.children.map((id) => documents.getFile(HARBOR, id)));
    expect(
      children.every(
        (child) => child.parent_id === file.id && child.channel === "email" && child.sender === "billing@bayside.test",
      ),
    ).toBe(true);
    expect(children.filter((child) => child.status === "read")).toHaveLength(29);
    expect(children.find((child) => child.name === "notes.docx")).toMatchObject({
      status: "quarantined",
      reason: "unsupported_type",
    });
    const read = await documents.list(HARBOR, { sender: "bayside", limit: 200 });
    expect(read).toHaveLength(29);
    expect(new Set(read.map((document) => document.document_number)).size).toBe(29);
  }, 120_000);

  it("reads a PO typed into an email's body, and sends a document in an unexpected language to review", async () => {
    const po = [
      "Crossdock Distributors",
      "",
      "PURCHASE ORDER",
      "",
      "PO Number: 55120          Date: 03/14/2025",
      "",
      "Line  Item     Description        Qty  UOM  Unit Price   Amount",
      "1     HX-100   Hex bolt 1/2 in     10  EA         2.50    25.00",
      "",
      "                                        Total          25.00",
    ].join("\n");
    const { file } = await receive("po.eml", await email({ from: "buyer@crossdock.test", text: po }));
    expect(file.children).toHaveLength(1);
    const body = await documents.getFile(HARBOR, file.children[0] as string);
    expect(body).toMatchObject({ name: "body.txt", type: "text", status: "read" });
    const document = await documents.get(HARBOR, body.document_ids[0] as string);
    expect(document).toMatchObject({ kind: "purchase_order", document_number: "55120" });
    expect(document.pages[0]?.engine).toBe("text");

    const finnish = "Lasku\n\nHyvä asiakas, kiitos tilauksestasi. Maksa summa eräpäivään mennessä.\nViite 1234 5678";
    const foreign = await receive("lasku.txt", Buffer.from(finnish));
    const unclear = await documents.get(HARBOR, foreign.file.document_ids[0] as string);
    expect(unclear).toMatchObject({ kind: "other", status: "review" });
    expect(unclear.reasons).toContain("its kind is not clear");
  });

  it("takes a reviewer's corrections and approval, routes the document, and measures field accuracy", async () => {
    const text = invoiceText("INV-6001").replace("Invoice No: INV-6001", "Invoice No:");
    const { file } = await receive("inv-6001.txt", Buffer.from(text));
    const id = file.document_ids[0] as string;
    const waiting = await documents.get(HARBOR, id);
    expect(waiting.reasons).toContain("invoice_number was not found");
    expect(waiting.required_fields).toEqual(["invoice_number", "invoice_date", "supplier_name", "total"]);
    const queue = await documents.list(HARBOR, { status: "review", limit: 200 });
    expect(queue.map((document) => document.id)).toContain(id);

    await expect(documents.review(ctx(OTHER), id, { decision: "approve" })).rejects.toThrow(/not found/);
    const approved = await documents.review(ctx(), id, { decision: "approve", fields: { invoice_number: "INV-6001" } });
    expect(approved).toMatchObject({
      status: "approved",
      document_number: "INV-6001",
      reviewed_by: "user:usr_clerk",
      fields: { invoice_number: { value: "INV-6001", confidence: 1, location: null } },
      review: { decision: "approve", corrected_fields: { invoice_number: { from: null, to: "INV-6001" } }, fields_corrected: 1 },
    });
    expect(approved.route?.type).toBe("ap_invoice");
    await expect(documents.review(ctx(), id, { decision: "reject", comment: "late" })).rejects.toThrow(/approved, not waiting/);

    const stats = await documents.stats(HARBOR, "kind");
    const invoices = stats.find((row) => row.kind === "invoice");
    expect(invoices?.reviewed).toBe(1);
    expect(invoices?.field_accuracy).toBeCloseTo(1 - 1 / (approved.review?.fields_reviewed ?? 1), 3);
    expect(invoices?.straight_through).toBeGreaterThan(0);
    const metrics = await registry.getSingleMetricAsString("crossdock_documents_touchless_ratio");
    expect(metrics).toMatch(new RegExp(`tenant="${HARBOR}",kind="invoice"`));
  });

  it("keeps one tenant's documents from another", async () => {
    const { file } = await receive("inv-7001.pdf", await pdfOf([invoiceText("INV-7001")]), OTHER);
    await expect(documents.getFile(HARBOR, file.id)).rejects.toThrow(/not found/);
    await expect(documents.get(HARBOR, file.document_ids[0] as string)).rejects.toThrow(/not found/);
    expect((await documents.list(HARBOR, { limit: 200 })).map((document) => document.id)).not.toContain(file.document_ids[0]);
    // The same bytes in another tenant are not that tenant's duplicate.
    const harbor = await documents.receive(ctx(), {
      name: "inv-7001.pdf",
      bytes: await documents.fileBytes(OTHER, file.id).then((f) => f.bytes),
      channel: "upload",
    });
    expect(harbor.duplicate).toBe(false);
  });

  it("takes files dropped in a tenant's inbox folder once they settle, and moves them to processed/", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "crossdock-documents-inbox-"));
    const watcher = createDocuments({
      db: test.db,
      logger: createLogger({ level: "silent" }),
      metricsRegistry: new Registry(),
      inbox: { root, tenantIds: async () => [HARBOR], settleMs: 150 },
    });
    try {
      await watcher.scanInbox();
      const folder = path.join(root, HARBOR);
      await writeFile(path.join(folder, "scanner-0001.pdf"), await pdfOf([invoiceText("INV-8001")]));
      // Seen once: it may still be being written.
      await watcher.scanInbox();
      expect(await readdir(folder)).toContain("scanner-0001.pdf");
      await new Promise((resolve) => setTimeout(resolve, 200));
      await watcher.scanInbox();
      expect(await readdir(folder)).not.toContain("scanner-0001.pdf");
      const [moved] = await readdir(path.join(folder, "processed"));
      expect(moved).toMatch(/-scanner-0001\.pdf$/);
      await watcher.drain();
      const [file] = (await documents.listFiles(HARBOR, { limit: 50 })).filter(
        (candidate) => candidate.name === "scanner-0001.pdf",
      );
      expect(file).toMatchObject({ channel: "folder", status: "read" });
      expect((await documents.get(HARBOR, file?.document_ids[0] as string)).document_number).toBe("INV-8001");
    } finally {
      await watcher.stop();
      await rm(root, { recursive: true, force: true });
    }
  });

  it("learns where a sender prints what reviewers corrected: their next document goes straight through", async () => {
    const quayside = (n: number) =>
      [
        "Quayside Tools",
        "9 Harbour Road",
        "Bristol, ME 04101",
        "",
        "INVOICE",
        "",
        `Ledger key  QT/${n}/25              Dated  03/${10 + n}/2025`,
        `Your order  PO-${7700 + n}`,
        "",
        "Line  Item       Description          Qty  UOM  Unit Price    Amount",
        `1     HX-100     Hex bolt 1/2 in        ${n}  EA        2.50      ${(n * 2.5).toFixed(2)}`,
        "",
        `                                        Total           ${(n * 2.5).toFixed(2)}`,
      ].join("\n");
    const first = await receive("quayside-1.txt", Buffer.from(quayside(1)));
    const firstId = first.file.document_ids[0] as string;
    expect(await documents.get(HARBOR, firstId)).toMatchObject({ status: "review", reasons: ["invoice_number was not found"] });
    await documents.review(ctx(), firstId, { decision: "approve", fields: { invoice_number: "QT/1/25" } });

    const second = await receive("quayside-2.txt", Buffer.from(quayside(2)));
    const read = await documents.get(HARBOR, second.file.document_ids[0] as string);
    expect(read).toMatchObject({ status: "straight_through", document_number: "QT/2/25" });
    expect(read.fields.invoice_number).toMatchObject({ value: "QT/2/25", confidence: 0.9, location: { page: 1 } });
    // Another sender's documents are not read by Quayside's template.
    const other = await receive("other.txt", Buffer.from(quayside(3).replace("Quayside Tools", "Northgate Supply")));
    expect((await documents.get(HARBOR, other.file.document_ids[0] as string)).status).toBe("review");
  });

  it("remembers the kind a reviewer gave a sender's documents, for the sender's next one", async () => {
    const statement = (n: number) =>
      [
        "Quayside Marine",
        "9 Harbour Road",
        "Bristol, ME 04101",
        "",
        "STATEMENT OF CHARGES",
        "",
        `Reference  QM-${1000 + n}              Dated  03/${10 + n}/2025`,
        "",
        "Line  Item       Description          Qty  UOM  Unit Price    Amount",
        `1     HX-100     Hex bolt 1/2 in        ${n}  EA        2.50      ${(n * 2.5).toFixed(2)}`,
        "",
        `                                        Total           ${(n * 2.5).toFixed(2)}`,
      ].join("\n");
    const sent = async (n: number) => {
      const { file } = await documents.receive(ctx(), {
        name: `statement-${n}.txt`,
        bytes: Buffer.from(statement(n)),
        channel: "email",
        sender: "Billing@Quayside-Marine.test",
      });
      await documents.drain();
      return documents.get(HARBOR, (await documents.getFile(HARBOR, file.id)).document_ids[0] as string);
    };
    const first = await sent(1);
    expect(first).toMatchObject({ kind: "other", status: "review" });
    await documents.review(ctx(), first.id, { decision: "approve", kind: "invoice", fields: { invoice_number: "QM-1001" } });
    const second = await sent(2);
    expect(second).toMatchObject({ kind: "invoice", status: "straight_through", document_number: "QM-1002" });
  });
});
