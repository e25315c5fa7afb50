import { type Scope, TENANT_SCOPES } from "./scopes.ts";

/** Built-in roles and the scopes they grant. Capabilities add their scopes here as they arrive. */
export const ROLES = {
  admin: [...TENANT_SCOPES],
  operations_manager: [
    "records:read",
    "records:write",
    "audit:read",
    "users:read",
    "api_keys:read",
    "tenant:read",
    "events:read",
  ],
  csr: ["records:read", "records:write", "tenant:read"],
  buyer: ["records:read", "records:write", "tenant:read"],
  ap_clerk: ["records:read", "records:write", "tenant:read"],
  logistics: ["records:read", "records:write", "tenant:read"],
  auditor: ["records:read", "audit:read", "audit:verify", "users:read", "api_keys:read", "tenant:read", "events:read"],
  viewer: ["records:read", "tenant:read"],
  partner_admin: [...TENANT_SCOPES, "partner:admin"],
} as const satisfies Record<string, readonly Scope[]>;

export type RoleName = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export function isRoleName(value: string): value is RoleName {
  return value in ROLES;
}

export function scopesForRoles(roles: readonly string[]): Scope[] {
  const scopes = new Set<Scope>();
  for (const role of roles) if (isRoleName(role)) for (const scope of ROLES[role]) scopes.add(scope);
  return [...scopes];
}
