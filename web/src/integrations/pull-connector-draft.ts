import {
  MASK,
  type PullConnector,
  type PullConnectorInput,
  type PullConnectorUpdate,
  type SourceSystemKind,
} from "../contract.ts";
import { type AuthDraft, authDraft, authInput } from "../settings-workflows/connector-draft.ts";
import { authPaths } from "../settings-workflows/http-auth-fields.tsx";

type RestPagingType = "none" | "cursor" | "next_url" | "page" | "updated_since";

/**
 * The pull-connector form as typed: one connector with one resource (more are added through the
 * API), text as entered, turned into the API's input by pullConnectorInput.
 */
export type PullConnectorDraft = {
  name: string;
  system: SourceSystemKind;
  sourceSystem: string;
  kind: "rest" | "sql";
  /** How often the resource is read, in minutes. */
  everyMinutes: string;
  resource: string;
  pageSize: string;
  // REST
  baseUrl: string;
  /** As action connectors edit it; a key in a header is the pull connectors' `api_key`. */
  auth: AuthDraft;
  path: string;
  /** Query parameters, one `name=value` a line; values may hold {cursor}, {updated_since}, {page}, … */
  query: string;
  itemsPath: string;
  paging: RestPagingType;
  nextCursorPath: string;
  nextUrlPath: string;
  firstPage: string;
  incrementalField: string;
  incrementalStart: string;
  // SQL
  dialect: "postgres" | "mysql";
  host: string;
  port: string;
  database: string;
  user: string;
  dbPassword: string;
  tls: "disable" | "require" | "verify";
  sql: string;
  cursorColumns: string;
  /** Editing a connector: whether a database password is stored (left empty, it is kept). */
  passwordStored?: boolean;
  /** Editing a connector: a REST auth this form cannot show (an API key in the query string), kept as it is. */
  keptAuth?: Record<string, unknown>;
};

export const EMPTY_PULL_CONNECTOR: PullConnectorDraft = {
  name: "",
  system: "erp",
  sourceSystem: "",
  kind: "rest",
  everyMinutes: "15",
  resource: "orders",
  pageSize: "100",
  baseUrl: "",
  auth: authDraft({}),
  path: "/orders",
  query: "",
  itemsPath: "$",
  paging: "none",
  nextCursorPath: "",
  nextUrlPath: "",
  firstPage: "1",
  incrementalField: "",
  incrementalStart: "",
  dialect: "postgres",
  host: "",
  port: "",
  database: "",
  user: "",
  dbPassword: "",
  tls: "disable",
  sql: "",
  cursorColumns: "updated_at, id",
};

/** Which query parameters each paging asks for, filled in when it is chosen and the query does not name one yet. */
export const PAGING_PARAMETERS: Record<RestPagingType, string> = {
  none: "",
  cursor: "cursor={cursor}",
  next_url: "",
  page: "page={page}",
  updated_since: "updated_since={updated_since}",
};

/** A number as typed; text that is not one is sent as it is, for the server to name the field it is wrong in. */
function numberOf(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const trimmedOrOmitted = <K extends string>(key: K, text: string): { [P in K]?: string } =>
  (text.trim() ? { [key]: text.trim() } : {}) as { [P in K]?: string };

/** `name=value` lines as a record; a line without `=` is a parameter with an empty value. */
export function queryOf(text: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const at = line.indexOf("=");
    const name = (at === -1 ? line : line.slice(0, at)).trim();
    if (name) query[name] = at === -1 ? "" : line.slice(at + 1).trim();
  }
  return query;
}

function restAuthOf(auth: AuthDraft): Record<string, unknown> {
  const input = authInput(auth);
  if (input.type !== "header") return input;
  return { type: "api_key", in: "header", name: String(input.name).trim(), value: input.value };
}

function restPagingOf(draft: PullConnectorDraft): Record<string, unknown> {
  switch (draft.paging) {
    case "cursor":
      return { type: "cursor", next_cursor_path: draft.nextCursorPath.trim() };
    case "next_url":
      return { type: "next_url", next_url_path: draft.nextUrlPath.trim() };
    case "page":
      return { type: "page", first_page: numberOf(draft.firstPage) };
    default:
      return { type: draft.paging };
  }
}

function restOf(draft: PullConnectorDraft, mapping: Record<string, unknown>) {
  const incremental = draft.incrementalField.trim()
    ? {
        incremental: {
          field: draft.incrementalField.trim(),
          ...(draft.incrementalStart.trim() ? { start: draft.incrementalStart.trim() } : {}),
        },
      }
    : {};
  return {
    kind: "rest" as const,
    connection: { base_url: draft.baseUrl.trim(), auth: restAuthOf(draft.auth) },
    resource: {
      path: draft.path.trim(),
      query: queryOf(draft.query),
      items_path: draft.itemsPath.trim() || "$",
      paging: restPagingOf(draft),
      ...incremental,
      page_size: numberOf(draft.pageSize),
      mapping,
    },
  };
}

function sqlOf(draft: PullConnectorDraft, mapping: Record<string, unknown>) {
  return {
    kind: "sql" as const,
    connection: {
      dialect: draft.dialect,
      host: draft.host.trim(),
      ...(draft.port.trim() ? { port: numberOf(draft.port) } : {}),
      database: draft.database.trim(),
      user: draft.user.trim(),
      ...(draft.dbPassword ? { password: draft.dbPassword } : {}),
      tls: draft.tls,
    },
    resource: {
      query: draft.sql.trim(),
      cursor_columns: draft.cursorColumns
        .split(",")
        .map((column) => column.trim())
        .filter(Boolean),
      page_size: numberOf(draft.pageSize),
      mapping,
    },
  };
}

/** What POST /api/v1/ingest/pull-connectors is sent for a draft and its resource's mapping. */
export function pullConnectorInput(draft: PullConnectorDraft, mapping: Record<string, unknown>): PullConnectorInput {
  const { kind, connection, resource } = draft.kind === "rest" ? restOf(draft, mapping) : sqlOf(draft, mapping);
  const minutes = numberOf(draft.everyMinutes);
  return {
    name: draft.name.trim(),
    system: draft.system,
    ...trimmedOrOmitted("source_system", draft.sourceSystem),
    kind,
    interval_seconds: typeof minutes === "number" ? Math.round(minutes * 60) : minutes,
    connection,
    resources: { [draft.resource.trim()]: resource },
  } as PullConnectorInput;
}

/** The API paths of a draft's connection and resource fields, where the server's problems are shown. */
export const pullConnectionPaths = (draft: PullConnectorDraft): string[] => [
  "connection.base_url",
  ...authPaths("connection.auth"),
  "connection.dialect",
  "connection.host",
  "connection.port",
  "connection.database",
  "connection.user",
  "connection.password",
  "connection.tls",
  ...RESOURCE_FIELDS.map((field) => `resources.${draft.resource.trim()}.${field}`),
];

const RESOURCE_FIELDS = [
  "path",
  "query",
  "items_path",
  "paging",
  "paging.next_cursor_path",
  "paging.next_url_path",
  "paging.first_page",
  "incremental",
  "incremental.start",
  "page_size",
  "cursor_columns",
];

type Json = Record<string, unknown>;
const objectOf = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const textOf = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const PAGING_TYPES: readonly string[] = ["none", "cursor", "next_url", "page", "updated_since"];

/** A stored connector's connection and one of its resources as the form edits them (secrets never shown). */
export function draftOfPullConnector(connector: PullConnector, resource: string): PullConnectorDraft {
  const connection = objectOf(connector.connection);
  const config = objectOf(connector.resources[resource]);
  const base: PullConnectorDraft = {
    ...EMPTY_PULL_CONNECTOR,
    name: connector.name,
    system: connector.system,
    sourceSystem: connector.source_system ?? "",
    kind: connector.kind,
    everyMinutes: String(connector.interval_seconds / 60),
    resource,
    pageSize: textOf(config.page_size) || EMPTY_PULL_CONNECTOR.pageSize,
  };
  if (connector.kind === "sql") {
    return {
      ...base,
      dialect: connection.dialect === "mysql" ? "mysql" : "postgres",
      host: textOf(connection.host),
      port: textOf(connection.port),
      database: textOf(connection.database),
      user: textOf(connection.user),
      passwordStored: textOf(connection.password).startsWith(MASK),
      tls: connection.tls === "require" || connection.tls === "verify" ? connection.tls : "disable",
      sql: textOf(config.query),
      cursorColumns: Array.isArray(config.cursor_columns) ? config.cursor_columns.map(textOf).join(", ") : "",
    };
  }
  const auth = objectOf(connection.auth);
  const keyInHeader = auth.type === "api_key" && auth.in === "header";
  const paging = objectOf(config.paging);
  const incremental = objectOf(config.incremental);
  return {
    ...base,
    baseUrl: textOf(connection.base_url),
    // The form edits an API key in a header as action connectors' header auth.
    auth: authDraft(keyInHeader ? { type: "header", name: auth.name, value: auth.value } : auth),
    ...(auth.type === "api_key" && !keyInHeader ? { keptAuth: auth } : {}),
    path: textOf(config.path),
    query: Object.entries(objectOf(config.query))
      .map(([name, value]) => `${name}=${textOf(value)}`)
      .join("\n"),
    itemsPath: textOf(config.items_path) || "$",
    paging: (PAGING_TYPES.includes(textOf(paging.type)) ? paging.type : "none") as RestPagingType,
    nextCursorPath: textOf(paging.next_cursor_path),
    nextUrlPath: textOf(paging.next_url_path),
    firstPage: textOf(paging.first_page) || "1",
    incrementalField: textOf(incremental.field),
    incrementalStart: textOf(incremental.start),
  };
}

/**
 * What PATCH /api/v1/ingest/pull-connectors/{id} is sent for an edited connection and resource: the
 * connection whole (a secret left empty sent back masked, which keeps it), and the connector's
 * resources with this one replaced, keeping its mapping.
 */
export function pullConnectorUpdate(draft: PullConnectorDraft, connector: PullConnector, resource: string): PullConnectorUpdate {
  const stored = objectOf(connector.resources[resource]);
  const input = pullConnectorInput({ ...draft, resource }, objectOf(stored.mapping));
  const connection: Json = { ...input.connection };
  if (draft.kind === "rest" && draft.keptAuth) connection.auth = draft.keptAuth;
  if (draft.kind === "sql" && !draft.dbPassword && draft.passwordStored) connection.password = MASK;
  return { connection, resources: { ...connector.resources, [resource]: input.resources[resource] as Json } };
}
