import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Tenancy } from "../modules/tenancy/index.ts";
import type { AppEnv } from "./context.ts";
import type { OperatorAccess } from "./operator-access.ts";

export const SESSION_COOKIE = "crossdock_session";

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
      if (session) c.set("principal", await deps.tenancy.authenticateSession(session));
    }
    await next();
  };
}
