import { sha256 } from "../../../../platform/crypto.ts";
import type { Logger } from "../../../../platform/logger.ts";
import { type HttpAuth, MASK } from "../../contract/index.ts";
import { type ActionError, PermanentActionError, RetryableActionError } from "../../errors.ts";
import { type HttpAnswer, type HttpRequest, retryAfterMs, sendHttp } from "./transport.ts";

export type OAuth2Auth = Extract<HttpAuth, { type: "oauth2_client_credentials" }>;

/** A token is used until this long before it expires (at most a tenth of its life), so it does not lapse in flight. */
const EXPIRY_MARGIN_MS = 30_000;
/** How long a token is kept when its answer names no lifetime (a 401 from the target drops it sooner). */
const UNSTATED_LIFETIME_MS = 10 * 60_000;
const SNIPPET_CHARS = 300;

type Token = { value: string; expiresAt: number };
type Entry = { fingerprint: string; token?: Token; pending?: Promise<Token> };

/** The access tokens of a process's OAuth2 connectors, in memory only. */
export type TokenCache = {
  /** A bearer token for this connector's auth: the kept one while it is fresh, else a new one (one fetch, however many ask at once). */
  token(connectorId: string, auth: OAuth2Auth, timeoutMs: number): Promise<string>;
  /** Forgets `token`, which the target refused, unless a newer one has taken its place. */
  forget(connectorId: string, auth: OAuth2Auth, token: string): void;
};

/** What identifies a token: any change to the auth (an edited connector) makes a new fingerprint, and a new token. */
const fingerprintOf = (auth: OAuth2Auth) =>
  sha256(JSON.stringify([auth.token_url, auth.client_id, auth.client_secret, auth.scope, auth.audience, auth.auth_method]));

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks of the client id and secret in a Basic header. */
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");

function tokenRequest(auth: OAuth2Auth, timeoutMs: number): HttpRequest {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (auth.scope) form.set("scope", auth.scope);
  if (auth.audience) form.set("audience", auth.audience);
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/x-www-form-urlencoded",
  };
  if (auth.auth_method === "client_secret_post") {
    form.set("client_id", auth.client_id);
    form.set("client_secret", auth.client_secret);
  } else {
    const credentials = `${formEncode(auth.client_id)}:${formEncode(auth.client_secret)}`;
    headers.authorization = `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
  }
  return { method: "POST", url: auth.token_url, headers, body: form.toString(), timeoutMs };
}

/** Takes every form the secret could be echoed in out of a text meant for people. */
function scrubber(auth: OAuth2Auth): (text: string) => string {
  const forms = [auth.client_secret, formEncode(auth.client_secret), encodeURIComponent(auth.client_secret)];
  return (text) => forms.reduce((scrubbed, form) => scrubbed.replaceAll(form, MASK), text);
}

const field = (json: unknown, name: string): unknown =>
  json !== null && typeof json === "object" ? (json as Record<string, unknown>)[name] : undefined;

/** The answer's JSON, also when a token endpoint sends it under another content type. */
function jsonOf(answer: HttpAnswer): unknown {
  if (answer.json !== undefined) return answer.json;
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
}

const HINTS: Record<string, string> = {
  invalid_client: "check client_id, client_secret and auth_method",
  unauthorized_client: "the client is not allowed the client_credentials grant",
  invalid_scope: "check scope",
  invalid_target: "check audience",
};

/** Why the token endpoint gave no token: retryable when it may later (5xx, 408, 429), permanent otherwise. */
function tokenFailure(auth: OAuth2Auth, answer: HttpAnswer, scrub: (text: string) => string): ActionError {
  const where = `The token endpoint POST ${auth.token_url}`;
  const { status } = answer;
  const json = jsonOf(answer);
  const code = field(json, "error");
  const description = field(json, "error_description");
  const reason =
    typeof code === "string"
      ? `${code}${typeof description === "string" ? `: ${description}` : ""}`
      : answer.text.replace(/\s+/g, " ").trim();
  // Scrubbed before it is cut short, so no part of the secret is left at the cut.
  const said = `${status}${reason ? ` ${scrub(reason).slice(0, SNIPPET_CHARS)}` : ""}`;
  if (status >= 500 || status === 408 || status === 429) {
    return new RetryableActionError("connector_unavailable", `${where} answered ${said}`, {
      upstreamStatus: status,
      retryAfterMs: retryAfterMs(answer.headers),
    });
  }
  if (status >= 300 && status < 400) {
    const location = answer.headers.get("location");
    return new PermanentActionError(
      "connector_misconfigured",
      `${where} answered ${status}${location ? `, redirecting to ${scrub(location)}` : ""}; set token_url to the final address`,
      { upstreamStatus: status },
    );
  }
  const hint = typeof code === "string" ? HINTS[code] : undefined;
  return new PermanentActionError("connector_refused", `${where} refused to issue a token (${said})${hint ? `; ${hint}` : ""}`, {
    upstreamStatus: status,
  });
}

function lifetimeMs(expiresIn: unknown): number {
  const seconds = typeof expiresIn === "string" && expiresIn.trim() !== "" ? Number(expiresIn) : expiresIn;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : UNSTATED_LIFETIME_MS;
}

/** Asks the token endpoint for a token (RFC 6749 §4.4), and says how long it may be used. */
async function fetchToken(auth: OAuth2Auth, timeoutMs: number, now: () => number): Promise<Token & { lifetimeMs: number }> {
  const scrub = scrubber(auth);
  const askedAt = now();
  let answer: HttpAnswer;
  try {
    answer = await sendHttp(tokenRequest(auth, timeoutMs));
  } catch (error) {
    const message = scrub(`The token endpoint ${(error as Error).message}`);
    throw new RetryableActionError("connector_unavailable", message, { cause: error });
  }
  if (answer.status < 200 || answer.status >= 300) throw tokenFailure(auth, answer, scrub);
  const json = jsonOf(answer);
  const value = field(json, "access_token");
  if (typeof value !== "string" || value === "") {
    throw new PermanentActionError(
      "connector_misconfigured",
      `The token endpoint POST ${auth.token_url} answered ${answer.status} without an access_token; is token_url the token endpoint?`,
      { upstreamStatus: answer.status },
    );
  }
  const type = field(json, "token_type");
  // RFC 6749 §7.1: a client must not use a token whose type it does not understand.
  if (typeof type === "string" && type.toLowerCase() !== "bearer") {
    throw new PermanentActionError(
      "connector_misconfigured",
      `The token endpoint POST ${auth.token_url} issued a ${scrub(type).slice(0, 40)} token; only bearer tokens can be sent`,
    );
  }
  const lifetime = lifetimeMs(field(json, "expires_in"));
  const margin = Math.min(EXPIRY_MARGIN_MS, lifetime / 10);
  return { value, expiresAt: askedAt + lifetime - margin, lifetimeMs: lifetime };
}

/**
 * Access tokens per connector, kept in this process until shortly before they expire. An entry
 * belongs to one connector and the fingerprint of its auth, so an edited connector gets a new token.
 */
export function createTokenCache(deps: { logger?: Logger | undefined; now?: () => number } = {}): TokenCache {
  const now = deps.now ?? Date.now;
  const entries = new Map<string, Entry>();

  function entryFor(connectorId: string, auth: OAuth2Auth): Entry {
    const fingerprint = fingerprintOf(auth);
    const existing = entries.get(connectorId);
    if (existing?.fingerprint === fingerprint) return existing;
    const entry: Entry = { fingerprint };
    entries.set(connectorId, entry);
    return entry;
  }

  return {
    async token(connectorId, auth, timeoutMs) {
      const entry = entryFor(connectorId, auth);
      if (entry.token && entry.token.expiresAt > now()) return entry.token.value;
      entry.pending ??= fetchToken(auth, timeoutMs, now).then(
        (token) => {
          entry.pending = undefined;
          entry.token = { value: token.value, expiresAt: token.expiresAt };
          deps.logger?.info(
            { connector: connectorId, token_url: auth.token_url, expires_in_s: Math.round(token.lifetimeMs / 1000) },
            "fetched an OAuth2 access token",
          );
          return entry.token;
        },
        (error: unknown) => {
          entry.pending = undefined;
          deps.logger?.warn({ connector: connectorId, token_url: auth.token_url }, (error as Error).message);
          throw error;
        },
      );
      return (await entry.pending).value;
    },
    forget(connectorId, auth, token) {
      const entry = entries.get(connectorId);
      if (entry?.fingerprint === fingerprintOf(auth) && entry.token?.value === token) entry.token = undefined;
    },
  };
}
