import { describe, expect, it } from "vitest";
import { recordTypes } from "../../records/index.ts";
import { applyMapping } from "./apply-mapping.ts";
import { type CompiledMapping, compileMapping } from "./compile-mapping.ts";

function compile(spec: unknown): CompiledMapping {
  const compiled = compileMapping(spec);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.mapping;
}

const orders = compile({
  version: 1,
  source_system: "erp",
  records: [
    {
      type: "sales_order",
      each: "orders[*]",
      when: { path: "$.event", equals: "order.upserted" },
      fields: {
        external_id: "id",
        order_number: "id",
        customer_external_id: "customer",
        status: { path: "status", map: { values: { O: "open", C: "closed" } } },
        order_date: { path: "date", datetime: { format: "YYYYMMDD" } },
        currency: "currency",
        freight_amount: "freight",
      },
      collections: {
        lines: {
          each: "lines[*]",
          fields: {
            line_number: { first: ["n", { position: 1 }] },
            item_external_id: "sku",
            quantity: "qty",
            uom: { path: "uom", default: "EA" },
            unit_price: "price",
          },
        },
      },
    },
  ],
});

const good = {
  event: "order.upserted",
  orders: [
    { id: "SO-1", customer: "C1", status: "O", date: "20240514", currency: "USD", lines: [{ sku: "A", qty: 2, price: "9.50" }] },
    { id: "SO-2", customer: "C2", status: "C", date: "20240515", currency: "EUR", lines: [] },
  ],
};

describe("applyMapping", () => {
  it("makes a record per element, each row normalised by the records contract", () => {
    const result = applyMapping(orders, good);
    expect(result.problems).toEqual([]);
    expect(result.records.map((record) => record.row.external_id)).toEqual(["SO-1", "SO-2"]);
    expect(result.records[0]).toEqual({
      type: "sales_order",
      row: expect.objectContaining({
        source_system: "erp",
        status: "open",
        order_date: "2024-05-14",
        ship_to_external_id: null,
        attributes: {},
        lines: [expect.objectContaining({ line_number: 1, quantity: "2", uom: "EA", unit_price: "9.5" })],
      }),
    });
    // A row as returned passes the contract again unchanged: what the processor upserts is what was checked.
    const again = recordTypes.sales_order.input.parse(result.records[0]?.row);
    expect(again).toEqual(result.records[0]?.row);
  });

  it("takes the source's source_system over the spec's", () => {
    expect(applyMapping(orders, good, { sourceSystem: "netsuite-eu" }).records[0]?.row.source_system).toBe("netsuite-eu");
    const anonymous = compile({
      version: 1,
      records: [{ type: "location", fields: { external_id: "id", code: "id", name: "id" } }],
    });
    expect(applyMapping(anonymous, { id: "WH1" })).toEqual({
      records: [],
      problems: [{ path: "$", message: "no source_system: the source gives one, or the spec's source_system" }],
    });
    expect(applyMapping(anonymous, { id: "WH1" }, { sourceSystem: "wms" }).records).toHaveLength(1);
  });

  it("reports the contract's verdict at the payload path each value came from", () => {
    const payload = structuredClone(good);
    const first = payload.orders[0] as Record<string, unknown>;
    first.lines = [
      { sku: "A", qty: "two", price: "9.50" },
      { sku: "B", qty: 1, price: "1", n: 1 },
    ];
    first.currency = "XYZ";
    const result = applyMapping(orders, payload);
    expect(result.records.map((record) => record.row.external_id)).toEqual(["SO-2"]);
    expect(result.problems).toEqual([
      { path: "orders[0].currency", message: 'sales_order.currency: XYZ is not an ISO 4217 currency code (got "XYZ")' },
      {
        path: "orders[0].lines[0].qty",
        message: 'sales_order.lines[0].quantity: must be a decimal number, e.g. "12.50" (got "two")',
      },
    ]);
    // Rules across fields run once the fields parse: a repeated line number, at the line that repeats it.
    first.currency = "USD";
    first.lines = [
      { sku: "A", qty: 1, price: "9.50" },
      { sku: "B", qty: 1, price: "1", n: 1 },
    ];
    expect(applyMapping(orders, payload).problems).toEqual([
      { path: "orders[0].lines[1].n", message: "sales_order.lines[1].line_number: repeats lines.0.line_number (got 1)" },
    ]);
  });

  it("reports mapping problems at their payload paths, and does not repeat them as the contract's", () => {
    const payload = { event: "order.upserted", orders: [{ id: "SO-3", status: "X", date: "2024/05/14", currency: "USD" }] };
    expect(applyMapping(orders, payload).problems).toEqual([
      { path: "orders[0].customer", message: "sales_order.customer_external_id: is required, but orders[0].customer is missing" },
      { path: "orders[0].status", message: 'sales_order.status: "X" is not in the map (O, C) and it has no fallback' },
      { path: "orders[0].date", message: 'sales_order.order_date: "2024/05/14" does not match the format YYYYMMDD' },
    ]);
  });

  it("reports a money amount without its currency where the amount came from", () => {
    const shipment = compile({
      version: 1,
      source_system: "tms",
      records: [
        {
          type: "shipment",
          fields: {
            external_id: "id",
            shipment_number: "id",
            direction: { const: "outbound" },
            status: { const: "planned" },
            freight_cost: "cost.amount",
            currency: "cost.currency",
          },
        },
      ],
    });
    expect(applyMapping(shipment, { id: "S1", cost: { amount: "12.00" } }).problems).toEqual([
      { path: "cost.amount", message: 'shipment.freight_cost: needs a currency: set currency (got "12.00")' },
    ]);
  });

  it("says when no template matches, or ignores the payload when the spec says so", () => {
    expect(applyMapping(orders, { event: "order.deleted", orders: [{ id: "SO-1" }] }).problems).toEqual([
      {
        path: "$",
        message:
          'no record template matches this payload: records[0] (sales_order) wants {"path":"$.event","equals":"order.upserted"}',
      },
    ]);
    expect(applyMapping(orders, { event: "order.upserted", orders: [] }).problems).toEqual([
      { path: "$", message: "no record template matches this payload: records[0] (sales_order): orders[*] is empty or missing" },
    ]);
    const ignoring = compile({ ...orders.spec, unmatched: "ignore" });
    expect(applyMapping(ignoring, { event: "order.deleted" })).toEqual({ records: [], problems: [] });
  });

  it("requires a line collection to have elements when it says so", () => {
    const spec = structuredClone(orders.spec);
    const lines = spec.records[0]?.collections?.lines;
    if (lines) lines.required = true;
    expect(applyMapping(compile(spec), good).problems).toEqual([
      { path: "orders[1].lines[*]", message: "sales_order.lines: needs at least one element, and lines[*] gives none" },
    ]);
  });

  it.each([
    ["a string", "hello"],
    ["a number", 42],
    ["null", null],
    ["a list", [1, 2, 3]],
    ["undefined", undefined],
    ["orders as text", { event: "order.upserted", orders: "SO-1" }],
    ["an order as a list", { event: "order.upserted", orders: [[1, 2]] }],
    ["lines as a number", { event: "order.upserted", orders: [{ ...good.orders[0], lines: 7 }] }],
  ])("returns problems, never throws, for %s", (_, payload) => {
    const result = applyMapping(orders, payload);
    expect(result.records).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) expect(problem.path).toMatch(/^(\$|orders)/);
  });

  it("turns an exception from a strange payload into a problem", () => {
    const payload = {
      event: "order.upserted",
      get orders() {
        throw new Error("boom");
      },
    };
    expect(applyMapping(orders, payload)).toEqual({
      records: [],
      problems: [{ path: "$", message: "the mapping stopped on an unexpected error: Error: boom" }],
    });
  });
});

describe("limits", () => {
  it("refuses more lines than the record type takes", () => {
    const lines = Array.from({ length: 5_001 }, (_, index) => ({ sku: `I${index}`, qty: 1, price: 1, n: index + 1 }));
    const result = applyMapping(orders, { event: "order.upserted", orders: [{ ...good.orders[0], lines }] });
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([
      { path: "orders[0].lines[*]", message: "sales_order.lines: more than 5000 elements (the most a sales_order takes)" },
    ]);
  });

  it("refuses more records than one payload may make", () => {
    const many = Array.from({ length: 10_001 }, (_, index) => ({ ...good.orders[1], id: `SO-${index}` }));
    expect(applyMapping(orders, { event: "order.upserted", orders: many })).toEqual({
      records: [],
      problems: [{ path: "orders[*]", message: "records[0] (sales_order): more records than one payload may make (10000)" }],
    });
  });

  it("stops a payload that needs more than a million values", () => {
    const wide = compile({
      version: 1,
      source_system: "erp",
      records: [
        {
          type: "item",
          each: "items[*]",
          fields: { external_id: "sku", sku: "sku", name: "sku", base_uom: { const: "EA" } },
          attributes: Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`a${index}`, `a${index}`])),
        },
      ],
    });
    const result = applyMapping(wide, { items: Array.from({ length: 10_000 }, (_, index) => ({ sku: `S${index}` })) });
    expect(result.records).toEqual([]);
    expect(result.problems.at(-1)).toEqual({
      path: "$",
      message: "the payload is too large to map: it needs more than 1000000 values",
    });
  });

  it("refuses to copy a deeply nested value into attributes, and reads past deep nesting without overflowing", () => {
    let deep: unknown = { end: true };
    for (let depth = 0; depth < 100_000; depth++) deep = { next: deep };
    const mapping = compile({
      version: 1,
      source_system: "erp",
      records: [
        {
          type: "location",
          fields: { external_id: "id", code: "id", name: "id" },
          attributes: { tree: "tree", first: "tree.next.next" },
        },
      ],
    });
    const result = applyMapping(mapping, { id: "WH1", tree: deep });
    expect(result.problems).toEqual([
      { path: "tree", message: "location.attributes.tree: is nested more than 32 levels deep" },
      { path: "tree.next.next", message: "location.attributes.first: is nested more than 32 levels deep" },
    ]);
  });

  it("reports at most 100 problems, and counts the rest", () => {
    const bad = Array.from({ length: 150 }, (_, index) => ({
      id: `SO-${index}`,
      customer: "C",
      status: "?",
      date: "20240101",
      currency: "USD",
    }));
    const result = applyMapping(orders, { event: "order.upserted", orders: bad });
    expect(result.problems).toHaveLength(101);
    expect(result.problems.at(-1)).toEqual({ path: "$", message: "and 50 more problems" });
  });
});

describe("payloads from other readers", () => {
  it("maps a CSV row, whose headers need brackets", () => {
    const mapping = compile({
      version: 1,
      source_system: "erp-export",
      records: [
        {
          type: "inventory_balance",
          fields: {
            external_id: { template: '{["Item No"]}@{Whse}' },
            item_external_id: '["Item No"]',
            location_external_id: "Whse",
            quantity_on_hand: { path: '["On Hand"]', trim: true },
            uom: { const: "EA" },
            as_of: { path: '["As Of"]', datetime: { format: "MM/DD/YYYY", timezone: "America/New_York" } },
          },
        },
      ],
    });
    const result = applyMapping(mapping, { "Item No": "VLV-1", Whse: "ATL1", "On Hand": " 140 ", "As Of": "05/14/2024" });
    expect(result.problems).toEqual([]);
    expect(result.records[0]?.row).toMatchObject({
      external_id: "VLV-1@ATL1",
      quantity_on_hand: "140",
      as_of: "2024-05-14T04:00:00.000Z",
    });
  });

  it("maps an EDI 850 as the X12 reader gives it, choosing parties by their role", () => {
    const mapping = compile({
      version: 1,
      source_system: "edi-acme",
      records: [
        {
          type: "sales_order",
          fields: {
            external_id: "po_number",
            order_number: "po_number",
            customer_po_number: "po_number",
            customer_external_id: "parties[role=BY].id",
            ship_to_external_id: "parties[role=ST].id",
            status: { const: "open" },
            order_date: "order_date",
            requested_date: "requested_date",
            channel: { const: "edi" },
            currency: { path: "currency", default: "USD" },
            total_amount: "total_amount",
          },
          collections: {
            lines: {
              each: "lines[*]",
              fields: {
                line_number: { position: 1 },
                item_external_id: { first: ["vendor_part_number", "buyer_part_number"] },
                customer_part_number: "buyer_part_number",
                quantity: "quantity",
                uom: "uom",
                unit_price: "unit_price",
                requested_date: { first: ["dates[qualifier=002].date", "^.requested_date"] },
              },
            },
          },
        },
      ],
    });
    const read = {
      transaction: "850",
      po_number: "4500098812",
      order_date: "2024-05-13",
      requested_date: "2024-05-20",
      currency: null,
      total_amount: "1160",
      parties: [
        { role: "BY", id: "ACME-HQ", name: "Acme Mechanical" },
        { role: "ST", id: "ACME-0042", name: "Acme Dock 4" },
      ],
      lines: [
        {
          line_number: "0001",
          buyer_part_number: "AC-2291",
          vendor_part_number: "VLV-BALL-1IN-BR",
          quantity: "40",
          uom: "EA",
          unit_price: "23.5",
          dates: [],
        },
        {
          line_number: "0002",
          buyer_part_number: "AC-3310",
          vendor_part_number: null,
          quantity: "12",
          uom: "CA",
          unit_price: "18.33",
          dates: [{ qualifier: "002", date: "2024-05-27" }],
        },
      ],
    };
    const result = applyMapping(mapping, read);
    expect(result.problems).toEqual([]);
    expect(result.records[0]?.row).toMatchObject({
      customer_external_id: "ACME-HQ",
      ship_to_external_id: "ACME-0042",
      currency: "USD",
      lines: [
        { line_number: 1, item_external_id: "VLV-BALL-1IN-BR", requested_date: "2024-05-20" },
        { line_number: 2, item_external_id: "AC-3310", customer_part_number: "AC-3310", requested_date: "2024-05-27" },
      ],
    });
  });
});
