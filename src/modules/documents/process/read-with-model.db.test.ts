import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WriteContext } from "../../../platform/actor.ts";
import { platformMigrations } from "../../../platform/index.ts";
import { createLogger } from "../../../platform/logger.ts";
import { createMailer } from "../../../platform/mail/mailer.ts";
import { createKeyring } from "../../../platform/secret-key.ts";
import { startTargetServer, type TargetServer } from "../../../platform/testing/http-target-server.ts";
import { invoiceText } from "../../../platform/testing/sample-documents.ts";
import { createTestDatabase, type TestDatabase, usingServer } from "../../../platform/testing/test-database.ts";
import { type Ai, aiMigrations, createAi } from "../../ai/index.ts";
import { governanceMigrations } from "../../governance/index.ts";
import { createTenancy, tenancyMigrations } from "../../tenancy/index.ts";
import { createDocuments, type Documents, documentsMigrations } from "../index.ts";

/** What the model answers for an invoice: its fields and lines as printed, with `number` for its invoice number. */
const reading = (number: string) => ({
  fields: [
    { name: "invoice_number", printed: number },
    { name: "invoice_date", printed: "03/14/2025" },
    { name: "po_number", printed: "PO-7781" },
    { name: "supplier_name", printed: "Harbor Industrial Supply" },
    { name: "terms", printed: "NET 30" },
    { name: "subtotal", printed: "35.00" },
    { name: "total", printed: "35.00" },
    // A name the kind has no field for is left out.
    { name: "favourite_colour", printed: "blue" },
  ],
  lines: [
    {
      line_number: "1",
      part_number: "HX-100",
      description: "Hex bolt 1/2 in",
      quantity: "10",
      uom: "EA",
      unit_price: "2.50",
      discount: null,
      amount: "25.00",
    },
    {
      line_number: "2",
      part_number: "WS-200",
      description: "Washer, steel",
      quantity: "100",
      uom: "EA",
      unit_price: "0.10",
      discount: null,
      amount: "10.00",
    },
  ],
});

const completion = (content: unknown) => ({
  status: 200,
  body: {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1_765_000_000,
    model: "reader",
    choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(content) }, finish_reason: "stop" }],
    usage: { prompt_tokens: 800, completion_tokens: 200, total_tokens: 1000 },
  },
});

describe(`documents read by a model through the AI layer (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let test: TestDatabase;
  let documents: Documents;
  let ai: Ai;
  let llm: TargetServer;
  let admin: WriteContext;

  beforeAll(async () => {
    test = await createTestDatabase([
      platformMigrations,
      governanceMigrations,
      tenancyMigrations,
      aiMigrations,
      documentsMigrations,
    ]);
    const tenancy = createTenancy({ db: test.db, sessionTtlHours: 1, mailer: createMailer({ from: "ops@harbor.example" }) });
    const tenant = await tenancy.createTenant({ actor: { type: "operator", id: "test" } }, { name: "Harbor", slug: "harbor" });
    admin = { tenantId: tenant.id, actor: { type: "user", id: "usr_admin" } };
    ai = createAi({
      db: test.db,
      keyring: createKeyring({
        secretKey: Buffer.alloc(32, 9).toString("base64"),
        dataDir: "memory://",
        databaseKind: test.db.kind,
      }),
    });
    documents = createDocuments({ db: test.db, logger: createLogger({ level: "silent" }), metricsRegistry: new Registry(), ai });
    // The model reads the invoice number the prompt holds; INV-7003's it misreads as INV-0000.
    llm = await startTargetServer({
      handle: (request) => {
        const sent = JSON.stringify(request.json);
        if (sent.includes("INV-7004")) return { status: 503, body: { error: { message: "overloaded" } } };
        const number = /INV-\d{4}/.exec(sent)?.[0] ?? "INV-?";
        return completion(reading(number === "INV-7003" ? "INV-0000" : number));
      },
    });
  }, 120_000);
  afterAll(async () => {
    await documents?.stop();
    await llm?.close();
    await test?.drop();
  });

  const read = async (number: string) => {
    const { file } = await documents.receive(admin, {
      name: `${number}.txt`,
      bytes: Buffer.from(invoiceText(number)),
      channel: "upload",
    });
    await documents.drain();
    const [id] = (await documents.getFile(admin.tenantId, file.id)).document_ids;
    return documents.get(admin.tenantId, id as string);
  };

  it("reads with the rules until the tenant chooses a model, and says so when it chose one but has no provider", async () => {
    expect((await read("INV-7001")).extraction).toEqual({
      engine: "rules",
      provider: null,
      model: null,
      call_id: null,
      note: null,
    });
    await documents.updateSettings(admin, { price_tolerance: 0.01, quantity_tolerance: 0, extractor: "model" });
    expect(await documents.settings(admin.tenantId)).toMatchObject({ extractor: "model" });
    const unread = await read("INV-7005");
    expect(unread.extraction).toMatchObject({ engine: "rules", note: expect.stringContaining("no AI provider") });
    expect(unread.status).toBe("straight_through");
  });

  it("sends a document the model read to the same checks, located in the text, and logs the call", async () => {
    await ai.providers.create(admin, {
      name: "reader",
      kind: "openai-compatible",
      base_url: `${llm.url}/v1`,
      models: ["reader"],
      default_model: "reader",
    });
    const document = await read("INV-7002");
    expect(document.extraction).toMatchObject({ engine: "model", provider: "reader", model: "reader" });
    expect(document.reasons).toEqual([]);
    expect(document.status).toBe("straight_through");
    expect(document.fields.invoice_number).toMatchObject({ value: "INV-7002", confidence: 0.9 });
    expect(document.fields.invoice_date?.value).toBe("2025-03-14");
    expect(document.fields.favourite_colour).toBeUndefined();
    const number = document.fields.invoice_number;
    const page = document.pages[0]?.text ?? "";
    expect(page.slice(number?.location?.start, number?.location?.end)).toBe("INV-7002");
    expect(document.lines.map((line) => [line.fields.supplier_part_number?.value, line.fields.amount?.value])).toEqual([
      ["HX-100", "25.00"],
      ["WS-200", "10.00"],
    ]);
    const [call] = await ai.calls.list(admin.tenantId, { feature: "documents.extract" });
    expect(call).toMatchObject({ id: document.extraction.call_id, outcome: "ok", input_tokens: 800 });
    expect(call?.prompt).toContain("INV-7002");
  });

  it("holds for review a value the text does not hold, and falls back to the rules when the model fails", async () => {
    const misread = await read("INV-7003");
    expect(misread.extraction.engine).toBe("model");
    expect(misread.fields.invoice_number).toMatchObject({ value: "INV-0000", confidence: 0.4 });
    expect(misread.status).toBe("review");
    expect(misread.reasons).toContain("invoice_number was read with confidence 0.4 only");

    const failed = await read("INV-7004");
    expect(failed.extraction).toMatchObject({ engine: "rules", note: expect.stringContaining("did not answer") });
    expect(failed.fields.invoice_number?.value).toBe("INV-7004");
    expect(failed.status).toBe("straight_through");
  });
});
