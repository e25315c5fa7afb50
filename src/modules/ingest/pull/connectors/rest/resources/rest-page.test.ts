import { describe, expect, it } from "vitest";
import { RestConnection, RestResource } from "../../../contract/index.ts";
import { PullError } from "../../connector.ts";
import { initialRestCursor, pageUrl, readRestAnswer } from "./rest-page.ts";
import { compareScalars } from "./scalar.ts";

const connection = RestConnection.parse({ base_url: "https://erp.example.com/api/" });
const resource = (overrides: Record<string, unknown>) =>
  RestResource.parse({ path: "/items", mapping: { ready: "generic-erp-sales-order" }, ...overrides });
const same = (text: string) => text;

describe("REST paging", () => {
  it("fills the query's placeholders and leaves out a parameter whose value is not known yet", () => {
    const items = resource({
      query: { limit: "{page_size}", after: "{cursor}", changed: "gte:{updated_since}" },
      paging: { type: "cursor", next_cursor_path: "meta.next" },
      incremental: { field: "updated_at" },
      page_size: 50,
    });
    const first = pageUrl(connection, items, initialRestCursor(items), { api_key: "k" });
    expect(first).toBe("https://erp.example.com/api/items?limit=50&api_key=k");
    const later = pageUrl(connection, items, { watermark: "2026-01-01T00:00:00Z", high: null, page: { cursor: "c 2" } }, {});
    expect(later).toBe("https://erp.example.com/api/items?limit=50&after=c+2&changed=gte%3A2026-01-01T00%3A00%3A00Z");
  });

  it("follows the cursor until there is none, then keeps the greatest change time for the next run", () => {
    const items = resource({
      query: { cursor: "{cursor}", since: "{updated_since}" },
      items_path: "data",
      paging: { type: "cursor", next_cursor_path: "meta.next" },
      incremental: { field: "updated_at" },
    });
    const start = { watermark: "2026-01-01T00:00:00Z", high: null, page: null };
    const one = readRestAnswer(
      connection,
      items,
      start,
      { data: [{ updated_at: "2026-01-03T00:00:00Z" }, { updated_at: "2026-01-02T00:00:00Z" }], meta: { next: "c2" } },
      "https://x",
      same,
    );
    expect(one).toMatchObject({
      done: false,
      cursor: { watermark: "2026-01-01T00:00:00Z", high: "2026-01-03T00:00:00Z", page: { cursor: "c2" } },
    });
    const two = readRestAnswer(
      connection,
      items,
      one.cursor,
      { data: [{ updated_at: "2026-01-02T12:00:00Z" }], meta: { next: null } },
      "https://x",
      same,
    );
    expect(two).toMatchObject({ done: true, cursor: { watermark: "2026-01-03T00:00:00Z", high: null, page: null } });
  });

  it("pages by number until a short page, and keyset-pages by change time", () => {
    const numbered = resource({ query: { p: "{page}" }, paging: { type: "page", first_page: 0 }, page_size: 2 });
    const full = readRestAnswer(connection, numbered, initialRestCursor(numbered), [{}, {}], "https://x", same);
    expect(full.cursor.page).toEqual({ page: 1 });
    expect(readRestAnswer(connection, numbered, full.cursor, [{}], "https://x", same).done).toBe(true);

    const byTime = resource({
      query: { since: "{updated_since}" },
      paging: { type: "updated_since" },
      incremental: { field: "ts" },
      page_size: 2,
    });
    const page = readRestAnswer(connection, byTime, initialRestCursor(byTime), [{ ts: 5 }, { ts: 7 }], "https://x", same);
    expect(page.cursor.page).toEqual({ since: 7 });
    expect(pageUrl(connection, byTime, page.cursor, {})).toBe("https://erp.example.com/api/items?since=7");
    expect(() => readRestAnswer(connection, byTime, page.cursor, [{ ts: 7 }, { ts: 7 }], "https://x", same)).toThrow(
      /raise page_size/,
    );
  });

  it("refuses a next page on another host, and an answer without a list where items_path says", () => {
    const linked = resource({ items_path: "items", paging: { type: "next_url", next_url_path: "next" } });
    const local = readRestAnswer(
      connection,
      linked,
      initialRestCursor(linked),
      { items: [], next: "/api/items?page=2" },
      "https://erp.example.com/api/items",
      same,
    );
    expect(local.cursor.page).toEqual({ url: "https://erp.example.com/api/items?page=2" });
    expect(() =>
      readRestAnswer(
        connection,
        linked,
        initialRestCursor(linked),
        { items: [], next: "https://evil.example/x" },
        "https://erp.example.com/api/items",
        same,
      ),
    ).toThrow(/credentials are only sent to base_url/);
    let error: unknown;
    try {
      readRestAnswer(connection, linked, initialRestCursor(linked), { items: { a: 1 } }, "https://x", same);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PullError);
    expect(error).toMatchObject({
      retryable: false,
      message: expect.stringMatching(/items \(items_path\) is object, not a list/),
    });
  });

  it("refuses query placeholders the paging cannot fill, when the resource is saved", () => {
    const parsed = RestResource.safeParse({ path: "/x", query: { a: "{cursor}", b: "{nope}" }, mapping: { ready: "x" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([
      "query.b: {nope} is not one of {cursor}, {updated_since}, {page_size}, {page}, {offset}",
      "query: {cursor} needs paging of type cursor",
    ]);
  });

  it("orders change times as instants, numbers as numbers, and finer fractions as text", () => {
    expect(compareScalars("2026-01-01T10:00:00+02:00", "2026-01-01T09:00:00Z")).toBe(-1);
    expect(compareScalars(10, "9")).toBe(1);
    expect(compareScalars("2026-01-01 10:00:00.123457", "2026-01-01 10:00:00.123456")).toBe(1);
  });
});
