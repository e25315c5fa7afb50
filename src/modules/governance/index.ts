export { appendAudit, type AppendedAudit, type AuditInput } from "./audit/audit-trail.ts";
export { digest } from "./audit/audit-entry.ts";
export { verifyChain, type ChainReport, type ChainBreak } from "./audit/verify-chain.ts";
export { SCOPES, TENANT_SCOPES, isScope, type Scope } from "./scopes.ts";
export { ROLES, ROLE_NAMES, isRoleName, scopesForRoles, type RoleName } from "./roles.ts";

export const governanceMigrations = { module: "governance", directory: new URL("./migrations/", import.meta.url) };
export { listEntries } from "./audit/list-entries.ts";
export * as governanceContract from "./contract/index.ts";
