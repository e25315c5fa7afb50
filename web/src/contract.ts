/**
 * The only server code the console sees: the client-safe contract schemas and types of the API
 * (src/**\/contract, which import nothing but zod). Everything else arrives over HTTP.
 */

export {
  ACTION_KINDS,
  Action,
  type ActionKind,
  type ActionStatus,
  type PolicyDecision,
} from "../../src/modules/actions/contract/index.ts";
export {
  AuditEntry,
  AuditFacets,
  ChainReport,
} from "../../src/modules/governance/contract/index.ts";
export {
  type ChildCollection,
  type FieldMeta,
  type ListParam,
  RECORD_TYPES,
  RecordHistoryEntry,
  RecordsSummary,
  type RecordType,
  type RecordTypeName,
  recordTypeOfId,
  recordTypes,
} from "../../src/modules/records/contract/index.ts";
export {
  ApiKey,
  Branding,
  type BrandingInput,
  CreatedApiKey,
  DEFAULT_BRANDING,
  EffectiveBranding,
  Invitation,
  InvitationPreview,
  LOGO_MAX_CHARS,
  Me,
  RoleInfo,
  Tenant,
  TenantBranding,
  User,
} from "../../src/modules/tenancy/contract/index.ts";
export {
  BulkDecideResult,
  FlowInfo,
  Run,
  RunEvent,
  type RunStatus,
  Task,
  TaskEvent,
  type TaskOption,
  type TaskStatus,
} from "../../src/modules/workflows/contract/index.ts";
