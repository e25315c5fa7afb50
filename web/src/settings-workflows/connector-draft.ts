import { type Connector, type ConnectorInput, type ConnectorKind, MASK, type OAuth2ClientAuthMethod } from "../contract.ts";

type Json = Record<string, unknown>;

export type AuthType = "none" | "bearer" | "basic" | "header" | "oauth2_client_credentials";

/** The field of each auth type that holds its secret. */
const SECRET_FIELD = {
  bearer: "token",
  basic: "password",
  header: "value",
  oauth2_client_credentials: "client_secret",
} as const;

const AUTH_TYPES: readonly string[] = ["bearer", "basic", "header", "oauth2_client_credentials"];

/**
 * HTTP auth as the form edits it. The secret is never shown: `secret` is a new value typed in
 * (empty keeps the stored one), `stored` the masked value the API gave for this auth type, sent
 * back to keep the secret.
 */
export type AuthDraft = {
  type: AuthType;
  username: string;
  headerName: string;
  /** OAuth 2.0 client credentials: where tokens come from, as whom, for what. */
  tokenUrl: string;
  clientId: string;
  scope: string;
  audience: string;
  authMethod: OAuth2ClientAuthMethod;
  secret: string;
  stored: string | null;
  /** The auth type the stored secret belongs to: another type needs a new secret. */
  storedType: AuthType;
};

/** A connector as the form edits it: every kind's fields, and the stored config to keep what the form does not show. */
export type ConnectorDraft = {
  name: string;
  description: string;
  kind: ConnectorKind;
  rest: { baseUrl: string; timeoutMs: string; headers: string; endpoints: string; auth: AuthDraft };
  edi: {
    senderQualifier: string;
    senderId: string;
    receiverQualifier: string;
    receiverId: string;
    usage: "P" | "T";
    delivery: "folder" | "http";
    folder: string;
    url: string;
    timeoutMs: string;
    auth: AuthDraft;
  };
  email: { fromName: string };
  /** The config as stored, for the fields the form does not edit (EDI separators, endpoint details…). */
  stored: Json;
};

const object = (value: unknown): Json => (value !== null && typeof value === "object" ? (value as Json) : {});
const text = (value: unknown, fallback = ""): string =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : fallback;

/** An auth as the form edits it, from one as the API shows it (`{}`: none). */
export function authDraft(value: unknown): AuthDraft {
  const auth = object(value);
  const type = (AUTH_TYPES.includes(text(auth.type)) ? auth.type : "none") as AuthType;
  const stored = type === "none" ? null : text(auth[SECRET_FIELD[type]]) || null;
  return {
    type,
    username: text(auth.username),
    headerName: text(auth.name),
    tokenUrl: text(auth.token_url),
    clientId: text(auth.client_id),
    scope: text(auth.scope),
    audience: text(auth.audience),
    authMethod: auth.auth_method === "client_secret_post" ? "client_secret_post" : "client_secret_basic",
    secret: "",
    stored,
    storedType: type,
  };
}

/** Whether the API holds a secret for this auth (the form shows "set" and only lets it be replaced). */
export const secretIsSet = (auth: AuthDraft) => auth.type === auth.storedType && auth.stored?.startsWith(MASK) === true;

export function emptyDraft(kind: ConnectorKind = "rest"): ConnectorDraft {
  return draftOf({ id: "", name: "", kind, description: null, config: {}, action_kinds: [], created_at: "", updated_at: "" });
}

/** The form's starting point for an existing connector (or, from `emptyDraft`, a new one). */
export function draftOf(connector: Connector): ConnectorDraft {
  const config = connector.config;
  const sender = object(config.sender);
  const receiver = object(config.receiver);
  const delivery = object(config.delivery);
  const headers = object(config.headers);
  return {
    name: connector.name,
    description: connector.description ?? "",
    kind: connector.kind,
    rest: {
      baseUrl: connector.kind === "rest" ? text(config.base_url) : "",
      timeoutMs: connector.kind === "rest" ? text(config.timeout_ms, "10000") : "10000",
      headers: Object.entries(headers)
        .map(([name, value]) => `${name}: ${text(value)}`)
        .join("\n"),
      endpoints: JSON.stringify(connector.kind === "rest" ? object(config.endpoints) : {}, null, 2),
      auth: authDraft(connector.kind === "rest" ? config.auth : undefined),
    },
    edi: {
      senderQualifier: text(sender.qualifier, "ZZ"),
      senderId: text(sender.id),
      receiverQualifier: text(receiver.qualifier, "ZZ"),
      receiverId: text(receiver.id),
      usage: config.usage === "T" ? "T" : "P",
      delivery: delivery.type === "http" ? "http" : "folder",
      folder: text(delivery.path),
      url: text(delivery.url),
      timeoutMs: text(delivery.timeout_ms, "10000"),
      auth: authDraft(connector.kind === "edi" ? delivery.auth : undefined),
    },
    email: { fromName: connector.kind === "email" ? text(config.from_name) : "" },
    stored: config,
  };
}

/** What the API is sent for an auth as edited. */
export function authInput(auth: AuthDraft): Json {
  if (auth.type === "none") return { type: "none" };
  // A new value replaces the secret; none keeps the stored one (the API keeps it when given its mask).
  const secret = auth.secret !== "" ? auth.secret : secretIsSet(auth) ? (auth.stored as string) : "";
  const field = SECRET_FIELD[auth.type];
  if (auth.type === "basic") return { type: "basic", username: auth.username, [field]: secret };
  if (auth.type === "header") return { type: "header", name: auth.headerName, [field]: secret };
  if (auth.type === "oauth2_client_credentials") {
    return {
      type: "oauth2_client_credentials",
      token_url: auth.tokenUrl.trim(),
      client_id: auth.clientId.trim(),
      [field]: secret,
      ...(auth.scope.trim() ? { scope: auth.scope.trim() } : {}),
      ...(auth.audience.trim() ? { audience: auth.audience.trim() } : {}),
      auth_method: auth.authMethod,
    };
  }
  return { type: "bearer", [field]: secret };
}

/** "Name: value" per line → { Name: "value" }; blank lines skipped. */
export function parseHeaders(lines: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines.split("\n")) {
    if (!line.trim()) continue;
    const colon = line.indexOf(":");
    const name = (colon < 0 ? line : line.slice(0, colon)).trim();
    headers[name] = colon < 0 ? "" : line.slice(colon + 1).trim();
  }
  return headers;
}

const integer = (value: string): number | string => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value);

export type DraftResult = { ok: true; input: ConnectorInput } | { ok: false; path: string; message: string };

/** What the API is sent: the stored config with the form's fields over it. Endpoints must be JSON. */
export function inputOf(draft: ConnectorDraft): DraftResult {
  const base = { name: draft.name.trim(), ...(draft.description.trim() ? { description: draft.description.trim() } : {}) };
  const stored = draft.stored;
  switch (draft.kind) {
    case "rest": {
      let endpoints: unknown;
      try {
        endpoints = JSON.parse(draft.rest.endpoints.trim() || "{}");
      } catch (error) {
        return { ok: false, path: "config.endpoints", message: `not JSON: ${(error as Error).message}` };
      }
      const config = {
        base_url: draft.rest.baseUrl.trim(),
        auth: authInput(draft.rest.auth),
        timeout_ms: integer(draft.rest.timeoutMs),
        headers: parseHeaders(draft.rest.headers),
        endpoints,
      };
      return { ok: true, input: { ...base, kind: "rest", config } as ConnectorInput };
    }
    case "edi": {
      const { edi } = draft;
      const delivery =
        edi.delivery === "folder"
          ? { type: "folder", path: edi.folder.trim() }
          : { type: "http", url: edi.url.trim(), auth: authInput(edi.auth), timeout_ms: integer(edi.timeoutMs) };
      const config = {
        ...ediKept(stored),
        sender: { qualifier: edi.senderQualifier.trim(), id: edi.senderId.trim() },
        receiver: { qualifier: edi.receiverQualifier.trim(), id: edi.receiverId.trim() },
        usage: edi.usage,
        delivery,
      };
      return { ok: true, input: { ...base, kind: "edi", config } as ConnectorInput };
    }
    case "email": {
      const fromName = draft.email.fromName.trim();
      return { ok: true, input: { ...base, kind: "email", config: fromName ? { from_name: fromName } : {} } };
    }
  }
}

/** The EDI settings the form does not show, kept as they are. */
function ediKept(stored: Json): Json {
  const kept: Json = {};
  for (const key of [
    "application_sender",
    "application_receiver",
    "element_separator",
    "segment_terminator",
    "component_separator",
    "newline_after_segment",
  ]) {
    if (stored[key] !== undefined) kept[key] = stored[key];
  }
  return kept;
}

/** Where a connector sends, in one line for the list. */
export function targetOf(connector: Connector): string {
  const config = connector.config;
  switch (connector.kind) {
    case "rest":
      return text(config.base_url);
    case "edi": {
      const delivery = object(config.delivery);
      const partner = `${text(object(config.sender).id)} → ${text(object(config.receiver).id)}`;
      return `${partner} · ${delivery.type === "http" ? text(delivery.url) : `outbox ${text(delivery.path) || "/"}`}`;
    }
    case "email":
      return `email${config.from_name ? ` from “${text(config.from_name)}”` : ""}`;
  }
}

/** The auth type in words, for the list. */
export function authOf(connector: Connector): string | null {
  const auth = connector.kind === "rest" ? object(connector.config.auth) : object(object(connector.config.delivery).auth);
  if (auth.type === "oauth2_client_credentials") return "OAuth2";
  return typeof auth.type === "string" && auth.type !== "none" ? auth.type : null;
}
