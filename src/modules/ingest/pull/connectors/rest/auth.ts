import { assertNever } from "../../../../../platform/errors.ts";
import type { RestPullAuth } from "../../contract/index.ts";
import { type OAuth2Auth, scrubSecret, type TokenCache } from "./oauth2.ts";

/** What authenticates one request: headers to add, and query parameters to add (an API key sent in the query). */
export type Credentials = { headers: Record<string, string>; query: Record<string, string> };

export type RestAuthorizer = {
  credentials(signal: AbortSignal): Promise<Credentials>;
  /** The API answered 401 to `sent`: drops what it refused; whether fresh credentials are worth one more try. */
  refused(sent: Credentials): boolean;
  /** Takes the secret out of a text meant for people (an error naming a URL with the key in its query). */
  redact(text: string): string;
};

const fixed = (credentials: Credentials, secret: string): RestAuthorizer => {
  const redact = scrubSecret(secret);
  return { credentials: async () => credentials, refused: () => false, redact };
};

export function createRestAuthorizer(
  auth: RestPullAuth,
  context: { connectorId: string; tokens: TokenCache; timeoutMs: number },
): RestAuthorizer {
  switch (auth.type) {
    case "none":
      return { credentials: async () => ({ headers: {}, query: {} }), refused: () => false, redact: (text) => text };
    case "api_key":
      return auth.in === "query"
        ? fixed({ headers: {}, query: { [auth.name]: auth.value } }, auth.value)
        : fixed({ headers: { [auth.name.toLowerCase()]: auth.value }, query: {} }, auth.value);
    case "bearer":
      return fixed({ headers: { authorization: `Bearer ${auth.token}` }, query: {} }, auth.token);
    case "basic":
      return fixed(
        {
          headers: { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}` },
          query: {},
        },
        auth.password,
      );
    case "oauth2_client_credentials":
      return oauth2(auth, context);
    default:
      return assertNever(auth);
  }
}

function oauth2(auth: OAuth2Auth, context: { connectorId: string; tokens: TokenCache; timeoutMs: number }): RestAuthorizer {
  return {
    async credentials(signal) {
      const token = await context.tokens.token(context.connectorId, auth, context.timeoutMs, signal);
      return { headers: { authorization: `Bearer ${token}` }, query: {} };
    },
    refused(sent) {
      const token = sent.headers.authorization?.replace(/^Bearer /, "");
      if (token) context.tokens.forget(context.connectorId, auth, token);
      return true;
    },
    redact: scrubSecret(auth.client_secret),
  };
}
