import { setTimeout as sleep } from "node:timers/promises";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { isRetryable } from "./errors.ts";

export type RetryPolicy = { max: number; intervalSeconds?: number; backoff?: number };

/** A step's last failure after every attempt it was allowed. */
class AttemptsExhaustedError extends Error {
  constructor(last: unknown, attempts: number) {
    super(`${last instanceof Error ? last.message : String(last)} (after ${attempts} attempts)`, { cause: last });
    this.name = "AttemptsExhaustedError";
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
  let waitSeconds = policy.intervalSeconds ?? 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= policy.max) throw attempt > 1 ? new AttemptsExhaustedError(error, attempt) : error;
      options.onRetry(attempt, error, waitSeconds);
      // A cancel ends the wait early (the sleep rejects when its signal fires).
      await sleep(waitSeconds * 1000, undefined, { signal: cancelSignal() }).catch(() => undefined);
      if (cancelSignal()?.aborted) throw new StepCancelledError(step);
      waitSeconds = Math.min(3600, waitSeconds * (policy.backoff ?? 2));
    }
  }
}
