import { DBOS } from "@dbos-inc/dbos-sdk";
import { isRetryable } from "./errors.ts";

export type RetryPolicy = { max: number; intervalSeconds?: number; backoff?: number };

/** A step's last failure after every attempt it was allowed; `errors` holds each attempt's, oldest first. */
export class AttemptsExhaustedError extends Error {
  readonly errors: unknown[];
  constructor(errors: unknown[]) {
    const last = errors.at(-1);
    super(`${last instanceof Error ? last.message : String(last)} (after ${errors.length} attempts)`);
    this.name = "AttemptsExhaustedError";
    this.errors = errors;
  }
}

class StepCancelledError extends Error {
  constructor(step: string) {
    super(`Step ${step} stopped retrying: its run was cancelled`);
    this.name = "StepCancelledError";
  }
}

/**
 * Runs one step's attempts inside the step: again after a retryable error, waiting `intervalSeconds`
 * and then `backoff` times longer each time, until it succeeds, fails for good, or has had `max`
 * attempts. Retrying inside the step rather than with DBOS's own step retries costs nothing when the
 * first attempt succeeds (DBOS checks for cancellation before each of its attempts, a query each); a
 * cancelled run still stops at once, as the wait between attempts ends when DBOS's cancel signal fires.
 */
export async function withRetries<T>(
  step: string,
  work: () => Promise<T>,
  policy: RetryPolicy,
  options: {
    onRetry: (attempt: number, error: unknown, waitSeconds: number) => void;
    /** Fires when the run is cancelled (DBOS's, in a step); read afresh before each wait. */
    cancelSignal?: () => AbortSignal | undefined;
  },
): Promise<T> {
  const cancelSignal = options.cancelSignal ?? (() => DBOS.stepStatus?.cancelSignal);
  const errors: unknown[] = [];
  let waitSeconds = policy.intervalSeconds ?? 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      errors.push(error);
      if (attempt >= policy.max) throw errors.length > 1 ? new AttemptsExhaustedError(errors) : error;
      options.onRetry(attempt, error, waitSeconds);
      await pause(waitSeconds * 1000, cancelSignal());
      if (cancelSignal()?.aborted) throw new StepCancelledError(step);
      waitSeconds = Math.min(3600, waitSeconds * (policy.backoff ?? 2));
    }
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
