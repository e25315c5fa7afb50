export { digest } from "./audit/audit-entry.ts";
export {
  type AppendedAudit,
  type AuditInput,
  appendAudit,
  appendAuditStatement,
} from "./audit/audit-trail.ts";
export { type ChainBreak, type ChainReport, verifyChain } from "./audit/verify-chain.ts";
export { isRoleName, listRoles, ROLE_NAMES, ROLES, type RoleName, scopesForRoles } from "./roles.ts";
export { isScope, SCOPES, type Scope, TENANT_SCOPES } from "./scopes.ts";

export const governanceMigrations = { module: "governance", directory: new URL("./migrations/", import.meta.url) };
export { auditFacets } from "./audit/audit-facets.ts";
export { listEntries } from "./audit/list-entries.ts";
export * as governanceContract from "./contract/index.ts";
