/**
 * One error type for everything the platform reports to a caller. `code` is machine-readable and
 * stable; `status` is the HTTP status the server maps it to; `details` carries per-field or
 * per-row problems so a client can point at exactly what was wrong.
 */
export type ErrorCode =
  | "bad_request"
  | "invalid_json"
  | "validation_failed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unauthenticated"
  | "session_expired"
  | "key_expired"
  | "key_revoked"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "idempotency_key_reused"
  | "idempotency_key_in_progress"
  | "rate_limited"
  | "config_invalid"
  | "migration_failed"
  | "internal";

export type ErrorDetail = {
  /** Dotted path of the offending field, e.g. `lines.2.quantity`. */
  path?: string;
  /** Index of the row in a batch, when the request carried many. */
  index?: number;
  /** The row's external id, when known, so a caller can find it in its own system. */
  external_id?: string;
  message: string;
  code?: string;
};

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  session_expired: 401,
  key_expired: 401,
  key_revoked: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 422,
  idempotency_key_in_progress: 409,
  rate_limited: 429,
  config_invalid: 500,
  migration_failed: 500,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = options.details ?? [];
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details.length > 0 ? { details: this.details } : {}),
      },
    };
  }
}

export const notFound = (what: string, id: string) => new AppError("not_found", `${what} ${id} was not found`);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** For exhaustive switches over unions: the compiler fails if a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
