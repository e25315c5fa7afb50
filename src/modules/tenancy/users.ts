import { hash, verify } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import type { WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { rows, textArray, withTenant } from "../../platform/db/tenant-scope.ts";
import { newId } from "../../platform/ids.ts";
import { appendAudit } from "../governance/index.ts";
import type { CreateUserInput, User } from "./contract/index.ts";
import { emailTaken, isUniqueViolation } from "./errors.ts";
import type { Principal } from "./principal.ts";
import { assertMayGrant } from "./role-grants.ts";
import { iso, isoOrNull } from "./rows.ts";

export type UserRow = Omit<User, "created_at" | "last_sign_in_at"> & { created_at: string; last_sign_in_at: string | null };

export const toUser = (row: UserRow): User => ({
  id: row.id,
  tenant_id: row.tenant_id,
  email: row.email,
  name: row.name,
  roles: row.roles,
  status: row.status,
  created_at: iso(row.created_at),
  last_sign_in_at: isoOrNull(row.last_sign_in_at),
  invitation_pending: Boolean(row.invitation_pending),
});

export const USER_COLUMNS = sql.raw(
  "id, tenant_id, email, name, roles, status, created_at, last_sign_in_at, password_hash is null as invitation_pending",
);

/**
 * A console user; the password is stored only as an argon2id hash. The creator must hold every
 * scope the roles grant.
 */
export async function createUser(db: Database, ctx: WriteContext, granter: Principal, input: CreateUserInput): Promise<User> {
  assertMayGrant(granter, input.roles);
  const passwordHash = await hash(input.password);
  const id = newId("usr");
  try {
    return await withTenant(db, ctx.tenantId, async (tx) => {
      const [row] = await rows<UserRow>(
        tx,
        sql`insert into tenancy.users (tenant_id, id, email, name, password_hash, roles)
            values (${ctx.tenantId}, ${id}, ${input.email}, ${input.name}, ${passwordHash}, ${textArray(input.roles)})
            returning ${USER_COLUMNS}`,
      );
      const user = toUser(row as UserRow);
      await appendAudit(tx, { ...ctx, action: "user.created", resourceType: "user", resourceId: id, data: { after: user } });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
}

export async function listUsers(db: Database, tenantId: string): Promise<User[]> {
  return withTenant(db, tenantId, async (tx) =>
    (await rows<UserRow>(tx, sql`select ${USER_COLUMNS} from tenancy.users order by created_at, id`)).map(toUser),
  );
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
