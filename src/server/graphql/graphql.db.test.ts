import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RECORD_TYPES } from "../../modules/records/index.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";
import { GRAPHQL_PATH } from "./graphql-routes.ts";

const STATUSES = ["open", "released", "shipped", "closed"] as const;
const ORDERS = 60;
const pad = (n: number) => String(n).padStart(3, "0");

const customer = (n: number, name = `Customer ${n}`) => ({
  source_system: "erp",
  external_id: `C-${n}`,
  account_number: `A-${n}`,
  name,
  status: n === 3 ? "on_hold" : "active",
  currency: "USD",
  credit_limit: "25000.00",
});

const item = (n: number) => ({
  source_system: "erp",
  external_id: `I-${n}`,
  sku: `SKU-${n}`,
  name: `Item ${n}`,
  base_uom: "EA",
  uom_conversions: n === 1 ? [{ uom: "CS", quantity_in_base: 12 }] : [],
});

/** Orders with two lines each, spread over three customers, four statuses and 28 days. */
const order = (n: number, extra: Record<string, unknown> = {}) => ({
  source_system: "erp",
  external_id: `SO-${pad(n)}`,
  order_number: `SO-${pad(n)}`,
  customer_external_id: `C-${(n % 3) + 1}`,
  status: STATUSES[n % 4],
  order_date: `2024-01-${String((n % 28) + 1).padStart(2, "0")}`,
  currency: "USD",
  total_amount: `${n * 10}.50`,
  lines: [
    { line_number: 1, item_external_id: `I-${(n % 3) + 1}`, quantity: "2.5", uom: "EA", unit_price: "4.20" },
    { line_number: 2, item_external_id: `I-${((n + 1) % 3) + 1}`, quantity: 1, uom: "CS", unit_price: 50 },
  ],
  ...extra,
});

const shipment = (n: number, orderN: number, extra: Record<string, unknown> = {}) => ({
  source_system: "erp",
  external_id: `SH-${n}`,
  shipment_number: `SH-${n}`,
  direction: "outbound",
  status: "in_transit",
  sales_order_external_id: `SO-${pad(orderN)}`,
  customer_external_id: `C-${(orderN % 3) + 1}`,
  freight_cost: "12.3",
  currency: "EUR",
  ...extra,
});

const ORDER_WITH_EVERYTHING = `
  query Order($source: String!, $id: String!) {
    sales_order(source_system: $source, external_id: $id) {
      id order_number status order_date total_amount { amount currency } created_at
      customer { account_number name credit_limit { amount currency } }
      lines {
        line_number quantity uom unit_price { amount currency }
        item { sku name uom_conversions { uom quantity_in_base } }
      }
      shipments { total next_cursor items { shipment_number status freight_cost { amount currency } tracking_events { occurred_at status } } }
    }
  }`;

describe("GraphQL over the canonical records", () => {
  let server: TestServer;
  let keyA: string;
  let keyB: string;
  let slugA: string;

  const gql = (token: string | undefined, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    server.request("POST", GRAPHQL_PATH, { token, json: { query, variables }, ...(headers ? { headers } : {}) });

  async function load(token: string, path: string, rows: unknown[]) {
    const response = await server.request("POST", `/api/v1/records/${path}`, { token, json: rows });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }

  beforeAll(async () => {
    server = await createTestServer();
    const a = await server.createTenantWithKey("gql-a");
    const b = await server.createTenantWithKey("gql-b");
    [keyA, keyB, slugA] = [a.key, b.key, a.tenant.slug];
    await load(
      keyA,
      "customers",
      [1, 2, 3].map((n) => customer(n)),
    );
    await load(keyA, "items", [1, 2, 3].map(item));
    await load(
      keyA,
      "sales-orders",
      Array.from({ length: ORDERS }, (_, i) => order(i + 1)),
    );
    await load(keyA, "shipments", [
      shipment(1, 1, {
        tracking_events: [
          { occurred_at: "2024-02-01T08:00:00-05:00", status: "picked_up" },
          { occurred_at: "2024-02-02T10:30:00Z", status: "in_transit" },
        ],
      }),
      shipment(2, 1, { status: "delivered" }),
      shipment(3, 2),
    ]);
    // Tenant B uses the same external ids for records of its own.
    await load(keyB, "customers", [customer(2, "Bee Customer")]);
    await load(keyB, "sales-orders", [order(1, { total_amount: "1.00" })]);
    await load(keyB, "shipments", [shipment(9, 1)]);
  });
  afterAll(() => server.close());

  it("reads an order with its lines, customer, items and shipments in one query, money and decimals exact", async () => {
    const response = await gql(keyA, ORDER_WITH_EVERYTHING, { source: "erp", id: "SO-001" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.body.errors).toBeUndefined();
    const found = response.body.data.sales_order;
    expect(found).toMatchObject({
      order_number: "SO-001",
      status: "released",
      order_date: "2024-01-02",
      total_amount: { amount: "10.5", currency: "USD" },
      customer: { account_number: "A-2", name: "Customer 2", credit_limit: { amount: "25000", currency: "USD" } },
    });
    expect(found.id).toMatch(/^so_/);
    expect(found.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(found.lines).toEqual([
      {
        line_number: 1,
        quantity: "2.5",
        uom: "EA",
        unit_price: { amount: "4.2", currency: "USD" },
        item: { sku: "SKU-2", name: "Item 2", uom_conversions: [] },
      },
      {
        line_number: 2,
        quantity: "1",
        uom: "CS",
        unit_price: { amount: "50", currency: "USD" },
        item: { sku: "SKU-3", name: "Item 3", uom_conversions: [] },
      },
    ]);
    expect(found.shipments).toEqual({
      total: 2,
      next_cursor: null,
      items: [
        {
          shipment_number: "SH-1",
          status: "in_transit",
          freight_cost: { amount: "12.3", currency: "EUR" },
          tracking_events: [
            { occurred_at: "2024-02-01T13:00:00.000Z", status: "picked_up" },
            { occurred_at: "2024-02-02T10:30:00.000Z", status: "in_transit" },
          ],
        },
        { shipment_number: "SH-2", status: "delivered", freight_cost: { amount: "12.3", currency: "EUR" }, tracking_events: [] },
      ],
    });

    const byId = await gql(keyA, `query($id: ID!) { sales_order(id: $id) { order_number } }`, { id: found.id });
    expect(byId.body.data.sales_order).toEqual({ order_number: "SO-001" });
    const missing = await gql(
      keyA,
      `{ sales_order(source_system: "erp", external_id: "SO-404") { id } customer(id: "so_x") { id } }`,
    );
    expect(missing.body).toEqual({ data: { sales_order: null, customer: null } });
  });

  it("reads 50 orders with their customers, lines' items and shipments in four reads, not one per order", async () => {
    const { records } = server.crossdock;
    const spies = [
      vi.spyOn(records, "list"),
      vi.spyOn(records, "get"),
      vi.spyOn(records, "getManyByExternalId"),
      vi.spyOn(records, "listByRef"),
    ];
    try {
      const response = await gql(
        keyA,
        `{ sales_orders(first: 50) { items { order_number customer { name } lines { item { sku } } shipments { items { shipment_number } } } } }`,
      );
      expect(response.body.errors).toBeUndefined();
      const orders = response.body.data.sales_orders.items;
      expect(orders).toHaveLength(50);
      expect(orders.every((row: { customer: { name: string } | null }) => row.customer?.name.startsWith("Customer"))).toBe(true);
      expect(orders[0].lines.map((line: { item: { sku: string } }) => line.item.sku)).toEqual(["SKU-2", "SKU-3"]);
      expect(orders[1].shipments.items).toEqual([{ shipment_number: "SH-3" }]);
      const [list, get, getMany, listByRef] = spies.map((spy) => spy.mock.calls);
      expect(list).toHaveLength(1);
      expect(list?.[0]?.[2]).toMatchObject({ include: "lines", limit: 50 });
      expect(get).toHaveLength(0);
      // One read for the customers and one for the items, each with its distinct keys.
      expect(getMany?.map((call) => [call[1], (call[2] as unknown[]).length])).toEqual([
        ["customer", 3],
        ["item", 3],
      ]);
      expect(listByRef?.map((call) => [call[1], call[2], (call[3] as unknown[]).length])).toEqual([
        ["shipment", "sales_order_external_id", 50],
      ]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("filters as the REST list does: enums, ranges, references, search, sort", async () => {
    const query = `query($filter: SalesOrderFilter) {
      sales_orders(filter: $filter, sort: total_amount, descending: true, first: 100) { total items { order_number } }
    }`;
    const filter = {
      status: ["open", "shipped"],
      order_date_from: "2024-01-05",
      order_date_to: "2024-01-20",
      total_amount_min: 100,
      customer_external_id: "C-2",
    };
    const graph = await gql(keyA, query, { filter });
    expect(graph.body.errors).toBeUndefined();
    const rest = await server.request(
      "GET",
      "/api/v1/records/sales-orders?status=open,shipped&order_date_from=2024-01-05&order_date_to=2024-01-20&total_amount_min=100&customer_external_id=C-2&sort=-total_amount&limit=100",
      { token: keyA },
    );
    const expected = rest.body.data.map((row: { order_number: string }) => row.order_number);
    expect(expected.length).toBeGreaterThan(1);
    expect(graph.body.data.sales_orders.items.map((row: { order_number: string }) => row.order_number)).toEqual(expected);
    expect(graph.body.data.sales_orders.total).toBe(expected.length);

    const search = await gql(keyA, `{ customers(filter: { q: "cust", status: [on_hold] }) { items { external_id } } }`);
    expect(search.body.data.customers.items).toEqual([{ external_id: "C-3" }]);
    const bad = await gql(keyA, `{ sales_orders(filter: { order_date_from: "2024-13-01" }) { total } }`);
    expect(bad.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/Date must be a date written YYYY-MM-DD/),
      extensions: { code: "graphql_validation_failed" },
    });
    const empty = await gql(keyA, `{ sales_orders(filter: { status: [] }) { total } }`);
    expect(empty.body.errors[0]).toMatchObject({ path: ["sales_orders"], extensions: { code: "validation_failed" } });
  });

  it("pages through a list with keyset cursors, with no gaps or repeats, and the total on every page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response = await gql(
        keyA,
        `query($after: String) { sales_orders(first: 7, after: $after, sort: order_date) { total next_cursor items { order_number } } }`,
        { after },
      );
      const { total, next_cursor, items } = response.body.data.sales_orders;
      expect(total).toBe(ORDERS);
      seen.push(...items.map((row: { order_number: string }) => row.order_number));
      after = next_cursor;
      if (!after) break;
    }
    expect(seen).toHaveLength(ORDERS);
    expect(new Set(seen).size).toBe(ORDERS);
    const rest = await server.request("GET", "/api/v1/records/sales-orders?sort=order_date&limit=100", { token: keyA });
    expect(seen).toEqual(rest.body.data.map((row: { order_number: string }) => row.order_number));

    // A relation pages the same way: its first page batched, the next through its cursor.
    const first = await gql(
      keyA,
      `{ customer(source_system: "erp", external_id: "C-1") { sales_orders(first: 15) { total next_cursor items { order_number } } } }`,
    );
    const page1 = first.body.data.customer.sales_orders;
    expect(page1.total).toBe(20);
    expect(page1.items).toHaveLength(15);
    const second = await gql(
      keyA,
      `query($after: String) { customer(source_system: "erp", external_id: "C-1") { sales_orders(first: 15, after: $after) { next_cursor items { order_number } } } }`,
      { after: page1.next_cursor },
    );
    const page2 = second.body.data.customer.sales_orders;
    expect(page2.next_cursor).toBeNull();
    const all = [...page1.items, ...page2.items].map((row: { order_number: string }) => row.order_number);
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => `SO-${pad(i * 3 + 3)}`));

    const badCursor = await gql(keyA, `{ sales_orders(after: "not-a-cursor") { total } items(first: 1) { total } }`);
    expect(badCursor.status).toBe(200);
    expect(badCursor.body.data).toEqual({ sales_orders: null, items: { total: 3 } });
    expect(badCursor.body.errors[0]).toMatchObject({ path: ["sales_orders"], extensions: { code: "bad_request" } });
    expect(badCursor.body.errors[0].message).toMatch(/cursor is not valid/);
  });

  it("keeps tenants apart: lists, lookups by id and external id, references and reverse relations", async () => {
    const ids = await gql(keyA, `{ sales_order(source_system: "erp", external_id: "SO-001") { id customer { id } } }`);
    const { id: orderA, customer: customerA } = ids.body.data.sales_order;

    const list = await gql(keyB, `{ sales_orders { total items { order_number total_amount { amount } } } customers { total } }`);
    expect(list.body.data).toEqual({
      sales_orders: { total: 1, items: [{ order_number: "SO-001", total_amount: { amount: "1" } }] },
      customers: { total: 1 },
    });
    const byId = await gql(keyB, `query($o: ID!, $c: ID!) { sales_order(id: $o) { id } customer(id: $c) { id } }`, {
      o: orderA,
      c: customerA.id,
    });
    expect(byId.body).toEqual({ data: { sales_order: null, customer: null } });
    // The same external ids name B's own records, and relations stay in B.
    const own = await gql(keyB, ORDER_WITH_EVERYTHING, { source: "erp", id: "SO-001" });
    const mine = own.body.data.sales_order;
    expect(mine.id).not.toBe(orderA);
    expect(mine.customer.name).toBe("Bee Customer");
    expect(mine.lines.map((line: { item: unknown }) => line.item)).toEqual([null, null]);
    expect(mine.shipments.items.map((row: { shipment_number: string }) => row.shipment_number)).toEqual(["SH-9"]);
    const relations = await gql(
      keyB,
      `{ customer(source_system: "erp", external_id: "C-2") { sales_orders { total } shipments { total } } }`,
    );
    expect(relations.body.data.customer).toEqual({ sales_orders: { total: 1 }, shipments: { total: 1 } });

    // B's key cannot act in A's tenant.
    const crossing = await gql(keyB, "{ sales_orders { total } }", undefined, { "x-crossdock-tenant": slugA });
    expect(crossing.status).toBe(403);
    expect(crossing.body.data).toBeUndefined();
  });

  it("needs records:read for record fields, naming it; introspection needs only authentication", async () => {
    const { key: lacking } = await server.createTenantWithKey("gql-noscope", ["tenant:read"]);
    const refused = await gql(lacking, "{ sales_orders { total } }");
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      errors: [
        {
          message: "This query needs the scope records:read, which this credential does not have",
          extensions: { code: "forbidden", scope: "records:read" },
        },
      ],
    });
    const introspection = await gql(
      lacking,
      `{ __schema { queryType { name } } __type(name: "SalesOrder") { fields { name } } }`,
    );
    expect(introspection.status).toBe(200);
    expect(introspection.body.data.__schema.queryType.name).toBe("Query");
    const fieldNames = introspection.body.data.__type.fields.map((field: { name: string }) => field.name);
    expect(fieldNames).toEqual(expect.arrayContaining(["order_number", "customer", "lines", "shipments", "invoices"]));

    const anonymous = await gql(undefined, "{ __typename }");
    expect(anonymous.status).toBe(401);

    // The operator holds every scope but no tenant: it names the tenant it reads.
    const operator = await gql(server.operatorToken, "{ customers { total } }");
    expect(operator.status).toBe(400);
    expect(operator.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/X-Crossdock-Tenant/),
      extensions: { code: "bad_request" },
    });
    const operatorInA = await gql(server.operatorToken, "{ customers { total } }", undefined, { "x-crossdock-tenant": slugA });
    expect(operatorInA.body).toEqual({ data: { customers: { total: 3 } } });

    // A console session holds its roles' scopes; its POST must come from the console's origin.
    const created = await server.request("POST", "/api/v1/users", {
      token: keyA,
      json: { email: "vera@a.test", name: "Vera", password: "a long enough password", roles: ["viewer"] },
    });
    expect(created.status).toBe(201);
    const session = await server.signIn("gql-a", "vera@a.test", "a long enough password");
    const asViewer = await gql(undefined, "{ customers { total } }", undefined, session.headers);
    expect(asViewer.body).toEqual({ data: { customers: { total: 3 } } });
    const crossSite = await gql(undefined, "{ customers { total } }", undefined, {
      cookie: session.cookie,
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
  });

  it("refuses queries that are too deep, could return too much or ask for too large a page, before running them", async () => {
    const spy = vi.spyOn(server.crossdock.records, "list");
    try {
      let nested = "id";
      for (let i = 0; i < 4; i++) nested = `customer { sales_orders(first: 1) { items { ${nested} } } }`;
      const deep = await gql(keyA, `{ sales_order(id: "so_x") { ${nested} } }`);
      expect(deep.status).toBe(200);
      expect(deep.body).toEqual({
        errors: [expect.objectContaining({ extensions: { code: "query_too_deep", limit: 10 } })],
      });

      const wide = await gql(
        keyA,
        "{ customers(first: 100) { items { sales_orders(first: 100) { items { shipments(first: 100) { items { id } } } } } } }",
        undefined,
        { accept: "application/graphql-response+json" },
      );
      expect(wide.status).toBe(400);
      expect(wide.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
      expect(wide.body.errors[0].extensions).toEqual({ code: "query_too_complex", limit: 20_000 });
      expect(wide.body.data).toBeUndefined();

      const big = await gql(keyA, "query($n: Int!) { items(first: $n) { total } }", { n: 1000 });
      expect(big.body.errors[0]).toMatchObject({
        message: "first must be from 1 to 100 (items asks for 1000)",
        extensions: { code: "validation_failed", argument: "first" },
      });
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it("answers malformed requests and queries with GraphQL errors that say what is wrong, never a 500", async () => {
    const cases: [string, Awaited<ReturnType<typeof gql>>, number, string, RegExp][] = [
      [
        "syntax",
        await gql(keyA, "{ sales_orders { total "),
        200,
        "graphql_parse_failed",
        /Syntax Error: Expected Name, found <EOF>/,
      ],
      [
        "unknown field",
        await gql(keyA, "{ sales_orders { colour } }"),
        200,
        "graphql_validation_failed",
        /Cannot query field "colour" on type "SalesOrderPage"/,
      ],
      [
        "unknown type",
        await gql(keyA, "{ orders { total } }"),
        200,
        "graphql_validation_failed",
        /Cannot query field "orders" on type "Query"/,
      ],
      [
        "variable of the wrong type",
        await gql(keyA, "query($n: Int!) { items(first: $n) { total } }", { n: "ten" }),
        200,
        "invalid_variables",
        /Variable "\$n" got invalid value "ten"; Int cannot represent non-integer value/,
      ],
      [
        "enum value unknown",
        await gql(keyA, "query($f: SalesOrderFilter) { sales_orders(filter: $f) { total } }", { f: { status: ["lost"] } }),
        200,
        "invalid_variables",
        /Value "lost" does not exist in "SalesOrderStatus" enum/,
      ],
      [
        "lookup without a key",
        await gql(keyA, `{ sales_order(source_system: "erp") { id } }`),
        200,
        "validation_failed",
        /by id, or by source_system and external_id together/,
      ],
      [
        "too many tokens",
        await gql(keyA, `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(" ")} }`),
        200,
        "graphql_parse_failed",
        /more tha[nt] 5000 tokens/,
      ],
      [
        "two operations, none named",
        await gql(keyA, "query A { __typename } query B { __typename }"),
        200,
        "bad_request",
        /operationName/,
      ],
      [
        "not JSON",
        await server.request("POST", GRAPHQL_PATH, {
          token: keyA,
          body: '{"query": ',
          headers: { "content-type": "application/json" },
        }),
        400,
        "invalid_json",
        /not valid JSON/,
      ],
      [
        "no query",
        await server.request("POST", GRAPHQL_PATH, { token: keyA, json: { variables: {} } }),
        400,
        "bad_request",
        /query must be/,
      ],
      [
        "a batch",
        await server.request("POST", GRAPHQL_PATH, { token: keyA, json: [{ query: "{ __typename }" }] }),
        400,
        "bad_request",
        /one GraphQL request/,
      ],
      [
        "not JSON at all",
        await server.request("POST", GRAPHQL_PATH, {
          token: keyA,
          body: "{ __typename }",
          headers: { "content-type": "application/graphql" },
        }),
        415,
        "unsupported_media_type",
        /application\/json/,
      ],
    ];
    for (const [name, response, status, code, message] of cases) {
      expect(response.status, name).toBe(status);
      expect(response.body.errors?.[0]?.extensions?.code, name).toBe(code);
      expect(response.body.errors[0].message, name).toMatch(message);
    }
    const located = (await gql(keyA, "{ sales_orders { colour } }")).body.errors[0];
    expect(located.locations).toEqual([{ line: 1, column: 18 }]);
  });

  it("answers GET requests with the query in the URL", async () => {
    const query = encodeURIComponent('query($id: String!) { customer(source_system: "erp", external_id: $id) { name } }');
    const variables = encodeURIComponent(JSON.stringify({ id: "C-2" }));
    const response = await server.request("GET", `${GRAPHQL_PATH}?query=${query}&variables=${variables}`, { token: keyA });
    expect(response.body).toEqual({ data: { customer: { name: "Customer 2" } } });
    const badVariables = await server.request("GET", `${GRAPHQL_PATH}?query=${query}&variables=%7B`, { token: keyA });
    expect(badVariables.status).toBe(400);
    expect(badVariables.body.errors[0].extensions.code).toBe("invalid_json");
  });

  it("makes every record type queryable, one by one and by the page", async () => {
    const fields = RECORD_TYPES.map(
      (type) => `${type.plural}(first: 1) { total items { id external_id } } ${type.name}(id: "${type.prefix}_none") { id }`,
    ).join("\n");
    const response = await gql(keyA, `{ ${fields} }`);
    expect(response.body.errors).toBeUndefined();
    expect(Object.keys(response.body.data)).toHaveLength(RECORD_TYPES.length * 2);
    expect(response.body.data.items.total).toBe(3);
    expect(response.body.data.shipments.total).toBe(3);
    expect(response.body.data.invoices).toEqual({ total: 0, items: [] });
  });

  it("is in the OpenAPI document, with its access", async () => {
    const openapi = (await server.request("GET", "/openapi.json")).body;
    const path = openapi.paths[GRAPHQL_PATH];
    expect(Object.keys(path).sort()).toEqual(["get", "post"]);
    expect(path.post.description).toMatch(/records:read/);
    expect(path.post.description).toMatch(/Any authenticated caller/);
    expect(path.post.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/GraphqlRequest");
  });
});
