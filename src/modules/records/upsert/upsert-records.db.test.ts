import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations, rows, withSystem, withTenant } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase, usingServer } from "../../../platform/testing/test-database.ts";
import { governanceMigrations, verifyChain } from "../../governance/index.ts";
import { createRecords, type Records, recordsMigrations } from "../index.ts";

const actor = { type: "api_key" as const, id: "key_erp", label: "erp sync" };
const tenantA = { tenantId: "ten_a", actor, requestId: "req_1" };
const tenantB = { tenantId: "ten_b", actor, requestId: "req_2" };

const order = (externalId: string, extra: Record<string, unknown> = {}) => ({
  source_system: "erp",
  external_id: externalId,
  order_number: externalId,
  customer_external_id: "C-100",
  status: "open",
  order_date: "2024-05-01",
  currency: "USD",
  total_amount: "150.00",
  lines: [
    { line_number: 1, item_external_id: "I-1", quantity: 10, uom: "EA", unit_price: "12.50" },
    { line_number: 2, item_external_id: "I-2", quantity: "2", uom: "BX", unit_price: 12.5 },
  ],
  ...extra,
});

type EventRow = { type: string; subject_id: string; payload: Record<string, unknown>; actor: string; request_id: string };

describe("upserting records", () => {
  let test: TestDatabase;
  let records: Records;
  const eventsOf = (tenantId: string, subjectId: string) =>
    withTenant(test.db, tenantId, (tx) =>
      rows<EventRow>(
        tx,
        sql`select type, subject_id, payload, actor, request_id from platform.events where subject_id = ${subjectId} order by seq`,
      ),
    );
  const auditCount = (tenantId: string) =>
    withTenant(test.db, tenantId, async (tx) =>
      Number((await rows<{ n: string }>(tx, sql`select count(*) as n from governance.audit_entries`))[0]?.n),
    );

  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations, recordsMigrations]);
    records = createRecords({ db: test.db });
  });
  afterAll(() => test.drop());

  it("inserts new records with their lines and one event each", async () => {
    const result = await records.upsert(tenantA, "sales_order", [order("SO-1"), order("SO-2")]);
    expect(result).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: [] });
    expect(result.results.map((row) => row.status)).toEqual(["inserted", "inserted"]);
    const id = result.results[0]?.id as string;
    expect(id).toMatch(/^so_[0-9a-z]{26}$/);

    const stored = await records.get("ten_a", "sales_order", id);
    expect(stored).toMatchObject({
      id,
      external_id: "SO-1",
      version: 1,
      total_amount: "150",
      status: "open",
      ship_to_external_id: null,
      attributes: {},
    });
    expect(stored.lines?.map((line) => [line.line_number, line.quantity, line.unit_price])).toEqual([
      [1, "10", "12.5"],
      [2, "2", "12.5"],
    ]);
    expect(stored.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const events = await eventsOf("ten_a", id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "records.sales_order.upserted",
      actor: "api_key:key_erp",
      request_id: "req_1",
      payload: {
        id,
        version: 1,
        change: "inserted",
        external_id: "SO-1",
        total_amount: "150",
        lines: [{ line_number: 1 }, { line_number: 2 }],
      },
    });
  });

  it("updates a changed record: version up, lines replaced, an `updated` event", async () => {
    const result = await records.upsert(tenantA, "sales_order", [
      order("SO-1", {
        status: "released",
        lines: [{ line_number: 3, item_external_id: "I-9", quantity: 1, uom: "CS", unit_price: 99 }],
      }),
    ]);
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const id = result.results[0]?.id as string;
    const stored = await records.get("ten_a", "sales_order", id);
    expect(stored).toMatchObject({ version: 2, status: "released" });
    expect(stored.lines).toEqual([expect.objectContaining({ line_number: 3, item_external_id: "I-9", unit_price: "99" })]);
    expect(stored.updated_at >= stored.created_at).toBe(true);

    const events = await eventsOf("ten_a", id);
    expect(events.map((event) => [event.payload.version, event.payload.change])).toEqual([
      [1, "inserted"],
      [2, "updated"],
    ]);
    expect(events[1]?.payload.lines).toEqual([expect.objectContaining({ line_number: 3 })]);
  });

  it("grows and shrinks lines, and leaves identical lines untouched", async () => {
    const lines = (numbers: number[]) =>
      numbers.map((n) => ({ line_number: n, item_external_id: `I-${n}`, quantity: n, uom: "EA", unit_price: 1 }));
    const { results } = await records.upsert(tenantA, "sales_order", [order("SO-L", { lines: lines([1]) })]);
    const id = results[0]?.id as string;
    const lineVersions = () =>
      withSystem(test.db, (tx) =>
        rows<{ position: number; xmin: string }>(
          tx,
          sql`select position, xmin::text as xmin from records.sales_order_lines where parent_id = ${id} order by position`,
        ),
      );

    await records.upsert(tenantA, "sales_order", [order("SO-L", { lines: lines([1, 2, 3]) })]);
    expect((await records.get("ten_a", "sales_order", id)).lines?.map((line) => line.line_number)).toEqual([1, 2, 3]);

    const before = await lineVersions();
    await records.upsert(tenantA, "sales_order", [order("SO-L", { status: "on_hold", lines: lines([1, 2, 3]) })]);
    expect(await lineVersions()).toEqual(before);

    await records.upsert(tenantA, "sales_order", [order("SO-L", { lines: lines([2]) })]);
    expect((await records.get("ten_a", "sales_order", id)).lines?.map((line) => line.line_number)).toEqual([2]);
  });

  // On PGlite one transaction runs at a time (a single connection), so none can change the record meanwhile.
  it.skipIf(!usingServer())(
    "replaces lines right when another transaction changed the record meanwhile (PostgreSQL server only)",
    async () => {
      const { results } = await records.upsert(tenantA, "sales_order", [order("SO-R")]);
      const id = results[0]?.id as string;
      const other = await test.db.pool.connect();
      try {
        // Another writer holds a new version of the record with a third line, not yet committed.
        await other.query("begin");
        await other.query("select set_config('crossdock.tenant_id', 'ten_a', true), set_config('role', 'crossdock_app', true)");
        await other.query("update records.sales_orders set version = version + 1, content_hash = 'other' where id = $1", [id]);
        await other.query(
          "insert into records.sales_order_lines (tenant_id, parent_id, position, line_number, item_external_id, quantity, uom, unit_price) values ('ten_a', $1, 2, 9, 'I-X', 1, 'EA', 1)",
          [id],
        );
        // This upsert's statement starts now, so its snapshot cannot see that third line; it waits for the lock.
        const pending = records.upsert(tenantA, "sales_order", [order("SO-R", { status: "released" })]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await other.query("commit");
        expect(await pending).toMatchObject({ updated: 1 });
      } finally {
        other.release();
      }
      const stored = await records.get("ten_a", "sales_order", id);
      expect(stored).toMatchObject({ version: 3, status: "released" });
      expect(stored.lines?.map((line) => line.line_number)).toEqual([1, 2]);
    },
  );

  it("skips a record whose content did not change: no version, no event", async () => {
    const before = await records.getByExternalId("ten_a", "sales_order", "erp", "SO-2");
    // The same content, spelled differently: numbers for decimals, other key order, lower-case currency.
    const same = { ...order("SO-2"), currency: "usd", total_amount: 150 };
    const result = await records.upsert(tenantA, "sales_order", [same]);
    expect(result).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(result.results[0]).toEqual({ index: 0, external_id: "SO-2", id: before.id, status: "unchanged" });
    const after = await records.get("ten_a", "sales_order", before.id);
    expect(after).toMatchObject({ version: 1, updated_at: before.updated_at });
    expect(await eventsOf("ten_a", before.id)).toHaveLength(1);
  });

  it("in atomic mode writes nothing when any row is invalid, and names every problem", async () => {
    const audits = await auditCount("ten_a");
    const attempt = records.upsert(tenantA, "sales_order", [
      order("SO-3"),
      order("SO-4", { order_date: "2024-02-30", priority: "high", total_amount: true }),
      { external_id: "SO-5" },
    ]);
    await expect(attempt).rejects.toMatchObject({
      code: "validation_failed",
      status: 422,
      details: expect.arrayContaining([
        expect.objectContaining({ index: 1, external_id: "SO-4", path: "order_date" }),
        expect.objectContaining({ index: 1, external_id: "SO-4", path: "priority", code: "unknown_field" }),
        expect.objectContaining({
          index: 1,
          external_id: "SO-4",
          path: "total_amount",
          message: expect.stringMatching(/decimal number/),
        }),
        expect.objectContaining({ index: 2, external_id: "SO-5", path: "source_system", message: "is required" }),
        expect.objectContaining({ index: 2, path: "order_number", message: "is required" }),
      ]),
    });
    await expect(records.getByExternalId("ten_a", "sales_order", "erp", "SO-3")).rejects.toMatchObject({ code: "not_found" });
    expect(await auditCount("ten_a")).toBe(audits);
  });

  it("in partial mode writes the valid rows and reports the others", async () => {
    const result = await records.upsert(
      tenantA,
      "sales_order",
      [order("SO-3"), order("SO-4", { currency: "XXQ" }), order("SO-6")],
      { mode: "partial" },
    );
    expect(result).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    expect(result.rejected).toEqual([expect.objectContaining({ index: 1, external_id: "SO-4", path: "currency" })]);
    expect(result.results.map((row) => [row.external_id, row.status, row.id === null])).toEqual([
      ["SO-3", "inserted", false],
      ["SO-4", "rejected", true],
      ["SO-6", "inserted", false],
    ]);
    await expect(records.getByExternalId("ten_a", "sales_order", "erp", "SO-4")).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a record twice in one batch, naming the first", async () => {
    await expect(
      records.upsert(tenantA, "sales_order", [order("SO-7"), order("SO-7", { status: "closed" })]),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: [
        expect.objectContaining({
          index: 1,
          external_id: "SO-7",
          code: "duplicate_in_batch",
          message: expect.stringContaining("row 0"),
        }),
      ],
    });
    const partial = await records.upsert(tenantA, "sales_order", [order("SO-7"), order("SO-7", { status: "closed" })], {
      mode: "partial",
    });
    expect(partial.results.map((row) => row.status)).toEqual(["inserted", "rejected"]);
    expect(await records.getByExternalId("ten_a", "sales_order", "erp", "SO-7")).toMatchObject({ status: "open" });
  });

  it("writes one audit entry per batch, on a chain that verifies", async () => {
    const before = await auditCount("ten_a");
    const result = await records.upsert(tenantA, "item", [
      {
        source_system: "erp",
        external_id: "I-1",
        sku: "BOLT-1",
        name: "Hex bolt",
        base_uom: "EA",
        uom_conversions: [{ uom: "BX", quantity_in_base: 100 }],
      },
      { source_system: "erp", external_id: "I-2", sku: "NUT-1", name: "Hex nut", base_uom: "EA" },
    ]);
    expect(await auditCount("ten_a")).toBe(before + 1);
    const [entry] = await withTenant(test.db, "ten_a", (tx) =>
      rows<{
        action: string;
        resource_type: string;
        resource_id: string;
        actor_id: string;
        request_id: string;
        data: Record<string, unknown>;
      }>(
        tx,
        sql`select action, resource_type, resource_id, actor_id, request_id, data from governance.audit_entries order by seq desc limit 1`,
      ),
    );
    expect(entry).toMatchObject({
      action: "records.item.upserted",
      resource_type: "item",
      resource_id: "batch",
      actor_id: "key_erp",
      request_id: "req_1",
      data: {
        inserted: 2,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        ids: result.results.map((row) => row.id),
      },
    });
    expect(await withTenant(test.db, "ten_a", (tx) => verifyChain(tx, "ten_a"))).toMatchObject({ ok: true, entries: before + 1 });
  });

  it("keeps tenants apart, even for the same external id", async () => {
    const ofA = await records.getByExternalId("ten_a", "sales_order", "erp", "SO-1");
    const result = await records.upsert(tenantB, "sales_order", [order("SO-1", { total_amount: "1.00" })]);
    expect(result).toMatchObject({ inserted: 1, updated: 0 });
    const idOfB = result.results[0]?.id as string;
    expect(idOfB).not.toBe(ofA.id);

    expect(await records.get("ten_a", "sales_order", ofA.id)).toMatchObject({ version: 2, total_amount: "150" });
    await expect(records.get("ten_b", "sales_order", ofA.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(records.history("ten_b", "sales_order", ofA.id)).rejects.toMatchObject({ code: "not_found" });
    const listed = await records.list("ten_b", "sales_order", {});
    expect(listed.data.map((row) => row.id)).toEqual([idOfB]);
    expect(await eventsOf("ten_b", ofA.id)).toEqual([]);
  });

  it("writes nothing, events and audit included, when the database refuses part of a batch", async () => {
    // Make the database itself fail on one row, after validation has passed.
    await withSystem(test.db, async (tx) => {
      await tx.execute(sql`create function records.test_refuse() returns trigger language plpgsql as $$
        begin if new.sku = 'REFUSE' then raise exception 'refused by test trigger'; end if; return new; end $$`);
      await tx.execute(
        sql`create trigger test_refuse before insert or update on records.items for each row execute function records.test_refuse()`,
      );
    });
    const audits = await auditCount("ten_a");
    const events = await withTenant(
      test.db,
      "ten_a",
      async (tx) => (await rows<{ n: string }>(tx, sql`select count(*) as n from platform.events`))[0]?.n,
    );
    await expect(
      records.upsert(tenantA, "item", [
        { source_system: "erp", external_id: "I-3", sku: "OK-1", name: "Fine", base_uom: "EA" },
        { source_system: "erp", external_id: "I-4", sku: "REFUSE", name: "Refused", base_uom: "EA" },
      ]),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ message: "refused by test trigger" }) });
    await withSystem(test.db, (tx) => tx.execute(sql`drop trigger test_refuse on records.items`));

    await expect(records.getByExternalId("ten_a", "item", "erp", "I-3")).rejects.toMatchObject({ code: "not_found" });
    expect(await auditCount("ten_a")).toBe(audits);
    expect(
      await withTenant(
        test.db,
        "ten_a",
        async (tx) => (await rows<{ n: string }>(tx, sql`select count(*) as n from platform.events`))[0]?.n,
      ),
    ).toBe(events);
  });

  it("keeps the history of a record, oldest first", async () => {
    const { id } = await records.getByExternalId("ten_a", "sales_order", "erp", "SO-1");
    const history = await records.history("ten_a", "sales_order", id);
    expect(history.map((entry) => [entry.version, entry.change, entry.record.status])).toEqual([
      [1, "inserted", "open"],
      [2, "updated", "released"],
    ]);
    expect(history[0]).toMatchObject({ actor: "api_key:key_erp", request_id: "req_1", record: { id, lines: expect.any(Array) } });
    expect(await records.history("ten_a", "sales_order", id, { afterVersion: 1 })).toHaveLength(1);
  });

  it("answers not found for ids of another type or unknown types", async () => {
    const { id } = await records.getByExternalId("ten_a", "item", "erp", "I-1");
    await expect(records.get("ten_a", "sales_order", id)).rejects.toMatchObject({ code: "not_found" });
    await expect(records.get("ten_a", "widget" as never, id)).rejects.toThrow(/no record type "widget"/);
  });

  it("refuses text PostgreSQL cannot store, before it reaches the database", async () => {
    await expect(
      records.upsert(tenantA, "item", [{ source_system: "erp", external_id: "I-5", sku: "A\u0000B", name: "n", base_uom: "EA" }]),
    ).rejects.toMatchObject({
      details: [expect.objectContaining({ path: "sku", message: expect.stringMatching(/NUL/) })],
    });
  });
});
