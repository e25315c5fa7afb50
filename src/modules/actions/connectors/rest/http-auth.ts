import { assertNever } from "../../../../platform/errors.ts";
import type { HttpAuth } from "../../contract/index.ts";
import type { TokenCache } from "./oauth2.ts";
import { type HttpAnswer, type HttpRequest, sendHttp } from "./transport.ts";

type AuthHeaders = Record<string, string>;

/** How a connector authenticates its requests. */
export type HttpAuthorizer = {
  /** The headers that authenticate a request now (for OAuth2, a kept token or a new one). */
  headers(): Promise<AuthHeaders>;
  /**
   * The target answered 401 to a request sent with `sent`: drops what it refused and says whether
   * fresh credentials are worth one more try (only a fetched token can be fresher).
   */
  refused(sent: AuthHeaders): boolean;
  /** How many requests one write may take at most: a token fetch, the write, and again after a 401. */
  requestsPerAttempt: number;
};

/** Where a connector's auth gets what it needs: its id (tokens are kept per connector), the token cache, the timeout. */
type AuthContext = { connectorId: string; tokens: TokenCache; timeoutMs: number };

const fixed = (headers: AuthHeaders): HttpAuthorizer => ({
  headers: async () => headers,
  refused: () => false,
  requestsPerAttempt: 1,
});

export function createHttpAuthorizer(auth: HttpAuth, context: AuthContext): HttpAuthorizer {
  switch (auth.type) {
    case "none":
      return fixed({});
    case "bearer":
      return fixed({ authorization: `Bearer ${auth.token}` });
    case "basic":
      return fixed({ authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}` });
    case "header":
      return fixed({ [auth.name.toLowerCase()]: auth.value });
    case "oauth2_client_credentials":
      return {
        headers: async () => ({
          authorization: `Bearer ${await context.tokens.token(context.connectorId, auth, context.timeoutMs)}`,
        }),
        refused(sent) {
          const token = sent.authorization?.replace(/^Bearer /, "");
          if (token) context.tokens.forget(context.connectorId, auth, token);
          return true;
        },
        requestsPerAttempt: 4,
      };
    default:
      return assertNever(auth);
  }
}

/**
 * Sends a request with its auth (which goes over any header of the same name). When the target
 * answers 401 to a fetched token, the token is dropped and the request sent once more with a new
 * one, under the same Idempotency-Key; the second answer stands, whatever it is.
 */
export async function sendAuthorized(request: HttpRequest, authorizer: HttpAuthorizer): Promise<HttpAnswer> {
  const sent = await authorizer.headers();
  const answer = await sendHttp({ ...request, headers: { ...request.headers, ...sent } });
  if (answer.status !== 401 || !authorizer.refused(sent)) return answer;
  return sendHttp({ ...request, headers: { ...request.headers, ...(await authorizer.headers()) } });
}
