import { z } from "zod";

export const TenantRef = z.object({ id: z.string(), name: z.string(), slug: z.string() });
export type TenantRef = z.infer<typeof TenantRef>;

/** `GET /api/v1/me`: who is calling, where, and what they may do. */
export const Me = z.object({
  kind: z.enum(["api_key", "session", "operator"]),
  actor: z.object({ type: z.string(), id: z.string(), label: z.string().optional() }),
  /** The tenant the credential belongs to (its home tenant). */
  tenant_id: z.string().nullable(),
  tenant: TenantRef.nullable(),
  /** The tenant this request acts in: the home tenant, or the one named by X-Crossdock-Tenant. */
  acting_tenant: TenantRef.nullable(),
  partner: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  /** For console sessions: the signed-in user. */
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()) }).nullable(),
  session_expires_at: z.string().nullable(),
  scopes: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;
