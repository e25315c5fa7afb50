import { assertNever } from "../../../../../../platform/errors.ts";
import { type ParsedPath, parsePath, readPath, rootScope } from "../../../../mapping/path.ts";
import type { RestConnection, RestResource } from "../../../contract/index.ts";
import { PullError } from "../../connector.ts";
import { compareScalars, greatest, type Scalar } from "./scalar.ts";

/**
 * Where reading a REST resource stands. `watermark` is this run's {updated_since}: the greatest
 * change time the last finished run saw (or the resource's `start`). `high` is the greatest seen so
 * far in this run; it becomes the watermark when the run ends. `page` says where the next page is
 * (null: the first).
 */
export type RestCursor = {
  watermark: Scalar | null;
  high: Scalar | null;
  page: { cursor?: string; url?: string; page?: number; since?: Scalar } | null;
};

export function initialRestCursor(resource: RestResource): RestCursor {
  return { watermark: resource.incremental?.start ?? null, high: null, page: null };
}

/** A stored cursor as a RestCursor; anything else (a resource that changed kind) starts over. */
export function asRestCursor(stored: unknown, resource: RestResource): RestCursor {
  if (stored && typeof stored === "object" && "watermark" in stored && "page" in stored) return stored as RestCursor;
  return initialRestCursor(resource);
}

const compiledPaths = new Map<string, ParsedPath>();
function path(text: string, what: string): ParsedPath {
  let parsed = compiledPaths.get(text);
  if (!parsed) {
    const result = parsePath(text);
    if (!result.ok) throw new PullError(`${what} "${text}" ${result.message}`, { retryable: false });
    parsed = result.value;
    compiledPaths.set(text, parsed);
  }
  return parsed;
}

function read(value: unknown, text: string, what: string): { found: boolean; value: unknown } {
  const found = readPath(rootScope(value), path(text, what));
  return found.found ? { found: true, value: found.value } : { found: false, value: undefined };
}

const joinUrl = (base: string, suffix: string) => `${base.replace(/\/+$/, "")}${suffix}`;

/** The address of the page `cursor` points at: a next-page URL the API gave, or base_url + path + the query filled in. */
export function pageUrl(
  connection: RestConnection,
  resource: RestResource,
  cursor: RestCursor,
  credentials: Record<string, string>,
): string {
  const withCredentials = (url: URL) => {
    for (const [name, value] of Object.entries(credentials)) url.searchParams.set(name, value);
    return url.toString();
  };
  if (cursor.page?.url) return withCredentials(new URL(cursor.page.url));
  const paging = resource.paging;
  const page = cursor.page?.page ?? (paging.type === "page" ? paging.first_page : 1);
  const firstPage = paging.type === "page" ? paging.first_page : 1;
  const values: Record<string, string | null> = {
    cursor: cursor.page?.cursor ?? null,
    updated_since: scalarText(paging.type === "updated_since" ? (cursor.page?.since ?? cursor.watermark) : cursor.watermark),
    page_size: String(resource.page_size),
    page: String(page),
    offset: String((page - firstPage) * resource.page_size),
  };
  const url = new URL(joinUrl(connection.base_url, resource.path));
  for (const [name, template] of Object.entries(resource.query)) {
    let missing = false;
    const value = template.replace(/\{([a-z_]+)\}/g, (_, placeholder: string) => {
      const filled = values[placeholder];
      if (filled === null || filled === undefined) missing = true;
      return filled ?? "";
    });
    if (!missing) url.searchParams.set(name, value);
  }
  return withCredentials(url);
}

const scalarText = (value: Scalar | null): string | null => (value === null ? null : String(value));

function asScalar(value: unknown): Scalar | null {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  return null;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== "";
}

/**
 * The rows of an answer and where the next page is. Throws a permanent PullError when the answer
 * is not what the resource says it is (no list at items_path, a next page on another host, a
 * page that would be read again for ever).
 */
export function readRestAnswer(
  connection: RestConnection,
  resource: RestResource,
  cursor: RestCursor,
  json: unknown,
  requestUrl: string,
  redact: (text: string) => string,
): { rows: unknown[]; cursor: RestCursor; done: boolean } {
  const items = read(json, resource.items_path, "items_path");
  if (!Array.isArray(items.value)) {
    const what = items.found ? `is ${items.value === null ? "null" : typeof items.value}` : "is missing";
    throw new PullError(`The answer's ${resource.items_path} (items_path) ${what}, not a list of items`, { retryable: false });
  }
  const rows = items.value as unknown[];
  let pageHigh: Scalar | null = null;
  if (resource.incremental) {
    for (const row of rows)
      pageHigh = greatest(pageHigh, asScalar(read(row, resource.incremental.field, "incremental.field").value));
  }
  const high = greatest(cursor.high, pageHigh);
  const finished: RestCursor = { watermark: greatest(cursor.watermark, high), high: null, page: null };
  const next = (page: RestCursor["page"]) => ({ rows, cursor: { watermark: cursor.watermark, high, page }, done: false });
  const paging = resource.paging;
  switch (paging.type) {
    case "none":
      return { rows, cursor: finished, done: true };
    case "cursor": {
      const value = read(json, paging.next_cursor_path, "next_cursor_path").value;
      if (!present(value)) return { rows, cursor: finished, done: true };
      return next({ cursor: typeof value === "object" ? JSON.stringify(value) : String(value) });
    }
    case "next_url": {
      const value = read(json, paging.next_url_path, "next_url_path").value;
      if (!present(value)) return { rows, cursor: finished, done: true };
      let url: URL;
      try {
        url = new URL(String(value), requestUrl);
      } catch {
        throw new PullError(`The answer's next page address (${paging.next_url_path}) is not a URL: ${redact(String(value))}`, {
          retryable: false,
        });
      }
      if (url.origin !== new URL(connection.base_url).origin) {
        throw new PullError(
          `The answer's next page is on ${url.origin}, not on base_url's ${new URL(connection.base_url).origin}: credentials are only sent to base_url`,
          { retryable: false },
        );
      }
      return next({ url: url.toString() });
    }
    case "page": {
      if (rows.length < resource.page_size) return { rows, cursor: finished, done: true };
      return next({ page: (cursor.page?.page ?? paging.first_page) + 1 });
    }
    case "updated_since": {
      if (rows.length < resource.page_size) return { rows, cursor: finished, done: true };
      const since = cursor.page?.since ?? cursor.watermark;
      if (pageHigh === null || (since !== null && compareScalars(pageHigh, since) <= 0)) {
        throw new PullError(
          `A full page of ${resource.page_size} items all have ${resource.incremental?.field} = ${String(pageHigh ?? since)}: the next page cannot start after them; raise page_size`,
          { retryable: false },
        );
      }
      return next({ since: pageHigh });
    }
    default:
      return assertNever(paging);
  }
}
