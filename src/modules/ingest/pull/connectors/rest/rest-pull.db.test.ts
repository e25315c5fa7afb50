import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTokenServer, type TokenServer } from "../../../../../platform/testing/oauth2-token-server.ts";
import { usingServer } from "../../../../../platform/testing/test-database.ts";
import type { PullConnector } from "../../contract/index.ts";
import { type ErpApi, erpItems, startErpApi } from "../../testing/erp-api.ts";
import { createPullFixture, ctx, itemMapping, type PullFixture, TENANT } from "../../testing/pull-fixture.ts";

const CLIENT_SECRET = "s3cret-client-value-0123456789";

describe(`the REST pull connector against a real HTTP API (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let f: PullFixture;
  let tokens: TokenServer;
  let api: ErpApi;
  let names = 0;

  beforeAll(async () => {
    f = await createPullFixture();
    tokens = await startTokenServer({ "crossdock-pull": CLIENT_SECRET });
    api = await startErpApi({ tokens });
  });
  afterAll(async () => {
    await f?.close();
    await api?.close();
    await tokens?.close();
  });

  /** A REST connector over the ERP API's items, OAuth2-authenticated, quick to retry. */
  const connector = (resource: Record<string, unknown>, connection: Record<string, unknown> = {}) =>
    f.pull.create(ctx, {
      name: `erp-${++names}`,
      kind: "rest",
      system: "erp",
      interval_seconds: 3600,
      connection: {
        base_url: `${api.url}/api`,
        auth: {
          type: "oauth2_client_credentials",
          token_url: tokens.tokenUrl,
          client_id: "crossdock-pull",
          client_secret: CLIENT_SECRET,
        },
        retries: { max_attempts: 3, base_delay_ms: 5, max_delay_ms: 20 },
        ...connection,
      },
      resources: { items: { mapping: itemMapping(), ...resource } },
    });
  const cursorPaged = {
    path: "/items",
    query: { limit: "{page_size}", cursor: "{cursor}", updated_since: "{updated_since}" },
    items_path: "data",
    paging: { type: "cursor", next_cursor_path: "meta.next_cursor" },
    incremental: { field: "updated_at" },
    page_size: 10,
  };
  const requestsSince = (from: number) => api.requests.slice(from);

  it("reads every page with a cursor under one OAuth2 token, then only what changed since", async () => {
    const tokensBefore = tokens.received.length;
    const first = api.requests.length;
    const erp = await connector(cursorPaged);
    await f.pull.drain();

    const run = await f.lastRun(erp);
    expect(run).toMatchObject({
      status: "succeeded",
      trigger: "schedule",
      pages: 3,
      rows_read: 25,
      rows_written: 25,
      rows_quarantined: 0,
      error: null,
    });
    expect((await f.items(erp.source_system)).map((item) => item.external_id).sort()).toEqual(
      erpItems(25).map((item) => item.id),
    );
    // One token for the three pages, every request carrying it; the first page has no cursor and no updated_since yet.
    expect(tokens.received.length - tokensBefore).toBe(1);
    expect(requestsSince(first).map((request) => request.query.get("cursor"))).toEqual([null, "o10", "o20"]);
    expect(requestsSince(first).every((request) => request.headers.authorization?.startsWith("Bearer at-"))).toBe(true);
    const after = await f.stream(erp.id, "items");
    expect(after?.cursor).toEqual({ watermark: api.items[24]?.updated_at, high: null, page: null });

    // Two items change in the ERP; the next run asks for what changed since the last one's newest.
    api.change("I-003", { name: "Item three, renamed", updated_at: "2026-02-01T00:00:00.000Z" });
    api.change("I-007", { price: "99.00", updated_at: "2026-02-01T00:01:00.000Z" });
    const second = api.requests.length;
    await f.pull.runNow(ctx, erp.id);
    await f.pull.drain();
    expect(requestsSince(second).map((request) => request.query.get("updated_since"))).toEqual([api.items[24]?.updated_at]);
    // I-025 is read again (the boundary is inclusive) and found unchanged.
    expect(await f.lastRun(erp)).toMatchObject({
      status: "succeeded",
      trigger: "manual",
      rows_read: 3,
      rows_written: 2,
      rows_unchanged: 1,
    });
    const items = await f.items(erp.source_system);
    expect(items.find((item) => item.external_id === "I-003")).toMatchObject({ name: "Item three, renamed", version: 2 });
    expect(items.find((item) => item.external_id === "I-007")).toMatchObject({ list_price: "99", version: 2 });
  });

  it("keyset-pages by change time, reading each page's last item again and nothing twice into records", async () => {
    const first = api.requests.length;
    const erp = await connector({
      path: "/items-by-time",
      query: { limit: "{page_size}", since: "{updated_since}" },
      paging: { type: "updated_since" },
      incremental: { field: "updated_at" },
      page_size: 10,
    });
    await f.pull.drain();
    const since = requestsSince(first).map((request) => request.query.get("since"));
    expect(since).toHaveLength(3);
    expect(since[0]).toBeNull();
    expect(await f.lastRun(erp)).toMatchObject({
      status: "succeeded",
      pages: 3,
      rows_read: 27,
      rows_written: 25,
      rows_unchanged: 2,
    });
    expect(await f.items(erp.source_system)).toHaveLength(25);
  });

  it("waits as a 429's Retry-After asks, then goes on", async () => {
    const first = api.requests.length;
    let limited = false;
    api.fault((request) => {
      if (limited || !request.path.includes("cursor=o10")) return undefined;
      limited = true;
      return { status: 429, headers: { "retry-after": "1" }, body: { error: "slow down" } };
    });
    const erp = await connector(cursorPaged);
    await f.pull.drain();
    api.fault(undefined);
    expect(await f.lastRun(erp)).toMatchObject({ status: "succeeded", rows_read: 25, requests: 4, retries: 1 });
    const seen = requestsSince(first);
    const refusedAt = seen.findIndex((request) => request.path.includes("cursor=o10"));
    expect((seen[refusedAt + 1]?.at ?? 0) - (seen[refusedAt]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(seen[refusedAt + 1]?.query.get("cursor")).toBe("o10");
  });

  it("gives up on a 500 storm with the error recorded, and the next run resumes at the page that failed", async () => {
    const erp = await connector(cursorPaged);
    api.fault((request) => (request.path.includes("cursor=o10") ? { status: 500, body: "database is down" } : undefined));
    await f.pull.drain();
    const failed = await f.lastRun(erp);
    expect(failed).toMatchObject({ status: "failed", pages: 1, rows_read: 10, rows_written: 10 });
    expect(failed.error).toMatchObject({
      retryable: true,
      status: 500,
      message: expect.stringMatching(
        /^GET .*\/api\/items\?limit=10&cursor=o10 answered 500: database is down \(gave up after 3 attempts\)$/,
      ),
    });
    expect(JSON.stringify(failed.error)).not.toContain("at-");
    expect((await f.stream(erp.id, "items"))?.cursor).toMatchObject({ page: { cursor: "o10" } });
    expect(await f.items(erp.source_system)).toHaveLength(10);

    api.fault(undefined);
    const resumedFrom = api.requests.length;
    await f.pull.runNow(ctx, erp.id);
    await f.pull.drain();
    expect(requestsSince(resumedFrom).map((request) => request.query.get("cursor"))).toEqual(["o10", "o20"]);
    expect(await f.lastRun(erp)).toMatchObject({ status: "succeeded", rows_read: 15, rows_written: 15 });
    expect(await f.items(erp.source_system)).toHaveLength(25);
  });

  it("does not retry a permanent 4xx, and says so", async () => {
    const erp = await connector({ ...cursorPaged, path: "/no-such-thing" });
    const first = api.requests.length;
    await f.pull.drain();
    expect(api.requests.length - first).toBe(1);
    expect((await f.lastRun(erp)).error).toMatchObject({
      retryable: false,
      status: 404,
      message: expect.stringContaining("answered 404"),
    });
  });

  it("quarantines rows that do not map as receipts of the resource's source, once, and replays a corrected one", async () => {
    const bad = await startErpApi({
      items: [
        ...erpItems(3),
        { id: "I-900", sku: "SKU-900", name: null, uom: "EA", price: "1", updated_at: "2026-01-02T00:00:00.000Z" },
        {
          id: "I-901",
          sku: "SKU-901",
          name: "Priced in words",
          uom: "EA",
          price: "twelve",
          updated_at: "2026-01-02T00:01:00.000Z",
        },
      ],
    });
    try {
      const erp = await f.pull.create(ctx, {
        name: "erp-quarantine",
        kind: "rest",
        system: "erp",
        connection: {
          base_url: `${bad.url}/api`,
          auth: { type: "api_key", in: "query", name: "api_key", value: "k-1234567890abcdef" },
        },
        resources: { items: { ...cursorPaged, mapping: itemMapping() } },
      });
      const sourceId = erp.streams[0]?.source_id as string;
      await f.pull.drain();
      expect(await f.lastRun(erp)).toMatchObject({ status: "succeeded", rows_read: 5, rows_written: 3, rows_quarantined: 2 });
      expect(bad.requests[0]?.query.get("api_key")).toBe("k-1234567890abcdef");
      const held = await f.quarantined(sourceId);
      expect(held.map((receipt) => receipt.reason?.stage)).toEqual(["map", "map"]);
      const messages = held.flatMap(
        (receipt) => receipt.reason?.problems.map((problem) => `${problem.path}: ${problem.message}`) ?? [],
      );
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^name: item\.name: is required/),
          expect.stringMatching(/^price: item\.list_price: must be a decimal/),
        ]),
      );

      // Read again from the start: the same rows are not quarantined twice.
      await f.pull.resetCursor(ctx, erp.id, "items");
      await f.pull.runNow(ctx, erp.id);
      await f.pull.drain();
      expect(await f.lastRun(erp)).toMatchObject({ rows_read: 5, rows_written: 0, rows_unchanged: 3, rows_quarantined: 2 });
      expect(await f.quarantined(sourceId)).toHaveLength(2);

      // A person corrects one row and replays it: the ingest processor writes it with the resource's mapping.
      const nameless = held.find((receipt) => receipt.reason?.problems.some((problem) => problem.path === "name"));
      const original = JSON.parse((await f.ingest.receipts.get(TENANT, nameless?.id as string)).body);
      await f.ingest.receipts.replay(ctx, nameless?.id as string, {
        body: JSON.stringify({ ...original, name: "Named at last" }),
      });
      f.ingest.start();
      await f.ingest.drain();
      expect((await f.ingest.receipts.get(TENANT, nameless?.id as string)).status).toBe("processed");
      expect((await f.items("erp-quarantine")).find((item) => item.external_id === "I-900")).toMatchObject({
        name: "Named at last",
      });
    } finally {
      await bad.close();
    }
  });

  it("after a fault between writing a page and saving its cursor, reads that page again without writing it twice", async () => {
    const failing = f.another({
      faults: {
        afterWrite: ({ page }) => {
          if (page === 2) throw new Error("the database went away after the page was written");
        },
      },
    });
    const erp = await connector(cursorPaged);
    await failing.drain();
    await failing.stop();
    expect(await f.lastRun(erp)).toMatchObject({
      status: "failed",
      pages: 1,
      error: { message: "the database went away after the page was written" },
    });
    expect((await f.stream(erp.id, "items"))?.cursor).toMatchObject({ page: { cursor: "o10" } });
    expect(await f.items(erp.source_system)).toHaveLength(20);

    const resumedFrom = api.requests.length;
    await f.pull.runNow(ctx, erp.id);
    await f.pull.drain();
    expect(requestsSince(resumedFrom).map((request) => request.query.get("cursor"))).toEqual(["o10", "o20"]);
    expect(await f.lastRun(erp)).toMatchObject({ status: "succeeded", rows_read: 15, rows_written: 5, rows_unchanged: 10 });
    const items = await f.items(erp.source_system);
    expect(items).toHaveLength(25);
    expect(items.every((item) => item.version === 1)).toBe(true);
  });

  it("resumes a run a dead process left at its saved cursor, in another process, and fences the dead one out", async () => {
    let hung: (() => void) | undefined;
    let reached: (() => void) | undefined;
    const reachedPage3 = new Promise<void>((resolve) => {
      reached = resolve;
    });
    // A process that stops dead after writing page 3, before saving its cursor: it never comes back on its own.
    // Its clock stays where it was: the leases it renews are in the past for the process that comes after.
    const dying = f.another({
      clock: () => new Date(),
      leaseMs: 5_000,
      faults: {
        afterWrite: ({ page, signal }) =>
          page === 3
            ? new Promise<void>((resolve) => {
                hung = resolve;
                signal.addEventListener("abort", () => resolve());
                reached?.();
              })
            : undefined,
      },
    });
    const erp = await connector({ ...cursorPaged, page_size: 5 });
    dying.start();
    await reachedPage3;
    const left = await f.stream(erp.id, "items");
    expect(left?.cursor).toMatchObject({ page: { cursor: "o10" } });
    const interrupted = await f.lastRun(erp);
    expect(interrupted).toMatchObject({ status: "running", pages: 2, rows_read: 10 });

    // Time passes beyond its lease; another process takes the run over from the saved cursor.
    f.advance(60_000);
    const resumedFrom = api.requests.length;
    const survivor = f.another();
    await survivor.drain();
    expect(requestsSince(resumedFrom).map((request) => request.query.get("cursor"))).toEqual(["o10", "o15", "o20"]);
    const resumed = await f.lastRun(erp);
    // Page 3's rows were written before the process died: read again, they are found unchanged.
    expect(resumed).toMatchObject({
      id: interrupted.id,
      status: "succeeded",
      resumed: 1,
      pages: 5,
      rows_read: 25,
      rows_written: 20,
      rows_unchanged: 5,
    });
    expect(await f.items(erp.source_system)).toHaveLength(25);
    const finished = await f.stream(erp.id, "items");

    // The dead process wakes up: its claim was taken, so it writes no cursor and ends nothing.
    hung?.();
    await dying.stop();
    expect(await f.stream(erp.id, "items")).toEqual(finished);
    expect(await f.lastRun(erp)).toEqual(resumed);
  });

  it("stops a run after its page when the connector is paused, and goes on from there when resumed", async () => {
    let pausing: string | undefined;
    const pauses = f.another({
      faults: {
        afterWrite: async ({ page }) => {
          if (page === 1 && pausing) await f.pull.pause(ctx, pausing);
        },
      },
    });
    const erp = await connector(cursorPaged);
    pausing = erp.id;
    await pauses.drain();
    await pauses.stop();
    expect(await f.lastRun(erp)).toMatchObject({ status: "stopped", pages: 1, rows_written: 10, error: null });
    expect((await f.stream(erp.id, "items"))?.cursor).toMatchObject({ page: { cursor: "o10" } });
    await expect(f.pull.runNow(ctx, erp.id)).rejects.toMatchObject({ code: "conflict" });

    const resumedFrom = api.requests.length;
    await f.pull.resume(ctx, erp.id);
    await f.pull.runNow(ctx, erp.id);
    await f.pull.drain();
    expect(requestsSince(resumedFrom).map((request) => request.query.get("cursor"))).toEqual(["o10", "o20"]);
    expect(await f.lastRun(erp)).toMatchObject({ status: "succeeded", rows_read: 15, rows_written: 15 });
  });

  it("keeps the client secret out of the connector as shown and of the audit trail", async () => {
    const erp: PullConnector = await connector(cursorPaged);
    expect(erp.connection.auth).toMatchObject({ type: "oauth2_client_credentials", client_secret: "••••6789" });
    expect(JSON.stringify(await f.pull.get(TENANT, erp.id))).not.toContain(CLIENT_SECRET);
    const [created] = await f.audit(erp.id);
    expect(created?.action).toBe("ingest.pull_connector.created");
    expect(JSON.stringify(created)).not.toContain(CLIENT_SECRET);
  });
});
