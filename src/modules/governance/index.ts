export { digest } from "./audit/audit-entry.ts";
export {
  type AppendedAudit,
  type AuditInput,
  appendAudit,
  appendAuditStatement,
} from "./audit/audit-trail.ts";
export { type ChainBreak, type ChainReport, verifyChain } from "./audit/verify-chain.ts";
export {
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  type RedactedSpan,
  type Redaction,
} from "./redaction/personal-data.ts";
export { redactPersonalData } from "./redaction/redact.ts";
export { restorePersonalData } from "./redaction/restore.ts";
export { isRoleName, listRoles, ROLE_NAMES, ROLES, type RoleName, scopesForRoles } from "./roles.ts";
export { isScope, SCOPES, type Scope, TENANT_SCOPES } from "./scopes.ts";

export const governanceMigrations = { module: "governance", directory: new URL("./migrations/", import.meta.url) };
export { auditFacets } from "./audit/audit-facets.ts";
export { listEntries } from "./audit/list-entries.ts";
export * as governanceContract from "./contract/index.ts";
export { IBAN_LENGTHS, mod97, readIban } from "./identifiers/iban.ts";
export { luhnValid } from "./identifiers/luhn.ts";
export { readVatNumber, VAT_FORMATS, type VatNumber } from "./identifiers/vat-number.ts";
