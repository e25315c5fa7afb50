import type { Context } from "hono";
import type { Principal } from "../modules/tenancy/index.ts";
import type { WriteContext } from "../platform/actor.ts";
import { AppError } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";

/** What every request carries once the middleware has run. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    principal: Principal | undefined;
    /** The tenant the request acts in, once authorised. */
    tenantId: string | undefined;
    /** Why the request's session cookie was not accepted, if it carried one that failed. */
    sessionError: AppError | undefined;
  };
};

export type AppContext = Context<AppEnv>;

export function principalOf(c: AppContext): Principal {
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthenticated", "Authentication is required");
  return principal;
}

export function tenantOf(c: AppContext): string {
  const tenantId = c.get("tenantId");
  if (!tenantId) throw new AppError("bad_request", "This request acts in a tenant; pass X-Crossdock-Tenant with its slug or id");
  return tenantId;
}

export function writeContextOf(c: AppContext): WriteContext {
  return { tenantId: tenantOf(c), actor: principalOf(c).actor, requestId: c.get("requestId") };
}
