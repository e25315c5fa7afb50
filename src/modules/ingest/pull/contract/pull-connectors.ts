import { z } from "zod";
import { SourceMapping, SourceStatus, SourceSystemKind } from "../../contract/sources.ts";

/**
 * A secret as the API shows it: never the value, only "••••" and, for long secrets, its last four
 * characters. Sent back unchanged on an update, it keeps the stored secret.
 */
export const PULL_SECRET_MASK = "••••";
const secret = z.string().min(1).max(4000);

const httpUrl = z
  .string()
  .max(2000)
  .url()
  .regex(/^https?:\/\//i, "an http:// or https:// address");

const headerName = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "an HTTP header name");

/** A path into a JSON answer, in the mapping engine's syntax: `data.items`, `meta["next-cursor"]`, `$` for the whole answer. */
const JsonPath = z.string().min(1).max(512);

export const PullConnectorName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and dashes, up to 40, starting with a letter or digit");

/** A resource's name: with the connector's, it names the resource's source (`<connector>-<resource>`). */
export const PullResourceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,21}$/, "lower-case letters, digits and dashes, up to 22, starting with a letter or digit");

// ── REST ────────────────────────────────────────────────────────────────────────────────────────

export const RestPullAuth = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  /** An API key in a header (`X-Api-Key: …`) or in the query string (`?api_key=…`). */
  z.strictObject({
    type: z.literal("api_key"),
    in: z.enum(["header", "query"]).default("header"),
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, "a header or query parameter name"),
    value: secret,
  }),
  z.strictObject({ type: z.literal("bearer"), token: secret }),
  z.strictObject({ type: z.literal("basic"), username: z.string().min(1).max(200), password: secret }),
  /** OAuth 2.0 client credentials (RFC 6749 §4.4): a token is fetched, kept until shortly before it expires, and sent as a bearer token. */
  z.strictObject({
    type: z.literal("oauth2_client_credentials"),
    token_url: httpUrl,
    client_id: z.string().min(1).max(500),
    client_secret: secret,
    scope: z.string().min(1).max(2000).optional(),
    audience: z.string().min(1).max(2000).optional(),
    auth_method: z.enum(["client_secret_basic", "client_secret_post"]).default("client_secret_basic"),
  }),
]);
export type RestPullAuth = z.infer<typeof RestPullAuth>;

export const RestRetries = z.strictObject({
  /** Tries per request, the first included. */
  max_attempts: z.number().int().min(1).max(10).default(5),
  /** Backoff: a random wait up to base × 2^(attempt−1), at most max (when the answer has no Retry-After). */
  base_delay_ms: z.number().int().min(1).max(60_000).default(1_000),
  max_delay_ms: z.number().int().min(1).max(300_000).default(30_000),
  /** A Retry-After longer than this ends the run; the next run is scheduled no sooner than it asks. */
  max_retry_after_ms: z.number().int().min(0).max(3_600_000).default(120_000),
});

export const RestConnection = z.strictObject({
  base_url: httpUrl,
  /** Sent with every request (not secrets: auth holds those). */
  headers: z.record(headerName, z.string().max(2000)).default({}),
  auth: RestPullAuth.default({ type: "none" }),
  /** Requests per second at most, per process; none when left out. */
  rate_limit_per_second: z.number().positive().max(1000).optional(),
  timeout_ms: z.number().int().min(100).max(120_000).default(30_000),
  retries: RestRetries.prefault({}),
});
export type RestConnection = z.infer<typeof RestConnection>;

/**
 * How the next page is asked for:
 * - `none`: one request per run.
 * - `cursor`: the answer names the next page's cursor at `next_cursor_path`; the query's `{cursor}` carries it (left out on the first page).
 * - `next_url`: the answer names the next page's address at `next_url_path` (same origin as `base_url`).
 * - `page`: `{page}` counts from `first_page` (and `{offset}` from 0) until a page has fewer than `page_size` items.
 * - `updated_since`: keyset on the incremental field: the next page's `{updated_since}` is the greatest value of
 *   the page before (inclusive, so the boundary items are read twice: upserts are idempotent); the answer must be sorted by it.
 */
export const RestPaging = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  z.strictObject({ type: z.literal("cursor"), next_cursor_path: JsonPath }),
  z.strictObject({ type: z.literal("next_url"), next_url_path: JsonPath }),
  z.strictObject({ type: z.literal("page"), first_page: z.number().int().min(0).default(1) }),
  z.strictObject({ type: z.literal("updated_since") }),
]);
export type RestPaging = z.infer<typeof RestPaging>;

const PLACEHOLDERS = ["cursor", "updated_since", "page_size", "page", "offset"] as const;

export const RestResource = z
  .strictObject({
    /** Appended to base_url. */
    path: z.string().min(1).max(1000).regex(/^\//, "starts with /: it is appended to base_url"),
    /**
     * Query parameters. A value may hold {cursor}, {updated_since}, {page_size}, {page} or {offset}; a
     * parameter whose placeholder has no value yet (the first page's cursor) is left out.
     */
    query: z.record(z.string().min(1).max(200), z.string().max(2000)).default({}),
    /** Where the answer holds the list of items: `data`, `results.items`; `$` when the answer is the list. */
    items_path: JsonPath.default("$"),
    paging: RestPaging.default({ type: "none" }),
    /**
     * Read only what changed: `field` is where each item says when it last changed; the greatest value
     * seen becomes the next run's `{updated_since}` (`start` before the first run).
     */
    incremental: z
      .strictObject({ field: JsonPath, start: z.union([z.string().min(1).max(100), z.number()]).optional() })
      .optional(),
    page_size: z.number().int().min(1).max(10_000).default(100),
    /** How an item becomes records: a ready mapping by name or a mapping of your own (ingest/mapping/README.md). */
    mapping: SourceMapping,
  })
  .superRefine((resource, ctx) => {
    const used = new Set<string>();
    for (const [name, value] of Object.entries(resource.query)) {
      for (const match of value.matchAll(/\{([a-z_]+)\}/g)) {
        const placeholder = match[1] as string;
        if (!(PLACEHOLDERS as readonly string[]).includes(placeholder)) {
          ctx.addIssue({
            code: "custom",
            path: ["query", name],
            message: `{${placeholder}} is not one of {${PLACEHOLDERS.join("}, {")}}`,
          });
        }
        used.add(placeholder);
      }
    }
    const type = resource.paging.type;
    if (type === "cursor" && !used.has("cursor")) {
      ctx.addIssue({
        code: "custom",
        path: ["query"],
        message: "cursor paging sends the cursor in a parameter holding {cursor}",
      });
    }
    if (used.has("cursor") && type !== "cursor") {
      ctx.addIssue({ code: "custom", path: ["query"], message: "{cursor} needs paging of type cursor" });
    }
    if ((used.has("page") || used.has("offset")) && type !== "page") {
      ctx.addIssue({ code: "custom", path: ["query"], message: "{page} and {offset} need paging of type page" });
    }
    if (type === "page" && !used.has("page") && !used.has("offset")) {
      ctx.addIssue({ code: "custom", path: ["query"], message: "page paging sends {page} or {offset} in a parameter" });
    }
    if (used.has("updated_since") && !resource.incremental) {
      ctx.addIssue({ code: "custom", path: ["incremental"], message: "{updated_since} needs incremental.field" });
    }
    if (type === "updated_since" && (!resource.incremental || !used.has("updated_since"))) {
      ctx.addIssue({
        code: "custom",
        path: ["paging"],
        message: "updated_since paging needs incremental.field and a parameter holding {updated_since}",
      });
    }
  });
export type RestResource = z.infer<typeof RestResource>;

// ── SQL ─────────────────────────────────────────────────────────────────────────────────────────

/** `postgres` for PostgreSQL; `mysql` for MySQL and MariaDB. */
export const SqlDialect = z.enum(["postgres", "mysql"]);
export type SqlDialect = z.infer<typeof SqlDialect>;

export const SqlConnection = z.strictObject({
  dialect: SqlDialect,
  host: z.string().min(1).max(255),
  /** 5432 for postgres, 3306 for mysql when left out. */
  port: z.number().int().min(1).max(65_535).optional(),
  database: z.string().min(1).max(128),
  /** Give Crossdock a user that can only read: queries also run in read-only transactions. */
  user: z.string().min(1).max(128),
  password: secret.optional(),
  /** `disable`; `require` (encrypted, certificate not checked); `verify` (encrypted, certificate and host checked). */
  tls: z.enum(["disable", "require", "verify"]).default("disable"),
  /** For connecting and for each page's query. */
  timeout_ms: z.number().int().min(100).max(600_000).default(30_000),
});
export type SqlConnection = z.infer<typeof SqlConnection>;

const ColumnName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "a column name of the query's result (letters, digits, _)");

export const SqlResource = z.strictObject({
  /**
   * One SELECT (or WITH … SELECT) whose rows are the resource. It is read in pages in the order of
   * `cursor_columns`, after the last row read, which Crossdock adds around it: do not order or limit it.
   */
  query: z
    .string()
    .min(1)
    .max(20_000)
    .refine((query) => /^\s*(select|with)\b/i.test(query), "a SELECT statement (or WITH … SELECT)")
    .refine((query) => !query.trim().replace(/;\s*$/, "").includes(";"), "one statement, without ;"),
  /**
   * The keyset: columns of the result that, together, order the rows and never repeat, the change
   * time first (`["updated_at", "id"]`). Each run reads the rows after the last one read; none may be null.
   */
  cursor_columns: z.array(ColumnName).min(1).max(4),
  page_size: z.number().int().min(1).max(10_000).default(500),
  mapping: SourceMapping,
});
export type SqlResource = z.infer<typeof SqlResource>;

// ── Connectors ──────────────────────────────────────────────────────────────────────────────────

const common = {
  name: PullConnectorName,
  system: SourceSystemKind,
  /** The `source_system` its records are kept under; the name when left out. */
  source_system: z.string().min(1).max(100).optional(),
  /** How often each resource is read. */
  interval_seconds: z.number().int().min(10).max(604_800).default(900),
  status: SourceStatus.optional(),
};

const resources = <T extends z.ZodType>(resource: T) =>
  z
    .record(PullResourceName, resource)
    .refine((all) => Object.keys(all).length >= 1 && Object.keys(all).length <= 50, "1 to 50 resources");

export const PullConnectorInput = z.discriminatedUnion("kind", [
  z.strictObject({ ...common, kind: z.literal("rest"), connection: RestConnection, resources: resources(RestResource) }),
  z.strictObject({ ...common, kind: z.literal("sql"), connection: SqlConnection, resources: resources(SqlResource) }),
]);
export type PullConnectorInput = z.infer<typeof PullConnectorInput>;
export type PullConnectorKind = PullConnectorInput["kind"];

/**
 * A change: each given key replaces the stored one whole (`connection`, `resources`); a masked secret
 * sent back keeps the stored secret. The result is checked as a whole, as when created.
 */
export const PullConnectorUpdate = z.strictObject({
  system: SourceSystemKind.optional(),
  source_system: z.string().min(1).max(100).optional(),
  interval_seconds: z.number().int().min(10).max(604_800).optional(),
  status: SourceStatus.optional(),
  connection: z.record(z.string(), z.unknown()).optional(),
  resources: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type PullConnectorUpdate = z.infer<typeof PullConnectorUpdate>;

export const PullRunStatus = z.enum(["running", "succeeded", "failed", "stopped"]);
export type PullRunStatus = z.infer<typeof PullRunStatus>;

export const PullRunError = z.object({
  message: z.string(),
  /** Whether trying again later may succeed (a timeout, 429, 5xx) or not without a change (a 4xx, a bad query). */
  retryable: z.boolean(),
  /** The HTTP status the source answered, when it answered. */
  status: z.number().int().nullable(),
  at: z.string(),
});
export type PullRunError = z.infer<typeof PullRunError>;

export const PullRun = z.object({
  id: z.string(),
  connector_id: z.string(),
  resource: z.string(),
  trigger: z.enum(["schedule", "manual"]),
  status: PullRunStatus,
  started_at: z.string(),
  finished_at: z.string().nullable(),
  pages: z.number().int(),
  rows_read: z.number().int(),
  /** Records inserted or changed. */
  rows_written: z.number().int(),
  /** Records read again as they were stored. */
  rows_unchanged: z.number().int(),
  /** Rows kept in quarantine (receipts of the resource's source). */
  rows_quarantined: z.number().int(),
  requests: z.number().int(),
  retries: z.number().int(),
  /** How often a process took the run over from one that stopped (a crash). */
  resumed: z.number().int(),
  cursor_start: z.unknown(),
  cursor_end: z.unknown(),
  error: PullRunError.nullable(),
});
export type PullRun = z.infer<typeof PullRun>;

/** One resource of a connector as it runs: where it is, when it runs next, how its last run went. */
export const PullStream = z.object({
  resource: z.string(),
  /** The source its quarantined rows are receipts of. */
  source_id: z.string(),
  cursor: z.unknown(),
  next_run_at: z.string(),
  running: z.boolean(),
  last_run: PullRun.nullable(),
  last_success_at: z.string().nullable(),
  /** Seconds since the start of the last successful run: how old the newest data may be. Null before one. */
  lag_seconds: z.number().nullable(),
});
export type PullStream = z.infer<typeof PullStream>;

export const PullConnector = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["rest", "sql"]),
  system: SourceSystemKind,
  source_system: z.string(),
  interval_seconds: z.number().int(),
  status: SourceStatus,
  /** Secrets masked. */
  connection: z.record(z.string(), z.unknown()),
  resources: z.record(z.string(), z.record(z.string(), z.unknown())),
  streams: z.array(PullStream),
  created_at: z.string(),
  updated_at: z.string(),
});
export type PullConnector = z.infer<typeof PullConnector>;

export const PullRunNowInput = z.strictObject({
  /** One resource; every resource when left out. */
  resource: z.string().optional(),
});
export type PullRunNowInput = z.infer<typeof PullRunNowInput>;

export const PullRunQuery = z.object({
  resource: z.string().optional(),
  status: PullRunStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
export type PullRunQuery = z.infer<typeof PullRunQuery>;

/** A resource's first page read and mapped, writing nothing: to check a connector before it runs. */
export const PullPreview = z.object({
  resource: z.string(),
  rows_read: z.number().int(),
  /** The first rows (up to 20), each with the records it maps to or the problems it has. */
  rows: z.array(
    z.object({
      row: z.unknown(),
      records: z.array(z.object({ type: z.string(), row: z.record(z.string(), z.unknown()) })),
      problems: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
  /** How many of the page's rows would be quarantined at mapping. */
  problem_rows: z.number().int(),
  /** Whether there is a page after this one. */
  more: z.boolean(),
});
export type PullPreview = z.infer<typeof PullPreview>;
