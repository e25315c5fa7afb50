import { describe, expect, it } from "vitest";
import { PullConnectorInput, PullConnectorUpdate } from "../../../src/modules/ingest/contract/index.ts";
import type { PullConnector } from "../contract.ts";
import { authDraft } from "../settings-workflows/connector-draft.ts";
import {
  draftOfPullConnector,
  EMPTY_PULL_CONNECTOR,
  pullConnectorInput,
  pullConnectorUpdate,
  queryOf,
} from "./pull-connector-draft.ts";

const mapping = { ready: "generic-erp-sales-order" };

describe("pull connector draft", () => {
  it("sends a REST connector with cursor paging and an API key, which the API's schema takes", () => {
    const input = pullConnectorInput(
      {
        ...EMPTY_PULL_CONNECTOR,
        name: " shop-api ",
        everyMinutes: "5",
        baseUrl: " https://shop.example/api ",
        auth: { ...authDraft({}), type: "header", headerName: " X-Api-Key ", secret: "k-123" },
        query: "limit={page_size}\ncursor={cursor}\n\n",
        itemsPath: "data",
        paging: "cursor",
        nextCursorPath: "meta.next",
        pageSize: "50",
      },
      mapping,
    );
    expect(input).toEqual({
      name: "shop-api",
      system: "erp",
      kind: "rest",
      interval_seconds: 300,
      connection: {
        base_url: "https://shop.example/api",
        auth: { type: "api_key", in: "header", name: "X-Api-Key", value: "k-123" },
      },
      resources: {
        orders: {
          path: "/orders",
          query: { limit: "{page_size}", cursor: "{cursor}" },
          items_path: "data",
          paging: { type: "cursor", next_cursor_path: "meta.next" },
          page_size: 50,
          mapping,
        },
      },
    });
    expect(PullConnectorInput.safeParse(input).success).toBe(true);
  });

  it("sends an incremental REST resource read by updated_since with OAuth2 client credentials", () => {
    const input = pullConnectorInput(
      {
        ...EMPTY_PULL_CONNECTOR,
        name: "tms",
        baseUrl: "https://tms.example",
        auth: {
          ...authDraft({}),
          type: "oauth2_client_credentials",
          tokenUrl: "https://tms.example/oauth/token",
          clientId: "crossdock",
          secret: "s3cret",
        },
        query: "changed_after={updated_since}",
        paging: "updated_since",
        incrementalField: "updated_at",
        incrementalStart: "2026-01-01T00:00:00Z",
      },
      mapping,
    );
    const parsed = PullConnectorInput.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(input.connection).toEqual({
      base_url: "https://tms.example",
      auth: {
        type: "oauth2_client_credentials",
        token_url: "https://tms.example/oauth/token",
        client_id: "crossdock",
        client_secret: "s3cret",
        auth_method: "client_secret_basic",
      },
    });
    expect(input.resources.orders).toMatchObject({
      paging: { type: "updated_since" },
      incremental: { field: "updated_at", start: "2026-01-01T00:00:00Z" },
    });
  });

  it("sends a SQL connector with its keyset columns, leaving out an empty port and password", () => {
    const input = pullConnectorInput(
      {
        ...EMPTY_PULL_CONNECTOR,
        name: "erp-db",
        kind: "sql",
        resource: "items",
        dialect: "mysql",
        host: "10.0.0.5",
        database: "erp",
        user: "reader",
        sql: "select item_no, name, updated_at from items",
        cursorColumns: "updated_at, item_no,",
        pageSize: "500",
      },
      mapping,
    );
    expect(input).toMatchObject({
      kind: "sql",
      connection: { dialect: "mysql", host: "10.0.0.5", database: "erp", user: "reader", tls: "disable" },
      resources: {
        items: {
          query: "select item_no, name, updated_at from items",
          cursor_columns: ["updated_at", "item_no"],
          page_size: 500,
        },
      },
    });
    expect(input.connection).not.toHaveProperty("port");
    expect(input.connection).not.toHaveProperty("password");
    expect(PullConnectorInput.safeParse(input).success).toBe(true);
  });

  it("sends what is not a number as typed, so the server names the field it is wrong in", () => {
    const input = pullConnectorInput(
      { ...EMPTY_PULL_CONNECTOR, name: "x", baseUrl: "https://x.example", everyMinutes: "often" },
      mapping,
    );
    expect(input.interval_seconds).toBe("often");
    const parsed = PullConnectorInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain("interval_seconds");
  });

  it("reads query parameters one a line, trimming around the =", () => {
    expect(queryOf(" status = open \nexpand\n=skipped\nq=a=b")).toEqual({ status: "open", expand: "", q: "a=b" });
  });

  describe("changing a stored connector", () => {
    const stored = (
      kind: "rest" | "sql",
      connection: Record<string, unknown>,
      resources: Record<string, Record<string, unknown>>,
    ) =>
      ({
        id: "pcn_1",
        name: "shop-api",
        kind,
        system: "erp",
        source_system: "shop",
        interval_seconds: 300,
        status: "active",
        connection,
        resources,
        streams: [],
        created_at: "2026-12-01T00:00:00.000Z",
        updated_at: "2026-12-01T00:00:00.000Z",
      }) as unknown as PullConnector;
    const orders = {
      path: "/orders",
      query: { limit: "{page_size}", cursor: "{cursor}" },
      items_path: "data",
      paging: { type: "cursor", next_cursor_path: "meta.next" },
      incremental: { field: "updated_at", start: "2026-01-01T00:00:00Z" },
      page_size: 50,
      mapping,
    };
    const customers = { path: "/customers", query: {}, items_path: "$", paging: { type: "none" }, page_size: 100, mapping };

    it("sends an untouched REST connector back as it was: secret masked, the other resource kept", () => {
      const connector = stored(
        "rest",
        { base_url: "https://shop.example/api", auth: { type: "api_key", in: "header", name: "X-Api-Key", value: "••••1234" } },
        { orders, customers },
      );
      const draft = draftOfPullConnector(connector, "orders");
      expect(draft).toMatchObject({
        baseUrl: "https://shop.example/api",
        query: "limit={page_size}\ncursor={cursor}",
        paging: "cursor",
      });
      expect(draft.auth).toMatchObject({ type: "header", headerName: "X-Api-Key", secret: "" });
      const update = pullConnectorUpdate(draft, connector, "orders");
      expect(update).toEqual({ connection: connector.connection, resources: { orders, customers } });
      expect(PullConnectorUpdate.safeParse(update).success).toBe(true);
    });

    it("sends a changed path and a new key; an API key in the query string, which the form cannot show, is kept", () => {
      const connector = stored(
        "rest",
        { base_url: "https://shop.example/api", auth: { type: "bearer", token: "••••abcd" } },
        { orders },
      );
      const draft = draftOfPullConnector(connector, "orders");
      const update = pullConnectorUpdate(
        { ...draft, path: " /v2/orders ", auth: { ...draft.auth, secret: "new-token" } },
        connector,
        "orders",
      );
      expect(update.connection).toEqual({ base_url: "https://shop.example/api", auth: { type: "bearer", token: "new-token" } });
      expect(update.resources?.orders).toEqual({ ...orders, path: "/v2/orders" });

      const inQuery = stored(
        "rest",
        { base_url: "https://shop.example/api", auth: { type: "api_key", in: "query", name: "api_key", value: "••••9999" } },
        { orders },
      );
      const kept = draftOfPullConnector(inQuery, "orders");
      expect(kept.keptAuth).toEqual(inQuery.connection.auth);
      expect(pullConnectorUpdate(kept, inQuery, "orders").connection).toEqual(inQuery.connection);
    });

    it("keeps a stored database password when the field is left empty, and replaces it when one is typed", () => {
      const sqlOrders = { query: "select * from orders", cursor_columns: ["updated_at", "id"], page_size: 500, mapping };
      const connector = stored(
        "sql",
        { dialect: "mysql", host: "db.internal", port: 3306, database: "erp", user: "reader", password: "••••", tls: "require" },
        { orders: sqlOrders },
      );
      const draft = draftOfPullConnector(connector, "orders");
      expect(draft).toMatchObject({
        dialect: "mysql",
        port: "3306",
        passwordStored: true,
        dbPassword: "",
        cursorColumns: "updated_at, id",
      });
      expect(pullConnectorUpdate(draft, connector, "orders")).toEqual({
        connection: connector.connection,
        resources: { orders: sqlOrders },
      });
      expect(
        pullConnectorUpdate({ ...draft, dbPassword: "s3cret", host: "db2.internal" }, connector, "orders").connection,
      ).toEqual({
        ...connector.connection,
        host: "db2.internal",
        password: "s3cret",
      });
    });
  });
});
