import { appendFile, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileDrop, FileImport, FileUploaded, ReceiptDetail, Source } from "../../modules/ingest/index.ts";
import { usingServer } from "../../platform/testing/test-database.ts";
import { writeXlsx } from "../../platform/testing/write-xlsx.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const ITEM_MAPPING = {
  version: 1,
  records: [
    {
      type: "item",
      fields: {
        external_id: '["Item No"]',
        sku: '["Item No"]',
        name: "Description",
        base_uom: { path: "UOM", case: "upper" },
        list_price: '["List Price"]',
        currency: { path: "Currency", default: "USD" },
      },
    },
  ],
};

const GOOD_AND_BAD = [
  "Item No,Description,UOM,List Price,Currency",
  "A-100,Hex bolt M8,ea,0.42,USD",
  "A-101,,ea,1.10,USD", // no description: the item's name is required
  'A-102,"Washer, zinc",box,3.50,USD',
  "A-103,Lock nut,ea,twelve,USD", // not a price
  "A-104,Split pin,ea,0.05,USD,extra", // a cell past the header
  "A-105,Cotter,ea,0.07,USD",
].join("\n");

describe(`file drops over the API (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let server: TestServer;
  let harbor: { key: string; tenant: { id: string } };
  let bayside: { key: string };
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "crossdock-api-drops-"));
    server = await createTestServer({
      CROSSDOCK_FILE_DROPS_DIR: root,
      CROSSDOCK_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
    });
    harbor = await server.createTenantWithKey("harbor");
    bayside = await server.createTenantWithKey("bayside");
    server.crossdock.ingest.files.start();
  });
  afterAll(async () => {
    await server?.crossdock.ingest.files.stop();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  const api = (method: string, url: string, json?: unknown, key = harbor.key) =>
    server.request(method, url, { token: key, json });
  const createDrop = async (body: Record<string, unknown>) => {
    const created = await api("POST", "/api/v1/ingest/file-drops", {
      system: "erp",
      mapping: ITEM_MAPPING,
      format: { type: "csv" },
      location: { type: "folder" },
      settle_seconds: 0,
      ...body,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return FileDrop.parse(created.body);
  };
  const folderOf = (drop: FileDrop) => (drop.location as { path: string }).path;
  /** Puts a file in a watched folder whole, as a careful writer does (the drops here take files at once). */
  const dropFile = async (file: string, content: string | Buffer) => {
    await writeFile(`${file}.part`, content);
    await rename(`${file}.part`, file);
  };
  const scan = () => server.crossdock.ingest.files.scanAll();
  const importsOf = async (drop: FileDrop) => {
    const listed = await api("GET", `/api/v1/ingest/file-imports?drop=${drop.name}`);
    expect(listed.status).toBe(200);
    return (listed.body.data as unknown[]).map((each) => FileImport.parse(each));
  };

  let items: FileDrop;

  it("adds a drop whose folder is made under the tenant's own, and which is a source of kind file_drop", async () => {
    items = await createDrop({ name: "erp-items", source_system: "erp" });
    expect(items.location).toEqual({ type: "folder", folder: "erp-items", path: path.join(root, harbor.tenant.id, "erp-items") });
    expect(items.pattern).toBe("*.csv,*.txt,*.tsv");
    expect((await readdir(folderOf(items))).sort()).toEqual(["failed", "processed"]);
    const source = Source.parse((await api("GET", `/api/v1/ingest/sources/${items.id}`)).body);
    expect(source).toMatchObject({ kind: "file_drop", webhook_path: null, name: "erp-items" });
    const outside = await api("POST", "/api/v1/ingest/file-drops", {
      name: "escape",
      system: "erp",
      mapping: ITEM_MAPPING,
      format: { type: "csv" },
      location: { type: "folder", folder: "../other-tenant" },
    });
    expect(outside.status).toBe(422);
    const badMapping = await api("POST", "/api/v1/ingest/file-drops", {
      name: "bad-mapping",
      system: "erp",
      mapping: { version: 1, records: [{ type: "item", fields: { external_id: "sku" } }] },
      format: { type: "csv" },
      location: { type: "folder" },
    });
    expect(badMapping.status).toBe(422);
    expect(JSON.stringify(badMapping.body)).toMatch(/mapping\.records\[0\]\.fields/);
  });

  it("writes the good rows, quarantines each bad row with its line, and moves the file to processed/ with a report", async () => {
    await dropFile(path.join(folderOf(items), "items-0514.csv"), GOOD_AND_BAD);
    await scan();
    const [done] = await importsOf(items);
    expect(done).toMatchObject({
      file_name: "items-0514.csv",
      origin: "folder",
      status: "processed",
      rows: 6,
      inserted: 3,
      rejected: 3,
      moved_to: "processed/items-0514.csv",
    });
    const report = done?.report;
    expect(report?.problems.map((problem) => [problem.line, problem.stage])).toEqual([
      [3, "map"],
      [5, "map"],
      [6, "parse"],
    ]);
    expect(report?.problems[0]?.message).toMatch(/item\.name/);
    expect(report?.problems[1]).toMatchObject({ path: '["List Price"]' });
    expect(report?.quarantine).toBe(`/api/v1/ingest/receipts?source=${items.id}&status=quarantined`);

    expect(await readdir(folderOf(items))).not.toContain("items-0514.csv");
    const written = JSON.parse(await readFile(path.join(folderOf(items), "processed", "items-0514.csv.report.json"), "utf8"));
    expect(written).toEqual(report);

    const listed = await api("GET", "/api/v1/records/items?source_system=erp&sort=sku");
    expect(listed.body.data.map((item: { sku: string }) => item.sku)).toEqual(["A-100", "A-102", "A-105"]);
    expect(listed.body.data[1]).toMatchObject({ name: "Washer, zinc", base_uom: "BOX", list_price: "3.5" });

    // Each bad row is a receipt of the drop's source, named by the file's hash and its line.
    const quarantined = await api("GET", report?.quarantine as string);
    expect(quarantined.body.data).toHaveLength(3);
    const held = ReceiptDetail.parse((await api("GET", `/api/v1/ingest/receipts/${report?.problems[1]?.receipt_id}`)).body);
    expect(held).toMatchObject({ status: "quarantined", delivery_id: `${done?.sha256}:5`, content_type: "application/json" });
    expect(held.reason?.message).toMatch(/^Line 5 of items-0514\.csv/);
    expect(JSON.parse(held.body)).toMatchObject({ "Item No": "A-103", "List Price": "twelve" });

    // Corrected and replayed, like a webhook's: the record is written.
    const replayed = await api("POST", `/api/v1/ingest/receipts/${held.id}/replay`, {
      body: JSON.stringify({ ...JSON.parse(held.body), "List Price": "12.00" }),
    });
    expect(replayed.status, JSON.stringify(replayed.body)).toBe(200);
    server.crossdock.ingest.start();
    await server.crossdock.ingest.drain();
    const fixed = ReceiptDetail.parse((await api("GET", `/api/v1/ingest/receipts/${held.id}`)).body);
    expect(fixed.status).toBe("processed");
    expect(fixed.produced).toEqual([expect.objectContaining({ type: "item", external_id: "A-103" })]);
    await server.crossdock.ingest.stop();

    const drop = FileDrop.parse((await api("GET", `/api/v1/ingest/file-drops/${items.name}`)).body);
    expect(drop.health).toMatchObject({ files_last_day: 1, rows_last_day: 6, quarantined: 2, backlog: 0, scan_error: null });
    expect(drop.health.error_rate_last_day).toBeCloseTo(0.5);
    expect(drop.health.last_file_at).not.toBeNull();
  });

  it("does not import the same file twice: dropped again, it is moved to processed/ as a duplicate", async () => {
    await dropFile(path.join(folderOf(items), "items-0514.csv"), GOOD_AND_BAD);
    await scan();
    const imports = await importsOf(items);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ duplicates: 1, inserted: 3 });
    const processed = await readdir(path.join(folderOf(items), "processed"));
    const duplicate = processed.find((name) => /^items-0514\.duplicate-\d+\.csv$/.test(name));
    expect(duplicate, processed.join(", ")).toBeDefined();
    const note = JSON.parse(await readFile(path.join(folderOf(items), "processed", `${duplicate}.report.json`), "utf8"));
    expect(note).toMatchObject({ status: "duplicate", duplicate_of: imports[0]?.id });
    expect(await readdir(folderOf(items))).toEqual(expect.not.arrayContaining(["items-0514.csv"]));
  });

  it("fails a CSV whose quote never closes with a clear report, keeping the rows before it, and moves it to failed/", async () => {
    await dropFile(
      path.join(folderOf(items), "broken.csv"),
      [
        "Item No,Description,UOM,List Price,Currency",
        "B-1,Good one,ea,1,USD",
        'B-2,"Opened never closed,ea,2,USD',
        "B-3,Lost,ea,3,USD",
      ].join("\n"),
    );
    await scan();
    const broken = (await importsOf(items)).find((each) => each.file_name === "broken.csv");
    expect(broken).toMatchObject({ status: "failed", rows: 1, inserted: 1, moved_to: "failed/broken.csv" });
    expect(broken?.report?.error?.message).toMatch(/from line 3: a quote is never closed/);
    expect(broken?.report?.error?.line).toBe(3);
    expect(await readdir(path.join(folderOf(items), "failed"))).toEqual(["broken.csv", "broken.csv.report.json"]);
  });

  it("reads an XLSX sheet; a wrong sheet name fails the file, and a re-run after fixing the drop imports it", async () => {
    const workbook = await createDrop({
      name: "erp-items-xlsx",
      source_system: "erp-xlsx",
      format: { type: "xlsx", sheet: "Items" },
    });
    expect(workbook.pattern).toBe("*.xlsx");
    await dropFile(
      path.join(folderOf(workbook), "items.xlsx"),
      writeXlsx({
        Artikel: [
          ["Item No", "Description", "UOM", "List Price", "Currency"],
          ["X-1", "Pallet wrap", "roll", 18.5, "USD"],
          ["X-2", "Tape", "ea", "cheap", "USD"],
          ["X-3", "Labels", "box", 7, null],
        ],
      }),
    );
    await scan();
    const [failed] = await importsOf(workbook);
    expect(failed).toMatchObject({ status: "failed", moved_to: "failed/items.xlsx" });
    expect(failed?.report?.error?.message).toMatch(/no sheet "Items" \(it has: Artikel\)/);

    const fixed = await api("PATCH", `/api/v1/ingest/file-drops/${workbook.id}`, { format: { type: "xlsx", sheet: "Artikel" } });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const rerun = await api("POST", `/api/v1/ingest/file-imports/${failed?.id}/rerun`);
    expect(rerun.status, JSON.stringify(rerun.body)).toBe(200);
    expect(rerun.body.status).toBe("pending");
    expect(await readdir(folderOf(workbook))).toContain("items.xlsx");
    await scan();
    const [done] = await importsOf(workbook);
    expect(done).toMatchObject({ id: failed?.id, status: "processed", rows: 3, inserted: 2, rejected: 1 });
    expect(done?.report?.problems[0]).toMatchObject({ line: 3, stage: "map" });
    const again = await api("POST", `/api/v1/ingest/file-imports/${failed?.id}/rerun`);
    expect(again.status).toBe(409);
  });

  it("reads JSONL, one record per line, quarantining a line that is not JSON", async () => {
    const lines = await createDrop({ name: "erp-items-jsonl", source_system: "erp-jsonl", format: { type: "jsonl" } });
    await dropFile(
      path.join(folderOf(lines), "items.jsonl"),
      [
        JSON.stringify({ "Item No": "J-1", Description: "Glove", UOM: "pr", "List Price": 2.2 }),
        '{"Item No": "J-2", "Description": ',
        JSON.stringify({ "Item No": "J-3", Description: "Mask", UOM: "ea", "List Price": "0.9" }),
      ].join("\n"),
    );
    await scan();
    const [done] = await importsOf(lines);
    expect(done).toMatchObject({ status: "processed", rows: 3, inserted: 2, rejected: 1 });
    expect(done?.report?.problems[0]).toMatchObject({ line: 2, stage: "parse" });
    const held = ReceiptDetail.parse((await api("GET", `/api/v1/ingest/receipts/${done?.report?.problems[0]?.receipt_id}`)).body);
    expect(held.body).toBe('{"Item No": "J-2", "Description":');
  });

  it("groups an order exported one line per row into the order with its lines, a bad group held whole", async () => {
    const orders = await createDrop({
      name: "erp-order-lines",
      source_system: "erp-lines",
      format: { type: "csv", group_by: ["Order No"] },
      mapping: {
        version: 1,
        records: [
          {
            type: "sales_order",
            fields: {
              external_id: '["Order No"]',
              order_number: '["Order No"]',
              order_date: '["Order Date"]',
              customer_external_id: "Customer",
              status: { const: "open" },
              currency: { const: "USD" },
            },
            collections: {
              lines: {
                each: "rows[*]",
                fields: { line_number: "Line", item_external_id: "Item", quantity: "Qty", uom: "UOM", unit_price: "Price" },
              },
            },
          },
        ],
      },
    });
    await dropFile(
      path.join(folderOf(orders), "open-orders.csv"),
      [
        "Order No,Order Date,Customer,Line,Item,Qty,UOM,Price",
        "SO-1,2026-12-01,C-100,1,I-1,10,EA,2.50",
        "SO-1,2026-12-01,C-100,2,I-2,5,EA,1.25",
        "SO-1,2026-12-01,C-100,3,I-3,1,EA,9.00",
        "SO-2,2026-12-02,C-200,1,I-1,ten,EA,2.50",
        "SO-2,2026-12-02,C-200,2,I-4,2,EA,4.00",
        "SO-3,2026-12-02,C-100,1,I-3,1,EA,9.00",
      ].join("\n"),
    );
    await scan();
    const [done] = await importsOf(orders);
    expect(done).toMatchObject({ status: "processed", rows: 3, inserted: 2, rejected: 1 });
    // Named by the group's last line, where a re-read would resume; the message names all of them.
    expect(done?.report?.problems[0]).toMatchObject({ line: 6, stage: "map" });
    const listed = await api("GET", "/api/v1/records/sales-orders?source_system=erp-lines&include=lines&limit=10");
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const byId = new Map((listed.body.data as { external_id: string; lines: unknown[] }[]).map((o) => [o.external_id, o]));
    expect([...byId.keys()].sort()).toEqual(["SO-1", "SO-3"]);
    expect(byId.get("SO-1")?.lines).toEqual([
      expect.objectContaining({ line_number: 1, item_external_id: "I-1", quantity: "10" }),
      expect.objectContaining({ line_number: 2, item_external_id: "I-2", quantity: "5" }),
      expect.objectContaining({ line_number: 3, item_external_id: "I-3", quantity: "1" }),
    ]);
    // The bad order is held whole, as the rows it was read from, for a person to correct and replay.
    const held = ReceiptDetail.parse((await api("GET", `/api/v1/ingest/receipts/${done?.report?.problems[0]?.receipt_id}`)).body);
    expect(JSON.parse(held.body).rows).toHaveLength(2);
    expect(held.reason?.message).toContain("Lines 5–6 of open-orders.csv");
    expect(held.reason?.problems[0]?.path).toMatch(/rows\[0\]\.Qty/);
  });

  it("leaves a file being written alone until it settles, and a .part file until it is renamed", async () => {
    const slow = await createDrop({ name: "slow-writer", source_system: "slow", settle_seconds: 1 });
    const file = path.join(folderOf(slow), "items.csv");
    await writeFile(file, "Item No,Description,UOM,List Price,Currency\nS-1,First,ea,1,USD\n");
    await scan();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await appendFile(file, "S-2,Second,ea,2,USD\n");
    await scan();
    expect(await importsOf(slow)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    await scan();
    const [done] = await importsOf(slow);
    expect(done).toMatchObject({ status: "processed", rows: 2, inserted: 2 });

    await writeFile(
      path.join(folderOf(slow), "next.csv.part"),
      "Item No,Description,UOM,List Price,Currency\nS-3,Third,ea,3,USD\n",
    );
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await scan();
    await scan();
    expect(await importsOf(slow)).toHaveLength(1);
    await rename(path.join(folderOf(slow), "next.csv.part"), path.join(folderOf(slow), "next.csv"));
    await scan();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await scan();
    expect((await importsOf(slow)).map((each) => each.file_name)).toEqual(["next.csv", "items.csv"]);
  });

  it("takes a file uploaded through the API, raw or as a form, and answers a second upload of it as a duplicate", async () => {
    const raw = await server.request("POST", `/api/v1/ingest/file-drops/${items.id}/files?name=upload.csv`, {
      token: harbor.key,
      headers: { "content-type": "text/csv" },
      body: "Item No,Description,UOM,List Price,Currency\nU-1,Uploaded,ea,4,USD\n",
    });
    expect(raw.status, JSON.stringify(raw.body)).toBe(202);
    const uploaded = FileUploaded.parse(raw.body);
    expect(uploaded.import).toMatchObject({ origin: "upload", status: "pending", file_name: "upload.csv" });
    await scan();
    const done = FileImport.parse((await api("GET", `/api/v1/ingest/file-imports/${uploaded.import.id}`)).body);
    expect(done).toMatchObject({ status: "processed", inserted: 1, moved_to: "processed/upload.csv" });

    const form = new FormData();
    form.append("file", new Blob(["Item No,Description,UOM,List Price,Currency\nU-1,Uploaded,ea,4,USD\n"]), "again.csv");
    const response = await server.crossdock.http.app.request(`/api/v1/ingest/file-drops/${items.id}/files`, {
      method: "POST",
      headers: { authorization: `Bearer ${harbor.key}` },
      body: form,
    });
    expect(response.status).toBe(200);
    expect(FileUploaded.parse(await response.json())).toMatchObject({ duplicate: true, import: { id: uploaded.import.id } });

    const wrongName = await server.request("POST", `/api/v1/ingest/file-drops/${items.id}/files?name=items.xlsx`, {
      token: harbor.key,
      body: "x",
    });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.error.message).toMatch(/takes files named \*\.csv/);
    const noKey = await server.request("POST", `/api/v1/ingest/file-drops/${items.id}/files?name=a.csv`, { body: "x" });
    expect(noKey.status).toBe(401);
  });

  it("audits changes to drops, never with a secret, and keeps each tenant's drops and imports to itself", async () => {
    const sftp = await createDrop({
      name: "partner-sftp",
      status: "paused",
      location: { type: "sftp", host: "127.0.0.1", port: 2222, username: "erp", password: "s3cret-pw", folder: "out" },
    });
    const changed = await api("PATCH", `/api/v1/ingest/file-drops/${sftp.id}`, {
      location: { type: "sftp", host: "127.0.0.1", port: 2222, username: "erp", folder: "exports" },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.location).toMatchObject({ auth: "password", folder: "exports" });
    const removed = await api("DELETE", `/api/v1/ingest/file-drops/${sftp.id}`);
    expect(removed.status).toBe(204);
    expect((await api("GET", `/api/v1/ingest/file-drops/${sftp.id}`)).status).toBe(404);

    const audit = await api("GET", "/api/v1/audit?action=ingest.file_drop.*&limit=100");
    expect(audit.status).toBe(200);
    const actions = (audit.body.data as { action: string; resource_id: string }[])
      .filter((entry) => entry.resource_id === sftp.id)
      .map((entry) => entry.action);
    expect(actions.sort()).toEqual(["ingest.file_drop.created", "ingest.file_drop.deleted", "ingest.file_drop.updated"]);
    expect(JSON.stringify(audit.body)).not.toContain("s3cret-pw");
    const reruns = await api("GET", "/api/v1/audit?action=ingest.file_import.rerun");
    expect(reruns.body.data).toHaveLength(1);

    expect((await api("GET", "/api/v1/ingest/file-drops", undefined, bayside.key)).body.data).toEqual([]);
    expect((await api("GET", "/api/v1/ingest/file-imports", undefined, bayside.key)).body.data).toEqual([]);
    expect((await api("GET", `/api/v1/ingest/file-drops/${items.id}`, undefined, bayside.key)).status).toBe(404);
    const imports = await importsOf(items);
    expect((await api("GET", `/api/v1/ingest/file-imports/${imports[0]?.id}`, undefined, bayside.key)).status).toBe(404);
    expect((await api("POST", `/api/v1/ingest/file-imports/${imports[0]?.id}/rerun`, undefined, bayside.key)).status).toBe(404);
  });

  it("counts files and rows on /metrics", async () => {
    const metrics = await server.request("GET", "/metrics", { token: server.operatorToken });
    const text = String(metrics.body);
    expect(text).toMatch(/crossdock_ingest_files_total\{outcome="processed"\} [1-9]/);
    expect(text).toMatch(/crossdock_ingest_files_total\{outcome="duplicate"\} 1/);
    expect(text).toMatch(/crossdock_ingest_file_rows_total\{outcome="rejected"\} [1-9]/);
    expect(text).toMatch(/crossdock_ingest_file_backlog 0/);
  });
});
