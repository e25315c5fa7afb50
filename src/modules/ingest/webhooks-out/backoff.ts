/** How deliveries are retried: the policy's numbers, all in milliseconds. */
export type RetryPolicy = {
  /** The ceiling of the first retry's delay; each later ceiling doubles. */
  baseMs: number;
  /** The largest ceiling. */
  capMs: number;
  /** No attempt is made later than this after the first attempt of the window; then the delivery is dead. */
  windowMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, capMs: 3_600_000, windowMs: 24 * 3_600_000 };

/** Never retried sooner than this, whatever the jitter draws. */
const FLOOR_MS = 1_000;

/**
 * The wait after the `attempts`-th failed attempt: exponential backoff with full jitter, a random
 * point between 0 and min(cap, base · 2^(attempts−1)), so receivers coming back up are not hit by
 * every sender at once. `random` is in [0, 1).
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(FLOOR_MS, Math.floor(random * ceiling));
}
