import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { sha256 } from "../../../platform/crypto.ts";
import type { Database, Executor } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import { appendAudit } from "../../governance/index.ts";
import type { AcceptInvitationInput, InvitationPreview } from "../contract/index.ts";
import { iso } from "../rows.ts";
import { openSession, type SignedIn } from "../sessions.ts";
import { toUser, USER_COLUMNS, type UserRow } from "../users.ts";

type InvitationRow = {
  tenant_id: string;
  user_id: string;
  email: string;
  name: string;
  tenant_name: string;
  tenant_slug: string;
  expires_at: string;
  used_at: string | null;
  replaced_at: string | null;
  usable_user: boolean;
};

const invalid = (why: string) => new AppError("not_found", `This invitation link ${why}; ask an administrator for a new one`);

/** The invitation a token names, if it can still be used; a 404 saying why not otherwise. */
async function findUsable(executor: Executor, token: string, lock = false): Promise<InvitationRow> {
  const [row] = await rows<InvitationRow>(
    executor,
    sql`select i.tenant_id, i.user_id, u.email, u.name, t.name as tenant_name, t.slug as tenant_slug,
               i.expires_at, i.used_at, i.replaced_at,
               (u.status = 'active' and t.status = 'active' and u.password_hash is null) as usable_user
          from tenancy.invitations i
          join tenancy.users u on u.id = i.user_id
          join tenancy.tenants t on t.id = i.tenant_id
         where i.id = ${sha256(token)} ${lock ? sql`for update of i, u` : sql``}`,
  );
  if (!row) throw invalid("is not valid");
  if (row.used_at) throw invalid("has already been used");
  if (row.replaced_at) throw invalid("was replaced by a newer invitation");
  if (new Date(row.expires_at).getTime() <= Date.now()) throw invalid("has expired");
  if (!row.usable_user) throw invalid("can no longer be used");
  return row;
}

/** What the set-password page shows: whose invitation it is, to which tenant, until when. */
export async function previewInvitation(db: Database, token: string): Promise<InvitationPreview> {
  const row = await findUsable(db.orm, token);
  return {
    email: row.email,
    name: row.name,
    tenant: { name: row.tenant_name, slug: row.tenant_slug },
    expires_at: iso(row.expires_at),
  };
}

/**
 * Sets the invited user's password (argon2id), uses the token up and signs the user in, in one
 * transaction: a token works once, however many times it is sent.
 */
export async function acceptInvitation(db: Database, input: AcceptInvitationInput, ttlHours: number): Promise<SignedIn> {
  const { tenant_id: tenantId } = await findUsable(db.orm, input.token);
  const passwordHash = await hash(input.password);
  return withTenant(db, tenantId, async (tx) => {
    const invitation = await findUsable(tx, input.token, true);
    await tx.execute(sql`update tenancy.invitations set used_at = now() where id = ${sha256(input.token)}`);
    const [row] = await rows<UserRow>(
      tx,
      sql`update tenancy.users set password_hash = ${passwordHash}, updated_at = now()
           where id = ${invitation.user_id} returning ${USER_COLUMNS}`,
    );
    const user = toUser(row as UserRow);
    await appendAudit(tx, {
      tenantId,
      actor: { type: "user", id: user.id, label: user.email },
      action: "user.invitation_accepted",
      resourceType: "user",
      resourceId: user.id,
      data: {},
    });
    return openSession(tx, user, ttlHours);
  });
}
