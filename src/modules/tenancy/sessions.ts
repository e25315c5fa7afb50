import { sql } from "drizzle-orm";
import { newSecret, sha256 } from "../../platform/crypto.ts";
import type { Database, Tx } from "../../platform/db/database.ts";
import { rows, withTenant } from "../../platform/db/tenant-scope.ts";
import { AppError } from "../../platform/errors.ts";
import { appendAudit, scopesForRoles } from "../governance/index.ts";
import type { SignInInput, User } from "./contract/index.ts";
import type { Principal } from "./principal.ts";
import { findTenant } from "./tenants.ts";
import { toUser, USER_COLUMNS, verifyPassword } from "./users.ts";

// A real argon2id hash of a random password: unknown emails take as long to refuse as wrong passwords.
const DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$OJ8fS8zM1vWUgL/IJAGL2g$meqAEi4YiN2wOkSkJ/ufO+LIZoIT/6ISFlQZlAMMS6I";

const SLIDE_AFTER_MS = 5 * 60_000;

const expiryFrom = (ttlHours: number) => new Date(Date.now() + ttlHours * 3_600_000).toISOString();

export type SignedIn = { token: string; user: User; expires_at: string };

const refused = () => new AppError("unauthenticated", "The email or password is not correct");

export async function signIn(db: Database, input: SignInInput, ttlHours: number): Promise<SignedIn> {
  const tenant = await findTenant(db, input.tenant).catch(() => undefined);
  const [row] = tenant
    ? await rows<Record<string, unknown>>(
        db.orm,
        sql`select ${USER_COLUMNS}, password_hash from tenancy.users where tenant_id = ${tenant.id} and lower(email) = lower(${input.email})`,
      )
    : [];
  const ok = await verifyPassword((row?.password_hash as string | undefined) ?? DECOY_HASH, input.password);
  if (!tenant || !row || !ok || row.status !== "active" || tenant.status !== "active") throw refused();
  const user = toUser(row as never);
  return withTenant(db, tenant.id, (tx) => openSession(tx, user, ttlHours));
}

/**
 * Opens a console session for `user` inside the caller's tenant transaction, records the sign-in,
 * and returns the cookie's token (only its sha256 is stored).
 */
export async function openSession(tx: Tx, user: User, ttlHours: number): Promise<SignedIn> {
  const token = newSecret();
  const expiresAt = expiryFrom(ttlHours);
  await tx.execute(
    sql`insert into tenancy.sessions (id, tenant_id, user_id, expires_at) values (${sha256(token)}, ${user.tenant_id}, ${user.id}, ${expiresAt})`,
  );
  const [signedIn] = await rows<Parameters<typeof toUser>[0]>(
    tx,
    sql`update tenancy.users set last_sign_in_at = now() where id = ${user.id} returning ${USER_COLUMNS}`,
  );
  await appendAudit(tx, {
    tenantId: user.tenant_id,
    actor: { type: "user", id: user.id, label: user.email },
    action: "user.signed_in",
    resourceType: "user",
    resourceId: user.id,
    data: {},
  });
  return { token, user: signedIn ? toUser(signedIn) : user, expires_at: expiresAt };
}

type SessionRow = {
  id: string;
  tenant_id: string;
  partner_id: string | null;
  user_id: string;
  email: string;
  roles: string[];
  expires_at: string;
  last_seen_at: string;
};

/**
 * The principal of a session cookie. A session past its expiry is `session_expired` (the console
 * says so and asks to sign in again); one that was signed out, or whose user was disabled, or
 * that never existed, is `unauthenticated`.
 */
export async function authenticateSession(db: Database, token: string, ttlHours: number): Promise<Principal> {
  const id = sha256(token);
  const [row] = await rows<SessionRow>(
    db.orm,
    sql`select s.id, s.tenant_id, t.partner_id, s.user_id, u.email, u.roles, s.expires_at, s.last_seen_at
          from tenancy.sessions s
          join tenancy.users u on u.id = s.user_id
          join tenancy.tenants t on t.id = s.tenant_id
         where s.id = ${id} and s.revoked_at is null and u.status = 'active' and t.status = 'active'`,
  );
  if (!row) throw new AppError("unauthenticated", "The session is not valid; sign in again");
  if (new Date(row.expires_at).getTime() <= Date.now())
    throw new AppError("session_expired", "The session has expired; sign in again");
  let expiresAt = new Date(row.expires_at).toISOString();
  const renewed = Date.now() - new Date(row.last_seen_at).getTime() > SLIDE_AFTER_MS;
  if (renewed) {
    expiresAt = expiryFrom(ttlHours);
    await db.orm.execute(sql`update tenancy.sessions set last_seen_at = now(), expires_at = ${expiresAt} where id = ${id}`);
  }
  return {
    kind: "session",
    session: { id, expiresAt, renewed },
    actor: { type: "user", id: row.user_id, label: row.email },
    tenantId: row.tenant_id,
    partnerId: row.partner_id,
    scopes: scopesForRoles(row.roles),
    roles: row.roles,
  };
}

export async function signOut(db: Database, tenantId: string, sessionId: string): Promise<void> {
  await withTenant(db, tenantId, (tx) => tx.execute(sql`update tenancy.sessions set revoked_at = now() where id = ${sessionId}`));
}

/** Ends every open session of a user at once (when the user is disabled). */
export async function revokeUserSessions(tx: Tx, userId: string): Promise<number> {
  const revoked = await rows<{ id: string }>(
    tx,
    sql`update tenancy.sessions set revoked_at = now() where user_id = ${userId} and revoked_at is null returning id`,
  );
  return revoked.length;
}
