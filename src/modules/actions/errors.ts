import { AppError, type ErrorDetail } from "../../platform/errors.ts";
import type { PolicyIssue } from "./contract/index.ts";

export type ActionErrorCode =
  /** The target system could not be reached, timed out, or answered 5xx, 408 or 429: try again later. */
  | "connector_unavailable"
  /** The same write is being carried out right now by another attempt. */
  | "action_in_progress"
  /** The target system refused the write (a 4xx other than 408 and 429): trying again will not help. */
  | "connector_refused"
  /** No connector of that name, or it cannot carry that kind of write. */
  | "connector_not_found"
  | "connector_unsupported"
  /** The connector's template or the payload do not make a request. */
  | "template_invalid"
  | "payload_invalid"
  /** The connector cannot be used as configured (a secret that does not open, a full control-number range). */
  | "connector_misconfigured"
  /** The write has nothing registered that undoes it. */
  | "not_compensable"
  /** Undoing the write failed; a person must look. */
  | "compensation_failed";

/**
 * Why a write was not made, and whether a durable step should try again. Not an AppError: the
 * codes are the actions module's own; `status` is what the HTTP API answers with.
 */
export class ActionError extends Error {
  readonly code: ActionErrorCode;
  readonly retryable: boolean;
  readonly status: number;
  /** The target system's HTTP status, when it answered. */
  readonly upstreamStatus: number | null;
  readonly details: ErrorDetail[];
  /** The stored action this failure belongs to, once there is one. */
  actionId: string | null = null;
  /** How long the target system asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | null;

  constructor(
    code: ActionErrorCode,
    message: string,
    options: {
      retryable: boolean;
      status: number;
      upstreamStatus?: number | null;
      details?: ErrorDetail[];
      retryAfterMs?: number | null;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = "ActionError";
    this.code = code;
    this.retryable = options.retryable;
    this.status = options.status;
    this.upstreamStatus = options.upstreamStatus ?? null;
    this.details = options.details ?? [];
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        retryable: this.retryable,
        ...(this.actionId ? { action_id: this.actionId } : {}),
        ...(this.upstreamStatus !== null ? { upstream_status: this.upstreamStatus } : {}),
        ...(this.details.length > 0 ? { details: this.details } : {}),
      },
    };
  }
}

/** Worth trying again later: network errors, timeouts, 5xx, 408, 429, a write still in progress. */
export class RetryableActionError extends ActionError {
  constructor(
    code: "connector_unavailable" | "action_in_progress",
    message: string,
    options: { upstreamStatus?: number | null; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(code, message, { ...options, retryable: true, status: code === "action_in_progress" ? 409 : 502 });
    this.name = "RetryableActionError";
  }
}

/** Trying again will not help until someone changes something: the request, the connector, or the target system. */
export class PermanentActionError extends ActionError {
  constructor(
    code: Exclude<ActionErrorCode, "connector_unavailable" | "action_in_progress">,
    message: string,
    options: { upstreamStatus?: number | null; details?: ErrorDetail[]; cause?: unknown } = {},
  ) {
    super(code, message, { ...options, retryable: false, status: PERMANENT_STATUS[code] });
    this.name = "PermanentActionError";
  }
}

const PERMANENT_STATUS: Record<Exclude<ActionErrorCode, "connector_unavailable" | "action_in_progress">, number> = {
  connector_refused: 502,
  connector_not_found: 422,
  connector_unsupported: 422,
  template_invalid: 422,
  payload_invalid: 422,
  connector_misconfigured: 422,
  not_compensable: 409,
  compensation_failed: 502,
};

export function isActionError(error: unknown): error is ActionError {
  return error instanceof ActionError;
}

export class ActionNotFoundError extends AppError {
  constructor(id: string) {
    super("not_found", `Action ${id} was not found`);
    this.name = "ActionNotFoundError";
  }
}

export class ConnectorNotFoundError extends AppError {
  constructor(ref: string) {
    super("not_found", `Connector ${ref} was not found`);
    this.name = "ConnectorNotFoundError";
  }
}

/** Policy text or data that does not validate: each problem with its line and column, or its data path. */
export class PolicyInvalidError extends AppError {
  readonly issues: PolicyIssue[];
  constructor(issues: PolicyIssue[]) {
    const first = issues[0];
    const where = first?.line ? `line ${first.line}, column ${first.column}: ` : first ? `${first.path}: ` : "";
    super(
      "validation_failed",
      `The policy set is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"}; ${where}${first?.message ?? ""})`,
      // Each detail carries the issue's line, column, help and policy id besides path and message.
      { details: issues.map((issue) => ({ ...issue, code: "policy_invalid" })) as ErrorDetail[] },
    );
    this.name = "PolicyInvalidError";
    this.issues = issues;
  }
}

/** Going back to inherited policies when the tenant already inherits: nothing to undo (409). */
export class PoliciesAlreadyInheritedError extends AppError {
  constructor(source: "partner" | "default") {
    super(
      "conflict",
      `This tenant has no policies of its own in force: it already uses ${source === "partner" ? "its partner's defaults" : "Crossdock's defaults"}`,
    );
    this.name = "PoliciesAlreadyInheritedError";
  }
}
