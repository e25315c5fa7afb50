import type { Actor } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { Mailer } from "../../../platform/mail/mailer.ts";
import { brandingFor } from "../branding/public-branding.ts";
import type { Invitation, User } from "../contract/index.ts";
import { findTenant } from "../tenants.ts";
import { invitationEmail } from "./invitation-email.ts";

export type DeliveryOptions = {
  /** Where people reach Crossdock: CROSSDOCK_PUBLIC_URL, or else the origin of the request. */
  baseUrl: string;
};

/**
 * Emails the set-password link in the tenant's branding. A failed or impossible send loses
 * nothing: the user and token stay, the result says why, and the link comes back so an admin
 * can pass it on (or resend later).
 */
export async function deliverInvitation(
  db: Database,
  mailer: Mailer,
  invitation: { user: User; token: string; expiresAt: string; inviter: Actor },
  options: DeliveryOptions,
): Promise<Invitation> {
  const base = options.baseUrl.replace(/\/+$/, "");
  const link = `${base}/set-password?token=${invitation.token}`;
  const [branding, tenant] = await Promise.all([
    brandingFor(db, invitation.user.tenant_id),
    findTenant(db, invitation.user.tenant_id),
  ]);
  const email = invitationEmail({
    branding,
    to: { email: invitation.user.email, name: invitation.user.name },
    tenantName: tenant.name,
    inviter: invitation.inviter.type === "user" ? invitation.inviter.label : undefined,
    link,
    logoUrl: branding.logo ? `${base}/api/v1/branding/logo?tenant=${encodeURIComponent(tenant.slug)}` : null,
    expiresAt: invitation.expiresAt,
  });
  const delivery = await mailer.send({ ...email, to: invitation.user.email });
  return {
    user: invitation.user,
    expires_at: invitation.expiresAt,
    email: { status: delivery.status, error: delivery.error },
    link: delivery.status === "sent" ? null : link,
  };
}
