import { AppError } from "../../platform/errors.ts";
import { isRoleName, ROLE_NAMES, type Scope, scopesForRoles } from "../governance/index.ts";
import type { Principal } from "./principal.ts";

/** Refuses unknown role names (422, naming them). */
export function assertKnownRoles(roles: readonly string[]): void {
  const unknown = roles.filter((role) => !isRoleName(role));
  if (unknown.length > 0) {
    throw new AppError("validation_failed", `Unknown role ${unknown.join(", ")}; roles are ${ROLE_NAMES.join(", ")}`, {
      details: [{ path: "roles", message: `unknown: ${unknown.join(", ")}` }],
    });
  }
}

const beyond = (granter: Principal, roles: readonly string[]): Scope[] =>
  scopesForRoles(roles).filter((scope) => !granter.scopes.includes(scope));

/** Nobody hands out more than they hold: every scope of every role must be the granter's too (403 naming the rest). */
export function assertMayGrant(granter: Principal, roles: readonly string[]): void {
  assertKnownRoles(roles);
  const missing = beyond(granter, roles);
  if (missing.length > 0) {
    throw new AppError(
      "forbidden",
      `You cannot grant ${roles.length === 1 ? "the role" : "the roles"} ${roles.join(", ")}: ${roles.length === 1 ? "it needs" : "they need"} scopes you do not hold: ${missing.join(", ")}`,
    );
  }
}

/** Nobody changes the roles or status of, or re-invites, a user who holds scopes they do not (a tenant admin and a partner admin). */
export function assertMayManage(granter: Principal, user: { email: string; roles: readonly string[] }): void {
  const missing = beyond(granter, user.roles);
  if (missing.length > 0) {
    throw new AppError(
      "forbidden",
      `${user.email} holds scopes you do not: ${missing.join(", ")}; only someone who holds them can do this`,
    );
  }
}
