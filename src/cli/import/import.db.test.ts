import { mkdtemp, readFile, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "../../server/testing/test-server.ts";
import { type ApiClient, ApiError } from "../client.ts";
import { ImportSetupError } from "./mapping.ts";
import { ImportAbortedError, type ImportOptions, runImport } from "./run-import.ts";

const EXAMPLES = new URL("../../../examples/import/", import.meta.url);
const noSleep = async () => undefined;

/** The CLI's in-process client, over a test Crossdock: the operator's token, the same HTTP app. */
function clientOf(server: TestServer, options: { failFrom?: number } = {}): ApiClient {
  let posts = 0;
  return {
    target: "test",
    async request<T>(
      method: string,
      apiPath: string,
      request: { tenant?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {},
    ) {
      if (method === "POST" && options.failFrom !== undefined && ++posts >= options.failFrom) throw new TypeError("fetch failed");
      const response = await server.crossdock.http.app.request(apiPath, {
        method,
        headers: {
          authorization: `Bearer ${server.operatorToken}`,
          ...(request.tenant ? { "x-crossdock-tenant": request.tenant } : {}),
          ...(request.contentType ? { "content-type": request.contentType } : {}),
          ...request.headers,
        },
        body: request.body,
      });
      const text = await response.text();
      const body = text ? JSON.parse(text) : undefined;
      if (!response.ok)
        throw new ApiError(
          response.status,
          body?.error?.code ?? "http_error",
          body?.error?.message ?? `HTTP ${response.status}`,
          body?.error?.details,
        );
      return body as T;
    },
    close: async () => undefined,
  };
}

describe("crossdock import, end to end through the API", () => {
  let server: TestServer;
  let client: ApiClient;
  let dir: string;

  beforeAll(async () => {
    server = await createTestServer();
    await server.createTenantWithKey("acme");
    client = clientOf(server);
    dir = await mkdtemp(path.join(tmpdir(), "crossdock-import-"));
  });
  afterAll(() => server?.close());

  async function file(name: string, content: string | Buffer): Promise<string> {
    const target = path.join(dir, name);
    await writeFile(target, content);
    return target;
  }

  async function get(type: string, externalId: string, sourceSystem = "erp") {
    const response = await server.request(
      "GET",
      `/api/v1/records/${type}/by-external-id/${sourceSystem}/${encodeURIComponent(externalId)}`,
      {
        token: server.operatorToken,
        tenant: "acme",
      },
    );
    return response.status === 200 ? response.body : undefined;
  }

  async function count(type: string, sourceSystem: string): Promise<number> {
    const response = await server.request("GET", `/api/v1/records/${type}?source_system=${sourceSystem}&limit=1000`, {
      token: server.operatorToken,
      tenant: "acme",
    });
    return response.body.data.length;
  }

  const run = (options: Omit<ImportOptions, "tenant">, with_ = client) =>
    runImport(with_, { tenant: "acme", ...options }, { sleep: noSleep });

  it("loads the example item master with its mapping", async () => {
    const summary = await run({
      type: "items",
      file: new URL("items.csv", EXAMPLES).pathname,
      mapping: new URL("items.mapping.json", EXAMPLES).pathname,
      sourceSystem: "erp",
    });
    expect(summary).toMatchObject({ rows: 20, records: 20, inserted: 20, updated: 0, unchanged: 0, rejected: 0, batches: 1 });
    expect(await get("items", "MRO-100103")).toMatchObject({
      sku: "MRO-100103",
      name: 'Hex Bolt 1/2"-13 x 2" Gr 5 ZP',
      base_uom: "EA",
      currency: "USD",
      list_price: "0.68",
      weight: "0.058",
      weight_uom: "kg",
      is_stocked: true,
      is_hazardous: false,
      status: "active",
      attributes: { bin: "C-14-02" },
    });
    expect(await get("items", "MRO-100118")).toMatchObject({ status: "discontinued" });
  });

  it("reads a semicolon CSV with a BOM, CRLF, quoted fields and decimal commas", async () => {
    const csv = [
      "\uFEFFArtikel;Bezeichnung;ME;Preis;Gewicht kg;Lager",
      'EU-1;"Sechskantschraube M8x40; verzinkt";ST;"1.234,50";0,012;J',
      'EU-2;"Kabelbinder ""UV"" 200 mm";BTL;3,99;0,25;N',
    ].join("\r\n");
    const mapping = await file(
      "eu.mapping.json",
      JSON.stringify({
        decimal_comma: true,
        fields: {
          external_id: "Artikel",
          sku: "Artikel",
          name: "Bezeichnung",
          base_uom: "ME",
          currency: { constant: "EUR" },
          list_price: "Preis",
          weight: "Gewicht kg",
          is_stocked: { column: "Lager", values: { J: true, N: false } },
        },
      }),
    );
    const summary = await run({ type: "items", file: await file("eu.csv", csv), mapping, sourceSystem: "erp-eu" });
    expect(summary).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(await get("items", "EU-1", "erp-eu")).toMatchObject({
      name: "Sechskantschraube M8x40; verzinkt",
      list_price: "1234.5",
      weight: "0.012",
      is_stocked: true,
    });
    expect(await get("items", "EU-2", "erp-eu")).toMatchObject({
      name: 'Kabelbinder "UV" 200 mm',
      list_price: "3.99",
      is_stocked: false,
    });
  });

  it("rejects bad rows with their line in the file, loads the others, and writes every rejected row to the rejects file", async () => {
    const csv = [
      "external_id,sku,name,base_uom,currency,list_price,is_stocked",
      'R-1,R-1,"Gloves, nitrile,',
      'box of 100",BX,USD,11.95,true', // a quoted line break: row 1 spans lines 2 and 3
      "R-2,R-2,Bolt,EA,USD,twelve,true", // line 4: cannot be read as a number, rejected before sending
      "R-3,R-3,,EA,USD,1.00,true", // line 5: no name, rejected by the API
      "R-4,R-4,Nut,EA,USD,0.22,perhaps", // line 6: not a boolean, rejected by the API
      "R-5,R-5,Washer,EA,USD,0.11,false",
    ].join("\n");
    const rejects = path.join(dir, "rejects.csv");
    const summary = await run({ type: "items", file: await file("bad.csv", csv), sourceSystem: "erp-r", batchSize: 2, rejects });
    expect(summary).toMatchObject({ rows: 5, records: 5, inserted: 2, rejected: 3, rejected_locally: 1 });
    expect(summary.rejections).toEqual([
      { line: 4, external_id: "R-2", path: "list_price", message: '"twelve" is not a number' },
      { line: 5, external_id: "R-3", path: "name", message: "is required" },
      { line: 6, external_id: "R-4", path: "is_stocked", message: "must be true or false" },
    ]);
    expect(await count("items", "erp-r")).toBe(2);
    expect(await get("items", "R-1", "erp-r")).toMatchObject({ name: "Gloves, nitrile,\nbox of 100" });
    expect(await readFile(rejects, "utf8")).toBe(
      [
        "external_id,sku,name,base_uom,currency,list_price,is_stocked,reject_line,reject_reason",
        'R-2,R-2,Bolt,EA,USD,twelve,true,4,"list_price: ""twelve"" is not a number"',
        "R-3,R-3,,EA,USD,1.00,true,5,name: is required",
        "R-4,R-4,Nut,EA,USD,0.22,perhaps,6,is_stocked: must be true or false",
        "",
      ].join("\r\n"),
    );
  });

  it("re-running the same file writes nothing twice and counts nothing twice; a new export of it comes back unchanged", async () => {
    const csv = [
      "external_id,sku,name,base_uom",
      ...Array.from({ length: 7 }, (_, index) => `RR-${index},RR-${index},Part ${index},EA`),
    ].join("\n");
    const source = await file("rerun.csv", csv);
    const first = await run({ type: "items", file: source, sourceSystem: "erp-rr", batchSize: 3 });
    expect(first).toMatchObject({ rows: 7, inserted: 7, unchanged: 0, batches: 3 });
    const again = await run({ type: "items", file: source, sourceSystem: "erp-rr", batchSize: 3 });
    expect(again).toMatchObject({ rows: 7, inserted: 7, updated: 0, unchanged: 0, rejected: 0 });
    expect(await count("items", "erp-rr")).toBe(7);
    expect(await get("items", "RR-3", "erp-rr")).toMatchObject({ version: 1 });

    await utimes(source, new Date(), new Date(Date.now() + 60_000)); // exported again, same content
    const reexported = await run({ type: "items", file: source, sourceSystem: "erp-rr", batchSize: 3 });
    expect(reexported).toMatchObject({ rows: 7, inserted: 0, updated: 0, unchanged: 7 });
    expect(await count("items", "erp-rr")).toBe(7);
    expect(await get("items", "RR-3", "erp-rr")).toMatchObject({ version: 1 });
  });

  it("after a crash part-way, a re-run finishes the file and counts each record once", async () => {
    const csv = [
      "external_id,sku,name,base_uom",
      ...Array.from({ length: 10 }, (_, index) => `C-${index},C-${index},Part ${index},EA`),
    ].join("\n");
    const source = await file("crash.csv", csv);
    const crashed = await run(
      { type: "items", file: source, sourceSystem: "erp-c", batchSize: 3 },
      clientOf(server, { failFrom: 3 }),
    ).catch((error: unknown) => error);
    expect(crashed).toBeInstanceOf(ImportAbortedError);
    expect((crashed as ImportAbortedError).summary).toMatchObject({ inserted: 6, batches: 3 });
    expect(await count("items", "erp-c")).toBe(6);

    const resumed = await run({ type: "items", file: source, sourceSystem: "erp-c", batchSize: 3 });
    expect(resumed).toMatchObject({ rows: 10, inserted: 10, updated: 0, unchanged: 0, rejected: 0 });
    expect(await count("items", "erp-c")).toBe(10);
  });

  it("groups sales order lines into orders, with day-first dates and decimal commas", async () => {
    const csv = [
      "Order;Customer;Date;Currency;Line;Item;Qty;UoM;Price",
      "SO-1001;C-77;03/04/2024;EUR;1;MRO-100101;10;BX;11,95",
      "SO-1001;C-77;03/04/2024;EUR;2;MRO-100103;250;EA;0,68",
      "SO-1001;;;;3;MRO-100104;250;EA;0,11", // blank header cells agree with the order's
      "SO-1002;C-78;04/04/2024;EUR;1;MRO-100110;2;EA;8,40",
      "SO-1003;C-79;05/04/2024;EUR;1;MRO-100111;1;EA;13,80",
      "SO-1003;C-79;05/04/2024;EUR;2;MRO-100112;x;PK;5,99", // line 7: a quantity that is not a number: the whole order waits
      "SO-1004;C-80;31/04/2024;EUR;1;MRO-100113;1;RL;1,99", // line 8: no 31 April
    ].join("\r\n");
    const mapping = await file(
      "orders.mapping.json",
      JSON.stringify({
        decimal_comma: true,
        date_format: "DD/MM/YYYY",
        fields: {
          external_id: "Order",
          order_number: "Order",
          customer_external_id: "Customer",
          order_date: "Date",
          currency: "Currency",
          status: { constant: "open" },
        },
        children: { lines: { line_number: "Line", item_external_id: "Item", quantity: "Qty", uom: "UoM", unit_price: "Price" } },
      }),
    );
    const rejects = path.join(dir, "order-rejects.csv");
    const summary = await run({
      type: "sales-orders",
      file: await file("orders.csv", csv),
      mapping,
      sourceSystem: "erp",
      rejects,
    });
    expect(summary).toMatchObject({ rows: 7, records: 4, inserted: 2, rejected: 2, rejected_locally: 2 });
    expect(summary.rejections).toEqual([
      { line: 7, external_id: "SO-1003", path: "lines.quantity", message: '"x" is not a number' },
      { line: 8, external_id: "SO-1004", path: "order_date", message: '"31/04/2024" is not a date in the format DD/MM/YYYY' },
    ]);
    const order = await get("sales-orders", "SO-1001");
    expect(order).toMatchObject({
      order_number: "SO-1001",
      customer_external_id: "C-77",
      order_date: "2024-04-03",
      currency: "EUR",
      status: "open",
    });
    expect(
      order.lines.map((line: Record<string, unknown>) => [
        line.line_number,
        line.item_external_id,
        line.quantity,
        line.unit_price,
      ]),
    ).toEqual([
      [1, "MRO-100101", "10", "11.95"],
      [2, "MRO-100103", "250", "0.68"],
      [3, "MRO-100104", "250", "0.11"],
    ]);
    expect(await get("sales-orders", "SO-1003")).toBeUndefined();
    const rejected = (await readFile(rejects, "utf8")).trim().split("\r\n");
    expect(rejected).toEqual([
      "Order,Customer,Date,Currency,Line,Item,Qty,UoM,Price,reject_line,reject_reason",
      'SO-1003,C-79,05/04/2024,EUR,1,MRO-100111,1,EA,"13,80",6,"not written: its sales order was rejected (line 7: lines.quantity: ""x"" is not a number)"',
      'SO-1003,C-79,05/04/2024,EUR,2,MRO-100112,x,PK,"5,99",7,"lines.quantity: ""x"" is not a number"',
      'SO-1004,C-80,31/04/2024,EUR,1,MRO-100113,1,RL,"1,99",8,"order_date: ""31/04/2024"" is not a date in the format DD/MM/YYYY"',
    ]);
  });

  it("loads JSONL records as they are", async () => {
    const jsonl = [
      '{"external_id": "J-1", "sku": "J-1", "name": "Anchor", "base_uom": "EA", "currency": "USD", "list_price": 1.5}',
      '{"external_id": "J-2", "sku": "J-2", "base_uom": "EA"}',
    ].join("\n");
    const summary = await run({ type: "items", file: await file("items.jsonl", jsonl), sourceSystem: "erp-j" });
    expect(summary).toMatchObject({
      rows: 2,
      inserted: 1,
      rejected: 1,
      rejections: [{ line: 2, external_id: "J-2", path: "name", message: "is required" }],
    });
  });

  it("refuses a mapping naming a column the file lacks, before sending anything", async () => {
    const mapping = await file(
      "wrong.mapping.json",
      JSON.stringify({ fields: { external_id: "Item No", sku: "Item", name: "Name", base_uom: "UoM" } }),
    );
    const error = await run({
      type: "items",
      file: await file("few.csv", "Item,Name,UoM\nW-1,Wrench,EA\n"),
      mapping,
      sourceSystem: "erp-w",
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportSetupError);
    expect((error as ImportSetupError).problems).toEqual([
      { path: "fields.external_id", message: `the file has no column "Item No" (the file's columns: Item, Name, UoM)` },
    ]);
    expect(await count("items", "erp-w")).toBe(0);
  });
});
