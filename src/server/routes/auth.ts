import { z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { SignInInput, User } from "../../modules/tenancy/index.ts";
import { SESSION_COOKIE } from "../authenticate.ts";
import { principalOf } from "../context.ts";
import { errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

/** Console sign-in and sign-out (session cookie), and "who am I" for any credential. */
export function authRoutes({ routes, tenancy, config }: RouteDeps) {
  const Me = z.object({
    kind: z.enum(["api_key", "session", "operator"]),
    actor: z.object({ type: z.string(), id: z.string(), label: z.string().optional() }),
    tenant_id: z.string().nullable(),
    scopes: z.array(z.string()),
  });
  routes(
    {
      method: "post",
      path: "/api/v1/auth/sessions",
      tags: ["auth"],
      summary: "Sign in to the console",
      access: { public: true },
      request: { body: { content: { "application/json": { schema: SignInInput } }, required: true } },
      responses: {
        201: {
          description: "Signed in; the session cookie is set",
          content: { "application/json": { schema: z.object({ user: User, expires_at: z.string() }) } },
        },
        ...errorResponses,
      },
    },
    async (c) => {
      const input = c.req.valid("json" as never) as SignInInput;
      const session = await tenancy.signIn(input);
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: new URL(c.req.url).protocol === "https:",
        path: "/",
        maxAge: config.sessionTtlHours * 3600,
      });
      return c.json({ user: session.user, expires_at: session.expires_at }, 201);
    },
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/auth/sessions/current",
      tags: ["auth"],
      summary: "Sign out",
      access: { authenticated: true },
      responses: { 204: { description: "Signed out" }, ...errorResponses },
    },
    async (c) => {
      const principal = principalOf(c) as ReturnType<typeof principalOf> & { sessionId?: string };
      if (principal.kind === "session" && principal.sessionId && principal.tenantId)
        await tenancy.signOut(principal.tenantId, principal.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/me",
      tags: ["auth"],
      summary: "The caller: who it is, its tenant and scopes",
      access: { authenticated: true },
      responses: { 200: { description: "The caller", content: { "application/json": { schema: Me } } }, ...errorResponses },
    },
    (c) => {
      const principal = principalOf(c);
      return c.json({
        kind: principal.kind,
        actor: principal.actor,
        tenant_id: principal.tenantId,
        scopes: [...principal.scopes],
      });
    },
  );
}
