/**
 * What a failed step means. A step is retried, with backoff, only when its error says it may
 * succeed later (`retryable: true`: a timeout, a 5xx, a lock). Anything else — a 4xx, bad data, a
 * bug — fails the step at once: retrying would only repeat it.
 */
export class RetryableError extends Error {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RetryableError";
  }
}

export class PermanentError extends Error {
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentError";
  }
}

/** Any error carrying `retryable: true` (this module's, the actions module's, a connector's). */
export function isRetryable(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { retryable?: unknown }).retryable === true;
}

/** The message a person reads, for an error of any shape. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
