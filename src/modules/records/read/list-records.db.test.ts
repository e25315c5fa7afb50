import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../governance/index.ts";
import { createRecords, type ListQuery, RECORD_TYPE_NAMES, type Records, recordsMigrations, type SalesOrder } from "../index.ts";

const ctx = (tenantId: string) => ({ tenantId, actor: { type: "system" as const, id: "test" } });
const STATUSES = ["open", "released", "shipped", "closed"] as const;
const COUNT = 300;

function day(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** Orders with repeated dates and amounts (ties), and some without a requested date (nulls). */
function order(i: number) {
  return {
    source_system: "erp",
    external_id: `SO-${String(i).padStart(4, "0")}`,
    order_number: `SO-${String(i).padStart(4, "0")}`,
    customer_external_id: `C-${i % 10}`,
    customer_po_number: `PO-${i % 7}-${i}`,
    status: STATUSES[i % 4],
    order_date: day(i % 60),
    requested_date: i % 5 === 0 ? null : day((i % 60) + (i % 7)),
    currency: "USD",
    total_amount: `${(i * 37) % 1000}.25`,
    lines: [{ line_number: 1, item_external_id: `I-${i % 3}`, quantity: 1, uom: "EA", unit_price: 1 }],
  };
}

type Comparable = string | number | null;

/** PostgreSQL's order: NULL is the largest value; ties broken by id in the same direction. */
function compareBy(field: keyof SalesOrder, descending: boolean, numeric = false) {
  return (a: SalesOrder, b: SalesOrder): number => {
    const value = (row: SalesOrder): Comparable => {
      const raw = row[field] as Comparable;
      return raw === null ? null : numeric ? Number(raw) : raw;
    };
    const [x, y] = [value(a), value(b)];
    let result = 0;
    if (x === null || y === null) result = x === y ? 0 : x === null ? 1 : -1;
    else result = x < y ? -1 : x > y ? 1 : 0;
    if (result === 0) result = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return descending ? -result : result;
  };
}

describe("listing records", () => {
  let test: TestDatabase;
  let records: Records;
  let all: SalesOrder[];

  async function everyPage(query: ListQuery): Promise<SalesOrder[]> {
    const seen: SalesOrder[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const result = await records.list("ten_a", "sales_order", { ...query, ...(cursor ? { cursor } : {}) });
      seen.push(...result.data);
      if (!result.next_cursor) return seen;
      expect(result.data.length).toBe(Number(query.limit ?? 50));
      cursor = result.next_cursor;
    }
    throw new Error("pagination did not end");
  }

  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations, recordsMigrations]);
    records = createRecords({ db: test.db });
    // Three batches, so updated_at differs between them and ties within them.
    for (let start = 0; start < COUNT; start += 100) {
      await records.upsert(
        ctx("ten_a"),
        "sales_order",
        Array.from({ length: 100 }, (_, k) => order(start + k)),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await records.upsert(ctx("ten_b"), "sales_order", [order(1), order(2)]);
    all = (await records.list("ten_a", "sales_order", { limit: 1000 })).data;
  });
  afterAll(() => test.drop());

  it("lists a tenant's records, by default in creation order", () => {
    expect(all).toHaveLength(COUNT);
    expect(all.map((row) => row.external_id)).toEqual(Array.from({ length: COUNT }, (_, i) => order(i).external_id));
    expect(all[0]).not.toHaveProperty("lines");
  });

  it.each([
    ["id", "id", false, false],
    ["-id", "id", true, false],
    ["order_date", "order_date", false, false],
    ["-order_date", "order_date", true, false],
    ["requested_date", "requested_date", false, false],
    ["-requested_date", "requested_date", true, false],
    ["total_amount", "total_amount", false, true],
    ["-total_amount", "total_amount", true, true],
    ["updated_at", "updated_at", false, false],
    ["-updated_at", "updated_at", true, false],
  ] as const)("pages through sort=%s with no gaps or repeats", async (sort, field, descending, numeric) => {
    const pages = await everyPage({ sort, limit: 17 });
    expect(pages.map((row) => row.id)).toEqual([...all].sort(compareBy(field, descending, numeric)).map((row) => row.id));
  });

  it("pages through a text sort with no gaps or repeats", async () => {
    const pages = await everyPage({ sort: "-order_number", limit: 23 });
    expect(new Set(pages.map((row) => row.id)).size).toBe(COUNT);
    expect(pages).toHaveLength(COUNT);
  });

  it("pages through a filtered list", async () => {
    const pages = await everyPage({ status: "open,shipped", sort: "-requested_date", order_date_from: day(10), limit: 9 });
    const expected = all
      .filter((row) => ["open", "shipped"].includes(row.status) && row.order_date >= day(10))
      .sort(compareBy("requested_date", true));
    expect(pages.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  it.each([
    [{ status: "released" }, (row: SalesOrder) => row.status === "released"],
    [{ customer_external_id: "C-3" }, (row: SalesOrder) => row.customer_external_id === "C-3"],
    [
      { order_date_from: day(10), order_date_to: day(19) },
      (row: SalesOrder) => row.order_date >= day(10) && row.order_date <= day(19),
    ],
    [{ order_date: day(5) }, (row: SalesOrder) => row.order_date === day(5)],
    [
      { total_amount_min: "500", total_amount_max: "600.25" },
      (row: SalesOrder) => Number(row.total_amount) >= 500 && Number(row.total_amount) <= 600.25,
    ],
    [{ q: "so-001" }, (row: SalesOrder) => row.order_number.startsWith("SO-001")],
    [{ q: "PO-3-" }, (row: SalesOrder) => (row.customer_po_number ?? "").startsWith("PO-3-")],
    [{ q: "so_" }, () => false],
    [{ external_id: "SO-0042", source_system: "erp" }, (row: SalesOrder) => row.external_id === "SO-0042"],
  ] as [ListQuery, (row: SalesOrder) => boolean][])("filters by %j", async (query, predicate) => {
    const result = await records.list("ten_a", "sales_order", { ...query, limit: 1000 });
    const expected = all.filter(predicate).map((row) => row.id);
    expect(result.data.map((row) => row.id)).toEqual(expected);
  });

  it("filters by time of change, from a value a client saw", async () => {
    const firstBatchEnd = all[99]?.updated_at as string;
    const result = await records.list("ten_a", "sales_order", { updated_after: firstBatchEnd, limit: 1000 });
    expect(result.data.map((row) => row.external_id)).toEqual(all.slice(100).map((row) => row.external_id));
  });

  it("includes lines when asked", async () => {
    const result = await records.list("ten_a", "sales_order", { include: "lines", limit: 3 });
    expect(result.data.map((row) => row.lines?.map((line) => line.item_external_id))).toEqual([["I-0"], ["I-1"], ["I-2"]]);
  });

  it("refuses a bad query, naming the parameter", async () => {
    await expect(records.list("ten_a", "sales_order", { status: "lost" })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "status" }],
    });
    await expect(records.list("ten_a", "sales_order", { limit: "0" })).rejects.toMatchObject({ details: [{ path: "limit" }] });
    await expect(records.list("ten_a", "sales_order", { colour: "red" })).rejects.toMatchObject({ code: "validation_failed" });
    const { next_cursor } = await records.list("ten_a", "sales_order", { sort: "order_date", limit: 5 });
    await expect(
      records.list("ten_a", "sales_order", { sort: "-order_date", cursor: next_cursor as string }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("counts every record the filters match when asked, whatever the page", async () => {
    const expected = all.filter((row) => row.status === "open" || row.status === "shipped").length;
    const first = await records.list("ten_a", "sales_order", { status: "open,shipped", limit: 10, total: "true" });
    expect(first.total).toBe(expected);
    expect(first.data).toHaveLength(10);
    const second = await records.list("ten_a", "sales_order", {
      status: "open,shipped",
      limit: 10,
      total: "true",
      cursor: first.next_cursor as string,
    });
    expect(second.total).toBe(expected);
    expect((await records.list("ten_a", "sales_order", { total: "true" })).total).toBe(COUNT);
    expect((await records.list("ten_b", "sales_order", { total: "true" })).total).toBe(2);
    expect((await records.list("ten_a", "sales_order", { q: "nothing-like-this", total: "true" })).total).toBe(0);
    expect(await records.list("ten_a", "sales_order", { limit: 1 })).not.toHaveProperty("total");
    expect(await records.list("ten_a", "sales_order", { limit: 1, total: "false" })).not.toHaveProperty("total");
    await expect(records.list("ten_a", "sales_order", { total: "yes" })).rejects.toMatchObject({ details: [{ path: "total" }] });
  });

  it("sums up every record type for the tenant: how many, and when one last changed", async () => {
    const summary = await records.summary("ten_a");
    expect(summary.data.map((entry) => entry.type)).toEqual(RECORD_TYPE_NAMES);
    const orders = summary.data.find((entry) => entry.type === "sales_order");
    const newest = all
      .map((row) => row.updated_at)
      .sort()
      .at(-1);
    expect(orders).toEqual({
      type: "sales_order",
      path: "sales-orders",
      plural: "sales_orders",
      title: "Sales order",
      count: COUNT,
      last_updated_at: newest,
    });
    expect(summary.data.find((entry) => entry.type === "item")).toMatchObject({ count: 0, last_updated_at: null });
    expect((await records.summary("ten_b")).data.find((entry) => entry.type === "sales_order")?.count).toBe(2);
    expect((await records.summary("ten_nobody")).data.every((entry) => entry.count === 0)).toBe(true);
  });

  it("shows each tenant only its own records", async () => {
    const result = await records.list("ten_b", "sales_order", {});
    expect(result.data.map((row) => row.external_id)).toEqual(["SO-0001", "SO-0002"]);
    const idsOfA = new Set(all.map((row) => row.id));
    expect(result.data.filter((row) => idsOfA.has(row.id))).toEqual([]);
  });
});
