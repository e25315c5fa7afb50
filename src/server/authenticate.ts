import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Tenancy } from "../modules/tenancy/index.ts";
import type { Config } from "../platform/config.ts";
import { AppError, isAppError } from "../platform/errors.ts";
import type { AppEnv } from "./context.ts";
import type { OperatorAccess } from "./operator-access.ts";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "./session-cookie.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser attaches the session cookie to requests other sites make it send. A write carried by
 * the cookie must therefore come from a page of this origin: browsers always send Origin on such
 * requests, and a page elsewhere cannot forge it. API keys are not sent by browsers on their own.
 */
function refuseCrossSiteWrite(method: string, origin: string | undefined, url: string, publicUrl: string | undefined): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  // Behind a proxy the page's origin is the public URL's, not the one this process was reached at.
  const ours = [new URL(url).origin, ...(publicUrl ? [new URL(publicUrl).origin] : [])];
  if (!origin || !ours.includes(origin)) {
    throw new AppError(
      "forbidden",
      "A signed-in write must come from the console's own origin (the Origin header did not match)",
    );
  }
}

/**
 * Works out who is calling, if anyone: an API key or operator token in `Authorization: Bearer`,
 * or a console session cookie. A bad key is refused here. A session cookie that no longer works
 * (expired, revoked, its user disabled) is cleared, and the request goes on as anonymous: public
 * routes (sign-in above all) still answer, and the others refuse it with the session's own error.
 */
export function authenticate(deps: {
  tenancy: Tenancy;
  operator: OperatorAccess;
  config: Pick<Config, "sessionTtlHours" | "publicUrl">;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("principal", undefined);
    c.set("tenantId", undefined);
    c.set("sessionError", undefined);
    const authorization = c.req.header("authorization");
    if (authorization) {
      const token = authorization.replace(/^Bearer\s+/i, "").trim();
      const principal = deps.operator.matches(token) ? deps.operator.principal() : await deps.tenancy.authenticateApiKey(token);
      c.set("principal", principal);
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) {
        refuseCrossSiteWrite(c.req.method, c.req.header("origin"), c.req.url, deps.config.publicUrl);
        try {
          const principal = await deps.tenancy.authenticateSession(token);
          c.set("principal", principal);
          // The session slid forward: so does the cookie, or the browser would drop it at the old time.
          if (principal.session?.renewed)
            setSessionCookie(c, token, { ttlHours: deps.config.sessionTtlHours, publicUrl: deps.config.publicUrl });
        } catch (error) {
          if (!isAppError(error) || error.status !== 401) throw error;
          clearSessionCookie(c);
          c.set("sessionError", error);
        }
      }
    }
    await next();
  };
}
