import type { Actor } from "../../platform/actor.ts";
import type { Scope } from "../governance/index.ts";

/**
 * An authenticated caller: who it is, which tenant it acts in, and what it may do.
 * An operator (the CLI at the machine) and platform or partner admins may act in other tenants.
 */
export type Principal = {
  kind: "api_key" | "session" | "operator";
  actor: Actor;
  /** The tenant the credential belongs to; null for the operator. */
  tenantId: string | null;
  scopes: readonly Scope[];
};

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.includes(scope);
}
