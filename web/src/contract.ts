/**
 * The only server code the console sees: the client-safe contract schemas and types of the API
 * (src/**\/contract, which import nothing but zod). Everything else arrives over HTTP.
 */

export {
  ACTION_KIND_NAMES,
  ACTION_KINDS,
  Action,
  type ActionFacts,
  type ActionKind,
  type ActionStatus,
  APPROVER_ROLES,
  Connector,
  type ConnectorInput,
  type ConnectorKind,
  MASK,
  type OAuth2ClientAuthMethod,
  type PolicyDecision,
  PolicyIssue,
  PolicySet,
  type PolicySource,
  type PolicyTestInput,
  PolicyTestResult,
  PolicyValidation,
  PolicyVersionSummary,
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
  Person,
  RoleInfo,
  Tenant,
  TenantBranding,
  User,
} from "../../src/modules/tenancy/contract/index.ts";
export {
  type Assignee,
  BulkDecideResult,
  type CreateDelegationInput,
  Delegation,
  FlowInfo,
  NotificationSettings,
  type NotificationSettingsInput,
  Run,
  RunEvent,
  type RunStatus,
  Task,
  TaskEvent,
  type TaskOption,
  type TaskStatus,
  WorkQueue,
  type WorkQueueInput,
} from "../../src/modules/workflows/contract/index.ts";
