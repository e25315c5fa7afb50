import { type ReceivedRequest, startTargetServer } from "./http-target-server.ts";

/**
 * A real OAuth 2.0 token endpoint (client credentials, RFC 6749 §4.4) on a free local port, for
 * tests of what calls one: it checks the client's id and secret (Basic header or form body),
 * issues `at-1`, `at-2`… with `expiresIn`, and answers 401 invalid_client otherwise — echoing the
 * secret it was sent, as a careless provider might, so a test can check the caller does not pass
 * it on. `down` makes it answer 503. A guarded API asks `accepts(authorization)`.
 */
export async function startTokenServer(clients: Record<string, string>) {
  const state = { down: false, expiresIn: 3600 };
  const valid = new Map<string, number>();
  let issued = 0;
  const credentialsOf = (request: ReceivedRequest) => {
    const basic = request.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    if (basic) {
      const [id = "", secret = ""] = Buffer.from(basic, "base64")
        .toString("utf8")
        .split(":")
        .map((part) => decodeURIComponent(part.replace(/\+/g, " ")));
      return { id, secret };
    }
    const form = new URLSearchParams(request.body);
    return { id: form.get("client_id") ?? "", secret: form.get("client_secret") ?? "" };
  };
  const server = await startTargetServer({
    handle: (request) => {
      if (state.down) return { status: 503, body: { error: "temporarily_unavailable" } };
      const form = new URLSearchParams(request.body);
      if (form.get("grant_type") !== "client_credentials") return { status: 400, body: { error: "unsupported_grant_type" } };
      const { id, secret } = credentialsOf(request);
      if (clients[id] === undefined || clients[id] !== secret) {
        return {
          status: 401,
          body: { error: "invalid_client", error_description: `Client authentication failed (secret ${secret} is not valid)` },
        };
      }
      issued += 1;
      const token = `at-${issued}`;
      valid.set(token, Date.now() + state.expiresIn * 1000);
      return { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: state.expiresIn } };
    },
  });
  return {
    url: server.url,
    tokenUrl: `${server.url}/oauth2/token`,
    /** Every token request, as received. */
    received: server.received,
    state,
    /** Whether an Authorization header carries a token this server issued, unexpired and not revoked. */
    accepts(authorization: string | undefined): boolean {
      const token = authorization?.replace(/^Bearer /, "") ?? "";
      return (valid.get(token) ?? 0) > Date.now();
    },
    /** Revokes a token, as a key rotation or an administrator would. */
    revoke: (token: string) => valid.delete(token),
    close: server.close,
  };
}

export type TokenServer = Awaited<ReturnType<typeof startTokenServer>>;
