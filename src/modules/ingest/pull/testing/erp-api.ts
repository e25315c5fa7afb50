import { type Answer, type ReceivedRequest, startTargetServer } from "../../../../platform/testing/http-target-server.ts";
import type { TokenServer } from "../../../../platform/testing/oauth2-token-server.ts";

export type ErpItem = { id: string; sku: string; name: string | null; uom: string; price: string; updated_at: string };

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();

/** `count` items, I-001…, each changed a minute after the one before. */
export function erpItems(count: number): ErpItem[] {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(3, "0");
    return {
      id: `I-${n}`,
      sku: `SKU-${n}`,
      name: `Item ${index + 1}`,
      uom: "EA",
      price: `${index + 1}.50`,
      updated_at: minute(index),
    };
  });
}

/**
 * A real HTTP server standing in for an ERP's REST API, serving its item master two ways:
 *
 * - `GET /api/items?limit=&cursor=&updated_since=`: in id order, `{ data, meta: { next_cursor } }`
 *   (the cursor is opaque: `o<offset>`), items changed at or after `updated_since` only;
 * - `GET /api/items-by-time?since=&limit=`: a bare list, in order of change time, at or after `since`.
 *
 * With a token server, every request must carry a bearer token it issued (401 otherwise).
 * `fault(request, n)` may answer instead (n counts API requests from 1): a 429, a 500 storm…
 */
export async function startErpApi(options: { tokens?: TokenServer; items?: ErpItem[] } = {}) {
  const items = options.items ?? erpItems(25);
  const state: { fault?: ((request: ReceivedRequest, n: number) => Answer | undefined) | undefined } = {};
  const apiRequests: (ReceivedRequest & { query: URLSearchParams })[] = [];
  const server = await startTargetServer({
    handle: (request) => {
      const url = new URL(request.path, "http://erp.local");
      apiRequests.push({ ...request, query: url.searchParams });
      const faulty = state.fault?.(request, apiRequests.length);
      if (faulty) return faulty;
      if (options.tokens && !options.tokens.accepts(request.headers.authorization)) {
        return { status: 401, body: { error: "invalid_token" } };
      }
      const limit = Number(url.searchParams.get("limit") ?? 100);
      if (url.pathname === "/api/items") {
        const since = url.searchParams.get("updated_since");
        const matching = [...items].sort((a, b) => (a.id < b.id ? -1 : 1)).filter((item) => !since || item.updated_at >= since);
        const offset = Number((url.searchParams.get("cursor") ?? "o0").slice(1));
        const data = matching.slice(offset, offset + limit);
        const more = offset + limit < matching.length;
        return { status: 200, body: { data, meta: { next_cursor: more ? `o${offset + limit}` : null } } };
      }
      if (url.pathname === "/api/items-by-time") {
        const since = url.searchParams.get("since");
        const data = [...items]
          .sort((a, b) => (a.updated_at === b.updated_at ? (a.id < b.id ? -1 : 1) : a.updated_at < b.updated_at ? -1 : 1))
          .filter((item) => !since || item.updated_at >= since)
          .slice(0, limit);
        return { status: 200, body: data };
      }
      return { status: 404, body: { error: `no route ${url.pathname}` } };
    },
  });
  return {
    url: server.url,
    items,
    /** The API's requests (not the token server's), each with its query. */
    requests: apiRequests,
    fault(handler: ((request: ReceivedRequest, n: number) => Answer | undefined) | undefined) {
      state.fault = handler;
    },
    /** Changes an item, as a user of the ERP would (its change time moves to `at`). */
    change(id: string, values: Partial<ErpItem>) {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) throw new Error(`no item ${id}`);
      Object.assign(item, values);
    },
    close: server.close,
  };
}

export type ErpApi = Awaited<ReturnType<typeof startErpApi>>;
