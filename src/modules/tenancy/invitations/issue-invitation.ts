import { sql } from "drizzle-orm";
import { actorRef, type WriteContext } from "../../../platform/actor.ts";
import { newSecret, sha256 } from "../../../platform/crypto.ts";
import type { Tx } from "../../../platform/db/database.ts";

/** How long an invitation link works. */
export const INVITATION_TTL_HOURS = 72;

/**
 * A new one-time token for the user, replacing any outstanding one (whose link stops working).
 * Only the token's sha256 is stored; the token itself goes into the link and nowhere else.
 */
export async function issueInvitation(tx: Tx, ctx: WriteContext, userId: string): Promise<{ token: string; expiresAt: string }> {
  await tx.execute(
    sql`update tenancy.invitations set replaced_at = now()
         where user_id = ${userId} and used_at is null and replaced_at is null`,
  );
  const token = newSecret();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_HOURS * 3_600_000).toISOString();
  await tx.execute(
    sql`insert into tenancy.invitations (id, tenant_id, user_id, created_by, expires_at)
        values (${sha256(token)}, ${ctx.tenantId}, ${userId}, ${actorRef(ctx.actor)}, ${expiresAt})`,
  );
  return { token, expiresAt };
}
