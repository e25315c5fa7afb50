import { z } from "@hono/zod-openapi";
import { AcceptInvitationInput, InvitationPreview, Me, SignInInput, type Tenancy, User } from "../../modules/tenancy/index.ts";
import type { Config } from "../../platform/config.ts";
import { type AppContext, principalOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import { clearSessionCookie, setSessionCookie } from "../session-cookie.ts";
import type { RouteDeps } from "./route-deps.ts";

const SignedIn = z.object({ user: User, expires_at: z.string() });

type Session = Awaited<ReturnType<Tenancy["signIn"]>>;

/** Sets the session cookie and answers as every sign-in does. */
function signedIn(c: AppContext, config: Config, session: Session) {
  setSessionCookie(c, session.token, { ttlHours: config.sessionTtlHours, publicUrl: config.publicUrl });
  return c.json({ user: session.user, expires_at: session.expires_at }, 201);
}

/** Console sign-in and sign-out (session cookie), accepting an invitation, and "who am I" for any credential. */
export function authRoutes({ routes, tenancy, config }: RouteDeps) {
  routes(
    {
      method: "post",
      path: "/api/v1/auth/sessions",
      tags: ["auth"],
      summary: "Sign in to the console",
      access: { public: true },
      request: { body: { content: { "application/json": { schema: SignInInput } }, required: true } },
      responses: {
        201: { description: "Signed in; the session cookie is set", content: { "application/json": { schema: SignedIn } } },
        ...errorResponses,
      },
    },
    async (c) => signedIn(c, config, await tenancy.signIn(c.req.valid("json" as never) as SignInInput)),
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/auth/sessions/current",
      tags: ["auth"],
      summary: "Sign out",
      description: "Ends the session and clears its cookie; also clears a cookie whose session has already ended.",
      access: { public: true },
      responses: { 204: { description: "Signed out" }, ...errorResponses },
    },
    async (c) => {
      const principal = c.get("principal");
      if (principal?.session && principal.tenantId) await tenancy.signOut(principal.tenantId, principal.session.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/auth/invitations/{token}",
      tags: ["auth"],
      summary: "What an invitation link is for, before its password is chosen",
      access: { public: true },
      request: { params: z.object({ token: z.string().max(200) }) },
      responses: {
        200: { description: "The invitation", content: { "application/json": { schema: InvitationPreview } } },
        404: errorResponse("The link is unknown, used, replaced by a newer one, or expired"),
      },
    },
    async (c) => c.json(await tenancy.previewInvitation(c.req.param("token") as string)),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/auth/invitations/accept",
      tags: ["auth"],
      summary: "Choose a password with an invitation's token, and sign in",
      description: "The token works once. The response and cookie are those of signing in.",
      access: { public: true },
      request: { body: { content: { "application/json": { schema: AcceptInvitationInput } }, required: true } },
      responses: {
        201: {
          description: "Password set and signed in; the session cookie is set",
          content: { "application/json": { schema: SignedIn } },
        },
        404: errorResponse("The link is unknown, used, replaced by a newer one, or expired"),
        422: errorResponses[422],
      },
    },
    async (c) => signedIn(c, config, await tenancy.acceptInvitation(c.req.valid("json" as never) as AcceptInvitationInput)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/me",
      tags: ["auth"],
      summary: "The caller: who it is, its home tenant and partner, the tenant it acts in, and its scopes",
      access: { authenticated: true },
      responses: { 200: { description: "The caller", content: { "application/json": { schema: Me } } }, ...errorResponses },
    },
    async (c) => c.json(await tenancy.describeCaller(principalOf(c), c.get("tenantId"))),
  );
}
