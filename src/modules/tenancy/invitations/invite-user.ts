import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, textArray, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { Mailer } from "../../../platform/mail/mailer.ts";
import { appendAudit } from "../../governance/index.ts";
import type { Invitation, InviteUserInput } from "../contract/index.ts";
import { emailTaken, isUniqueViolation } from "../errors.ts";
import type { Principal } from "../principal.ts";
import { assertMayGrant, assertMayManage } from "../role-grants.ts";
import { toUser, USER_COLUMNS, type UserRow } from "../users.ts";
import { type DeliveryOptions, deliverInvitation } from "./deliver-invitation.ts";
import { issueInvitation } from "./issue-invitation.ts";

/**
 * Creates the user without a password, with a one-time link to choose one, and emails it. The
 * inviter must hold every scope the roles grant. The user and link are committed before the
 * email goes out, so a failed send can be retried with resendInvitation.
 */
export async function inviteUser(
  db: Database,
  mailer: Mailer,
  ctx: WriteContext,
  granter: Principal,
  input: InviteUserInput,
  options: DeliveryOptions,
): Promise<Invitation> {
  assertMayGrant(granter, input.roles);
  const id = newId("usr");
  let issued: Awaited<ReturnType<typeof issueInvitation>> & { user: ReturnType<typeof toUser> };
  try {
    issued = await withTenant(db, ctx.tenantId, async (tx) => {
      const [row] = await rows<UserRow>(
        tx,
        sql`insert into tenancy.users (tenant_id, id, email, name, password_hash, roles)
            values (${ctx.tenantId}, ${id}, ${input.email}, ${input.name}, null, ${textArray([...new Set(input.roles)])})
            returning ${USER_COLUMNS}`,
      );
      const user = toUser(row as UserRow);
      const invitation = await issueInvitation(tx, ctx, id);
      await appendAudit(tx, {
        ...ctx,
        action: "user.invited",
        resourceType: "user",
        resourceId: id,
        data: { after: user, expires_at: invitation.expiresAt },
      });
      return { ...invitation, user };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
  return deliverInvitation(db, mailer, { ...issued, inviter: ctx.actor }, options);
}

/** A new link for a user who has not chosen a password yet; the previous link stops working. */
export async function resendInvitation(
  db: Database,
  mailer: Mailer,
  ctx: WriteContext,
  granter: Principal,
  userId: string,
  options: DeliveryOptions,
): Promise<Invitation> {
  const issued = await withTenant(db, ctx.tenantId, async (tx) => {
    const [row] = await rows<UserRow & { has_password: boolean }>(
      tx,
      sql`select ${USER_COLUMNS}, password_hash is not null as has_password from tenancy.users where id = ${userId} for update`,
    );
    if (!row) throw notFound("User", userId);
    const user = toUser(row);
    if (row.has_password) {
      throw new AppError("conflict", `${user.email} has already chosen a password; there is no invitation to resend`);
    }
    if (user.status !== "active") throw new AppError("conflict", `${user.email} is disabled; enable them before inviting again`);
    assertMayManage(granter, user);
    const invitation = await issueInvitation(tx, ctx, userId);
    await appendAudit(tx, {
      ...ctx,
      action: "user.invitation_resent",
      resourceType: "user",
      resourceId: userId,
      data: { expires_at: invitation.expiresAt },
    });
    return { ...invitation, user };
  });
  return deliverInvitation(db, mailer, { ...issued, inviter: ctx.actor }, options);
}
