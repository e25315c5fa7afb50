import type * as Vitest from "vitest";
import type { PullConnector, SqlDialect } from "../contract/index.ts";
import { createPullFixture, ctx, itemMapping, type PullFixture, TENANT } from "./pull-fixture.ts";
import { createScratchErp, type ScratchErp } from "./scratch-erp.ts";

const MAPPING = itemMapping({ external_id: "item_no", sku: "item_no", name: "descr", list_price: "list_price" });

/** Ten items; the 5th and 6th changed at the same microsecond (the keyset's id tells them apart). */
function seedRows(): unknown[][] {
  return Array.from({ length: 10 }, (_, index) => {
    const n = index + 1;
    const at = n === 6 ? 5 : n;
    return [
      `ITEM-${String(n).padStart(2, "0")}`,
      `Item ${n}`,
      "EA",
      `${n}.2500`,
      `2026-01-01 00:0${at - 1}:00.${String(at).padStart(6, "0")}`,
    ];
  });
}

/**
 * What the SQL-source connector must do against every database it reads (PostgreSQL, MariaDB),
 * on a real server: read a table in keyset pages, then only what changed; quarantine what does not
 * map; survive a fault between a page's write and its cursor; say what a bad query or an unreachable
 * server means. Each dialect's test file calls this, handing in vitest.
 */
export function describeSqlSource(vitest: typeof Vitest, dialect: SqlDialect, skipBecause: string | null) {
  const { afterAll, beforeAll, describe, expect, it } = vitest;
  if (skipBecause) console.warn(`Skipping the ${dialect} SQL-source tests: ${skipBecause}`);
  describe.skipIf(skipBecause !== null)(`the SQL-source connector reading ${dialect}`, () => {
    let f: PullFixture;
    let erp: ScratchErp;
    let names = 0;

    beforeAll(async () => {
      f = await createPullFixture();
      erp = await createScratchErp(dialect);
      for (const row of seedRows()) {
        await erp.exec("insert into erp (item_no, descr, uom, list_price, updated_at) values (?, ?, ?, ?, ?)", row);
      }
    });
    afterAll(async () => {
      await f?.close();
      await erp?.drop();
    });

    const connector = (
      resource: Record<string, unknown> = {},
      connection: Record<string, unknown> = {},
    ): Promise<PullConnector> =>
      f.pull.create(ctx, {
        name: `${dialect}-erp-${++names}`,
        kind: "sql",
        system: "erp",
        interval_seconds: 3600,
        connection: { ...erp.connection, timeout_ms: 10_000, ...connection },
        resources: {
          items: {
            query: "select id, item_no, descr, uom, list_price, updated_at from erp",
            cursor_columns: ["updated_at", "id"],
            page_size: 4,
            mapping: MAPPING,
            ...resource,
          },
        },
      });

    it("reads the table in keyset pages, then only the rows changed since", async () => {
      const source = await connector();
      await f.pull.drain();
      expect(await f.lastRun(source)).toMatchObject({
        status: "succeeded",
        pages: 3,
        rows_read: 10,
        rows_written: 10,
        error: null,
      });
      const items = await f.items(source.source_system);
      expect(items.map((item) => item.external_id).sort()).toEqual(seedRows().map((row) => row[0]));
      expect(items.find((item) => item.external_id === "ITEM-03")).toMatchObject({ name: "Item 3", list_price: "3.25" });
      // The cursor keeps the database's own text of the time, microseconds and all.
      const { cursor } = (await f.stream(source.id, "items")) ?? {};
      expect(cursor).toMatchObject({ after: [expect.stringMatching(/^2026-01-01 00:09:00\.00001/), 10] });

      await erp.exec("update erp set descr = ?, updated_at = ? where item_no = ?", [
        "Item 2, renamed",
        "2026-02-01 08:00:00.5",
        "ITEM-02",
      ]);
      await erp.exec("update erp set list_price = ?, updated_at = ? where item_no = ?", [
        "8.0000",
        "2026-02-01 08:00:00.5",
        "ITEM-08",
      ]);
      await f.pull.runNow(ctx, source.id);
      await f.pull.drain();
      expect(await f.lastRun(source)).toMatchObject({ status: "succeeded", trigger: "manual", rows_read: 2, rows_written: 2 });
      const changed = await f.items(source.source_system);
      expect(changed.find((item) => item.external_id === "ITEM-02")).toMatchObject({ name: "Item 2, renamed", version: 2 });
      expect(changed.find((item) => item.external_id === "ITEM-08")).toMatchObject({ list_price: "8", version: 2 });
      expect(changed).toHaveLength(10);
    });

    it("quarantines a row that does not map, as a receipt of the resource's source", async () => {
      await erp.exec("insert into erp (item_no, descr, uom, list_price, updated_at) values (?, ?, ?, ?, ?)", [
        "ITEM-99",
        null,
        "EA",
        "1.0000",
        "2026-03-01 00:00:00",
      ]);
      const source = await connector({
        query: "select id, item_no, descr, uom, list_price, updated_at from erp where item_no = 'ITEM-99' or item_no = 'ITEM-01'",
      });
      await f.pull.drain();
      expect(await f.lastRun(source)).toMatchObject({ status: "succeeded", rows_read: 2, rows_written: 1, rows_quarantined: 1 });
      const [held] = await f.quarantined(source.streams[0]?.source_id as string);
      expect(held?.reason).toMatchObject({ stage: "map", problems: [expect.objectContaining({ path: "descr" })] });
      expect(JSON.parse((await f.ingest.receipts.get(TENANT, held?.id as string)).body)).toMatchObject({
        item_no: "ITEM-99",
        descr: null,
      });
    });

    it("after a fault between a page's write and its cursor, reads the page again and writes nothing twice", async () => {
      const failing = f.another({
        faults: {
          afterWrite: ({ page }) => {
            if (page === 2) throw new Error("lost the database after the page was written");
          },
        },
      });
      const source = await connector({
        query:
          "select id, item_no, descr, uom, list_price, updated_at from erp where item_no like 'ITEM-0%' or item_no = 'ITEM-10'",
      });
      await failing.drain();
      await failing.stop();
      expect(await f.lastRun(source)).toMatchObject({ status: "failed", pages: 1, rows_written: 4 });
      expect(await f.items(source.source_system)).toHaveLength(8);
      await f.pull.runNow(ctx, source.id);
      await f.pull.drain();
      expect(await f.lastRun(source)).toMatchObject({
        status: "succeeded",
        pages: 2,
        rows_read: 6,
        rows_written: 2,
        rows_unchanged: 4,
      });
      const items = await f.items(source.source_system);
      expect(items).toHaveLength(10);
      expect(items.every((item) => item.version === 1)).toBe(true);
    });

    it("fails a run on a bad query without calling it retryable, naming the database's reason", async () => {
      const source = await connector({ query: "select id, item_no, no_such_column, updated_at from erp" });
      await f.pull.drain();
      const run = await f.lastRun(source);
      expect(run.status).toBe("failed");
      expect(run.error).toMatchObject({ retryable: false, message: expect.stringMatching(/no_such_column/) });
    });

    it("fails a run on an unreachable database as retryable", async () => {
      const source = await connector({}, { host: "127.0.0.1", port: 1, timeout_ms: 2_000 });
      await f.pull.drain();
      expect((await f.lastRun(source)).error).toMatchObject({
        retryable: true,
        message: expect.stringMatching(/connecting failed/),
      });
    });

    it("refuses a null in a cursor column, rather than skipping the row", async () => {
      const source = await connector({
        query: "select id, item_no, descr, uom, list_price, null as changed from erp",
        cursor_columns: ["changed", "id"],
      });
      await f.pull.drain();
      expect((await f.lastRun(source)).error).toMatchObject({
        retryable: false,
        message: expect.stringMatching(/may not be null/),
      });
    });

    it("shows the password masked and keeps it out of the audit trail", async () => {
      const password = "a-password-long-enough-1234";
      const source = await connector({}, { password: erp.connection.password ?? password });
      const shown = await f.pull.get(TENANT, source.id);
      const stored = erp.connection.password ?? password;
      expect(shown.connection.password).toBe(`••••${stored.slice(-4)}`);
      expect(JSON.stringify(shown)).not.toContain(stored);
      expect(JSON.stringify(await f.audit(source.id))).not.toContain(stored);
    });
  });
}
