export type ErrorDetail = { path?: string; index?: number; message: string; code?: string };

/** An error the API answered with, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = [], requestId?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** The message with each field problem after it, for a banner. */
  describe(): string {
    if (this.details.length === 0) return this.message;
    const lines = this.details.map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message));
    return `${this.message} — ${lines.join("; ")}`;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The session is gone (expired, revoked, or never was): the console must sign in again. */
export const isSignedOut = (error: unknown): boolean =>
  isApiError(error) && error.status === 401 && error.code !== "key_expired" && error.code !== "key_revoked";
