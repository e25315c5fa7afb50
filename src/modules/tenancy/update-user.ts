import { sql } from "drizzle-orm";
import type { WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { rows, textArray, withTenant } from "../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { appendAudit, scopesForRoles } from "../governance/index.ts";
import type { UpdateUserInput, User } from "./contract/index.ts";
import type { Principal } from "./principal.ts";
import { assertKnownRoles, assertMayGrant, assertMayManage } from "./role-grants.ts";
import { revokeUserSessions } from "./sessions.ts";
import { toUser, USER_COLUMNS, type UserRow } from "./users.ts";

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(",") === [...b].sort().join(",");

/** Refuses the changes that would lock the caller out: disabling themself, or dropping their own users:admin. */
function refuseSelfLockout(ctx: WriteContext, user: User, input: UpdateUserInput): void {
  if (ctx.actor.type !== "user" || ctx.actor.id !== user.id) return;
  if (input.status === "disabled") {
    throw new AppError("conflict", "You cannot disable yourself; ask another administrator", {
      details: [{ path: "status", message: "cannot disable yourself" }],
    });
  }
  if (input.roles && !scopesForRoles(input.roles).includes("users:admin")) {
    throw new AppError(
      "conflict",
      "You cannot remove your own users:admin; keep a role that grants it, or ask another administrator",
      { details: [{ path: "roles", message: "would remove your own users:admin" }] },
    );
  }
}

/**
 * Renames a user, changes their roles or disables (or re-enables) them; audited with before and
 * after. Any change to a user needs every scope that user holds (a tenant admin cannot touch a
 * partner admin), and new roles every scope they grant. Disabling a user ends their sessions at once.
 */
export async function updateUser(
  db: Database,
  ctx: WriteContext,
  granter: Principal,
  id: string,
  input: UpdateUserInput,
): Promise<User> {
  const roles = input.roles ? [...new Set(input.roles)] : undefined;
  if (roles) assertKnownRoles(roles);
  return withTenant(db, ctx.tenantId, async (tx) => {
    const [row] = await rows<UserRow>(tx, sql`select ${USER_COLUMNS} from tenancy.users where id = ${id} for update`);
    if (!row) throw notFound("User", id);
    const before = toUser(row);
    const rolesChange = roles !== undefined && !sameRoles(roles, before.roles);
    const statusChange = input.status !== undefined && input.status !== before.status;
    const nameChange = input.name !== undefined && input.name !== before.name;
    if (!rolesChange && !statusChange && !nameChange) return before;
    assertMayManage(granter, before);
    if (rolesChange) assertMayGrant(granter, roles);
    refuseSelfLockout(ctx, before, { ...input, roles: rolesChange ? roles : undefined });

    const [updated] = await rows<UserRow>(
      tx,
      sql`update tenancy.users
             set name = ${input.name ?? before.name},
                 roles = ${textArray(rolesChange ? roles : before.roles)},
                 status = ${input.status ?? before.status},
                 updated_at = now()
           where id = ${id}
       returning ${USER_COLUMNS}`,
    );
    const after = toUser(updated as UserRow);
    const sessionsRevoked = statusChange && after.status === "disabled" ? await revokeUserSessions(tx, id) : 0;
    await appendAudit(tx, {
      ...ctx,
      action: "user.updated",
      resourceType: "user",
      resourceId: id,
      data: { before, after, ...(sessionsRevoked > 0 ? { sessions_revoked: sessionsRevoked } : {}) },
    });
    return after;
  });
}
