import { createHash } from "node:crypto";
import type { RestPullAuth } from "../../contract/index.ts";
import { PullError } from "../connector.ts";
import { type HttpAnswer, judgeAnswer, retryAfterMs, sendHttp } from "./transport.ts";

export type OAuth2Auth = Extract<RestPullAuth, { type: "oauth2_client_credentials" }>;

/** A token is used until this long before it expires (at most a tenth of its life), so it does not lapse in flight. */
const EXPIRY_MARGIN_MS = 30_000;
/** How long a token is kept when its answer names no lifetime (a 401 drops it sooner). */
const UNSTATED_LIFETIME_MS = 10 * 60_000;

type Token = { value: string; expiresAt: number };
type Entry = { fingerprint: string; token?: Token | undefined; pending?: Promise<Token> | undefined };

/** The access tokens of this process's pull connectors, in memory only, one per connector and its auth. */
export type TokenCache = {
  /** The kept token while it is fresh, else a new one (one fetch however many ask at once). */
  token(connectorId: string, auth: OAuth2Auth, timeoutMs: number, signal?: AbortSignal): Promise<string>;
  /** Forgets `token`, which the API refused, unless a newer one took its place. */
  forget(connectorId: string, auth: OAuth2Auth, token: string): void;
};

const fingerprintOf = (auth: OAuth2Auth) =>
  createHash("sha256")
    .update(JSON.stringify([auth.token_url, auth.client_id, auth.client_secret, auth.scope, auth.audience, auth.auth_method]))
    .digest("hex");

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks of the id and secret in a Basic header. */
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");

/** Takes the secret, in every form it could be echoed in, out of a text meant for people. */
export function scrubSecret(secret: string): (text: string) => string {
  const forms = [secret, formEncode(secret), encodeURIComponent(secret)];
  return (text) => forms.reduce((scrubbed, form) => scrubbed.replaceAll(form, "••••"), text);
}

const field = (json: unknown, name: string): unknown =>
  json !== null && typeof json === "object" ? (json as Record<string, unknown>)[name] : undefined;

function failure(auth: OAuth2Auth, answer: HttpAnswer, scrub: (text: string) => string): PullError {
  const code = field(answer.json, "error");
  const description = field(answer.json, "error_description");
  const reason =
    typeof code === "string"
      ? `${code}${typeof description === "string" ? `: ${description}` : ""}`
      : answer.text.replace(/\s+/g, " ").trim();
  const said = `${answer.status}${reason ? ` ${scrub(reason).slice(0, 300)}` : ""}`;
  const where = `The token endpoint POST ${auth.token_url}`;
  if (judgeAnswer(answer) === "retry") {
    return new PullError(`${where} answered ${said}`, {
      retryable: true,
      status: answer.status,
      retryAfterMs: retryAfterMs(answer.headers),
    });
  }
  return new PullError(`${where} refused to issue a token (${said}); check client_id, client_secret, scope and auth_method`, {
    retryable: false,
    status: answer.status,
  });
}

async function fetchToken(auth: OAuth2Auth, timeoutMs: number, now: () => number, signal?: AbortSignal): Promise<Token> {
  const scrub = scrubSecret(auth.client_secret);
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (auth.scope) form.set("scope", auth.scope);
  if (auth.audience) form.set("audience", auth.audience);
  const headers: Record<string, string> = { accept: "application/json", "content-type": "application/x-www-form-urlencoded" };
  if (auth.auth_method === "client_secret_post") {
    form.set("client_id", auth.client_id);
    form.set("client_secret", auth.client_secret);
  } else {
    const credentials = `${formEncode(auth.client_id)}:${formEncode(auth.client_secret)}`;
    headers.authorization = `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
  }
  const askedAt = now();
  const answer = await sendHttp(
    { method: "POST", url: auth.token_url, headers, body: form.toString(), timeoutMs, signal },
    scrub,
  );
  if (judgeAnswer(answer) !== "ok") throw failure(auth, answer, scrub);
  const value = field(answer.json, "access_token");
  if (typeof value !== "string" || value === "") {
    throw new PullError(`The token endpoint POST ${auth.token_url} answered ${answer.status} without an access_token`, {
      retryable: false,
      status: answer.status,
    });
  }
  const type = field(answer.json, "token_type");
  if (typeof type === "string" && type.toLowerCase() !== "bearer") {
    throw new PullError(`The token endpoint issued a ${scrub(type).slice(0, 40)} token; only bearer tokens can be sent`, {
      retryable: false,
    });
  }
  const expiresIn = Number(field(answer.json, "expires_in"));
  const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : UNSTATED_LIFETIME_MS;
  return { value, expiresAt: askedAt + lifetime - Math.min(EXPIRY_MARGIN_MS, lifetime / 10) };
}

/** Tokens per connector, kept until shortly before they expire; an edited auth gets a new token. */
export function createTokenCache(now: () => number = Date.now): TokenCache {
  const entries = new Map<string, Entry>();
  const entryFor = (connectorId: string, auth: OAuth2Auth): Entry => {
    const fingerprint = fingerprintOf(auth);
    const existing = entries.get(connectorId);
    if (existing?.fingerprint === fingerprint) return existing;
    const entry: Entry = { fingerprint };
    entries.set(connectorId, entry);
    return entry;
  };
  return {
    async token(connectorId, auth, timeoutMs, signal) {
      const entry = entryFor(connectorId, auth);
      if (entry.token && entry.token.expiresAt > now()) return entry.token.value;
      entry.pending ??= fetchToken(auth, timeoutMs, now, signal).then(
        (token) => {
          entry.pending = undefined;
          entry.token = token;
          return token;
        },
        (error: unknown) => {
          entry.pending = undefined;
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
