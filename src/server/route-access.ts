import { createRoute, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Handler, MiddlewareHandler } from "hono";
import type { Scope } from "../modules/governance/index.ts";
import type { Principal, Tenancy } from "../modules/tenancy/index.ts";
import { AppError } from "../platform/errors.ts";
import type { AppEnv } from "./context.ts";

/**
 * Every route says who may call it: anyone (`public`), any signed-in caller (`authenticated`),
 * or holders of one scope. The table of declarations is kept so a test can walk every route
 * and fail on one that declares nothing.
 */
export type RouteAccess = { public: true } | { authenticated: true } | { scope: Scope };

export type AccessEntry = {
  method: string;
  path: string;
  access: RouteAccess;
  /** false for the console's pages and files: public, but not part of the API's description. */
  documented?: false;
};

export type RouteTable = {
  entries: AccessEntry[];
  find(method: string, path: string): AccessEntry | undefined;
};

export function createRouteTable(): RouteTable {
  const entries: AccessEntry[] = [];
  return {
    entries,
    find: (method, path) => entries.find((entry) => entry.method === method.toUpperCase() && entry.path === path),
  };
}

/** `{id}` in OpenAPI is `:id` to Hono's router. */
export const honoPath = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, ":$1");

export function describeAccess(access: RouteAccess): string {
  if ("public" in access) return "Public.";
  if ("authenticated" in access) return "Any authenticated caller.";
  return `Requires scope \`${access.scope}\`.`;
}

export const TENANT_HEADER = "x-crossdock-tenant";

export function authorize(access: RouteAccess, tenancy: Tenancy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ("public" in access) return next();
    const principal = c.get("principal");
    const sessionError = c.get("sessionError");
    if (!principal && sessionError) throw sessionError;
    if (!principal)
      throw new AppError(
        "unauthenticated",
        "Authentication is required: send an API key as `Authorization: Bearer …`, or sign in",
      );
    if ("scope" in access && !principal.scopes.includes(access.scope)) {
      throw new AppError("forbidden", `This needs the scope ${access.scope}, which this credential does not have`);
    }
    const requested = c.req.header(TENANT_HEADER);
    if (principal.tenantId) {
      c.set("tenantId", requested ? await actingTenant(principal, requested, tenancy) : principal.tenantId);
    } else if (requested) {
      c.set("tenantId", (await tenancy.findTenant(requested)).id);
    }
    await next();
  };
}

/**
 * The tenant a credential with a home tenant acts in when it names one: its own; or, for a holder
 * of `partner:admin`, any tenant of its partner. Anything else is refused, whether or not the
 * tenant exists.
 */
async function actingTenant(principal: Principal, requested: string, tenancy: Tenancy): Promise<string> {
  if (requested === principal.tenantId) return requested;
  const tenant = await tenancy.findTenant(requested).catch(() => undefined);
  if (tenant?.id === principal.tenantId) return tenant.id;
  const partnerAdmin = principal.scopes.includes("partner:admin") && principal.partnerId !== null;
  if (tenant && partnerAdmin && tenant.partner_id === principal.partnerId) return tenant.id;
  throw new AppError(
    "forbidden",
    partnerAdmin
      ? `This credential may act only in its own partner's tenants, and ${requested} is not one of them`
      : "This credential belongs to another tenant",
  );
}

type Spec = Omit<RouteConfig, "middleware"> & { access: RouteAccess };

/** Records the route's access in the table and returns what its OpenAPI operation says about it. */
function declare(table: RouteTable, spec: Spec) {
  const { access, ...route } = spec;
  table.entries.push({ method: route.method.toUpperCase(), path: honoPath(route.path), access });
  const description = [route.description, describeAccess(access)].filter(Boolean).join("\n\n");
  const security: Record<string, string[]>[] = "public" in access ? [] : [{ apiKey: [] }, { session: [] }];
  return { access, route: { ...route, description, security } as RouteConfig };
}

/** Registers an OpenAPI route with its access rule; the handler runs only for authorised callers. */
export function defineRoute(
  app: OpenAPIHono<AppEnv>,
  deps: { table: RouteTable; tenancy: Tenancy },
  spec: Spec,
  handler: Handler<AppEnv>,
): void {
  const { access, route } = declare(deps.table, spec);
  // The route's own zod schemas type the request; handlers read it with c.req.valid().
  app.openapi(createRoute({ ...route, middleware: [authorize(access, deps.tenancy)] }), handler as never);
}

/** For routes whose body is parsed by hand (bulk JSON/JSONL): documented, authorised, not auto-validated. */
export function defineRawRoute(
  app: OpenAPIHono<AppEnv>,
  deps: { table: RouteTable; tenancy: Tenancy },
  spec: Spec,
  handler: Handler<AppEnv>,
): void {
  const { access, route } = declare(deps.table, spec);
  app.openAPIRegistry.registerPath(route);
  app.on(route.method.toUpperCase(), honoPath(route.path), authorize(access, deps.tenancy), handler);
}

/** A public GET that serves the console (HTML or its files): in the table, not in the OpenAPI document. */
export function definePage(app: OpenAPIHono<AppEnv>, table: RouteTable, path: string, handler: Handler<AppEnv>): void {
  table.entries.push({ method: "GET", path, access: { public: true }, documented: false });
  app.get(path, handler);
}
