import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../governance/index.ts";
import { createRecords, type Records, recordsMigrations } from "../index.ts";

const ctx = (tenantId: string) => ({ tenantId, actor: { type: "system" as const, id: "test" } });

const customer = (source: string, n: number) => ({
  source_system: source,
  external_id: `C-${n}`,
  account_number: `A-${n}`,
  name: `Customer ${n}`,
});

const order = (source: string, n: number, customerN: number) => ({
  source_system: source,
  external_id: `SO-${n}`,
  order_number: `SO-${n}`,
  customer_external_id: `C-${customerN}`,
  status: "open",
  order_date: "2024-05-01",
  currency: "USD",
  lines: [{ line_number: 1, item_external_id: "I-1", quantity: 2, uom: "EA", unit_price: "1.5" }],
});

describe("batched reads by key and by reference", () => {
  let test: TestDatabase;
  let records: Records;

  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations, recordsMigrations]);
    records = createRecords({ db: test.db });
    await records.upsert(ctx("ten_a"), "customer", [customer("erp", 1), customer("erp", 2), customer("crm", 1)]);
    // Customer 1 of the ERP has 7 orders, customer 2 one; the CRM's customer 1 has one of its own.
    await records.upsert(ctx("ten_a"), "sales_order", [
      ...Array.from({ length: 7 }, (_, i) => order("erp", i, 1)),
      order("erp", 100, 2),
      order("crm", 200, 1),
    ]);
    await records.upsert(ctx("ten_b"), "customer", [customer("erp", 1), customer("erp", 3)]);
    await records.upsert(ctx("ten_b"), "sales_order", [order("erp", 900, 1)]);
  });
  afterAll(() => test.drop());

  it("reads many records by (source_system, external_id) in one call, only the tenant's own", async () => {
    const found = await records.getManyByExternalId("ten_a", "customer", [
      { source_system: "erp", external_id: "C-1" },
      { source_system: "erp", external_id: "C-1" },
      { source_system: "crm", external_id: "C-1" },
      { source_system: "erp", external_id: "C-3" },
      { source_system: "erp", external_id: "C-404" },
    ]);
    expect(found.map((row) => `${row.source_system}/${row.external_id}`).sort()).toEqual(["crm/C-1", "erp/C-1"]);
    expect(await records.getManyByExternalId("ten_a", "customer", [])).toEqual([]);
    const orders = await records.getManyByExternalId("ten_a", "sales_order", [{ source_system: "erp", external_id: "SO-1" }]);
    expect(orders[0]?.lines).toEqual([expect.objectContaining({ line_number: 1, unit_price: "1.5" })]);
  });

  it("lists, for each key, the first page of records referencing it, with a cursor list continues from", async () => {
    const keys = [
      { source_system: "erp", external_id: "C-1" },
      { source_system: "erp", external_id: "C-2" },
      { source_system: "crm", external_id: "C-1" },
      { source_system: "erp", external_id: "C-3" },
    ];
    const pages = await records.listByRef("ten_a", "sales_order", "customer_external_id", keys, { limit: 3 });
    expect(pages.map((page) => page.data.map((row) => row.external_id))).toEqual([
      ["SO-0", "SO-1", "SO-2"],
      ["SO-100"],
      ["SO-200"],
      [],
    ]);
    expect(pages.map((page) => page.total)).toEqual([7, 1, 1, 0]);
    expect(pages.map((page) => page.next_cursor === null)).toEqual([false, true, true, true]);
    expect(pages[0]?.data[0]).not.toHaveProperty("lines");

    const rest = await records.list("ten_a", "sales_order", {
      source_system: "erp",
      customer_external_id: "C-1",
      cursor: pages[0]?.next_cursor ?? "",
      limit: 10,
    });
    expect(rest.data.map((row) => row.external_id)).toEqual(["SO-3", "SO-4", "SO-5", "SO-6"]);

    const withLines = await records.listByRef("ten_a", "sales_order", "customer_external_id", keys.slice(1, 2), {
      include: ["lines"],
    });
    expect(withLines[0]?.data[0]?.lines).toHaveLength(1);
  });

  it("sees another tenant's records under the same keys not at all", async () => {
    const [pageB] = await records.listByRef("ten_b", "sales_order", "customer_external_id", [
      { source_system: "erp", external_id: "C-1" },
    ]);
    expect(pageB?.data.map((row) => row.external_id)).toEqual(["SO-900"]);
    expect(pageB?.total).toBe(1);
  });

  it("refuses a field that is not a listable reference, and more keys than one read takes", async () => {
    await expect(records.listByRef("ten_a", "sales_order", "order_number", [])).rejects.toThrow(/not a reference/);
    const many = Array.from({ length: 1001 }, (_, i) => ({ source_system: "erp", external_id: `C-${i}` }));
    await expect(records.getManyByExternalId("ten_a", "customer", many)).rejects.toThrow(/At most 1000/);
  });
});
