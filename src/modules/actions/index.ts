export { type Actions, type ActionsDeps, type Approver, createActions } from "./actions.ts";
export * from "./contract/index.ts";
export {
  ActionError,
  type ActionErrorCode,
  ActionNotFoundError,
  ConnectorNotFoundError,
  isActionError,
  PermanentActionError,
  PolicyInvalidError,
  RetryableActionError,
} from "./errors.ts";
export type { ApprovalInput } from "./execute/approval.ts";
export type { ExecuteOptions } from "./execute/execute-action.ts";
export type { ActionListInput } from "./execute/list-actions.ts";

export const actionsMigrations = { module: "actions", directory: new URL("./migrations/", import.meta.url) };
