import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Tenancy } from "../modules/tenancy/index.ts";
import { AppError } from "../platform/errors.ts";
import type { AppEnv } from "./context.ts";
import type { OperatorAccess } from "./operator-access.ts";

export const SESSION_COOKIE = "crossdock_session";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser attaches the session cookie to requests other sites make it send. A write carried by
 * the cookie must therefore come from a page of this origin: browsers always send Origin on such
 * requests, and a page elsewhere cannot forge it. API keys are not sent by browsers on their own.
 */
function refuseCrossSiteWrite(method: string, origin: string | undefined, url: string): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  if (origin !== new URL(url).origin) {
    throw new AppError(
      "forbidden",
      "A signed-in write must come from the console's own origin (the Origin header did not match)",
    );
  }
}

/**
 * Works out who is calling, if anyone: an API key or operator token in `Authorization: Bearer`,
 * or a console session cookie. A bad credential is refused here; a missing one is left to each
 * route's declared access (public routes need none).
 */
export function authenticate(deps: { tenancy: Tenancy; operator: OperatorAccess }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("principal", undefined);
    c.set("tenantId", undefined);
    const authorization = c.req.header("authorization");
    if (authorization) {
      const token = authorization.replace(/^Bearer\s+/i, "").trim();
      const principal = deps.operator.matches(token) ? deps.operator.principal() : await deps.tenancy.authenticateApiKey(token);
      c.set("principal", principal);
    } else {
      const session = getCookie(c, SESSION_COOKIE);
      if (session) {
        refuseCrossSiteWrite(c.req.method, c.req.header("origin"), c.req.url);
        c.set("principal", await deps.tenancy.authenticateSession(session));
      }
    }
    await next();
  };
}
