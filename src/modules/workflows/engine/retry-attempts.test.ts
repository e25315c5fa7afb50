import { describe, expect, it } from "vitest";
import { PermanentError, RetryableError } from "./errors.ts";
import { withRetries } from "./retry-attempts.ts";

const noRetryLog = { onRetry: () => undefined, cancelSignal: () => undefined };

describe("a step's attempts", () => {
  it("answers on the first attempt without waiting", async () => {
    expect(await withRetries("call", async () => "ok", { max: 5, intervalSeconds: 60 }, noRetryLog)).toBe("ok");
  });

  it("waits longer before each new attempt, and says how many it made when they run out", async () => {
    const waits: number[] = [];
    let attempts = 0;
    const failing = withRetries(
      "call",
      async () => {
        attempts += 1;
        throw new RetryableError(`busy ${attempts}`);
      },
      { max: 4, intervalSeconds: 0.01, backoff: 3 },
      { onRetry: (_attempt, _error, wait) => waits.push(wait), cancelSignal: () => undefined },
    );
    await expect(failing).rejects.toThrow("busy 4 (after 4 attempts)");
    expect(attempts).toBe(4);
    expect(waits.map((wait) => Number(wait.toFixed(2)))).toEqual([0.01, 0.03, 0.09]);
  });

  it("does not try a permanent failure again", async () => {
    let attempts = 0;
    const refused = withRetries(
      "call",
      async () => {
        attempts += 1;
        throw new PermanentError("unknown customer");
      },
      { max: 5, intervalSeconds: 0.01 },
      noRetryLog,
    );
    await expect(refused).rejects.toThrow("unknown customer");
    expect(attempts).toBe(1);
  });

  it("stops waiting as soon as its run is cancelled, without another attempt", async () => {
    const cancel = new AbortController();
    let attempts = 0;
    const waiting = withRetries(
      "call",
      async () => {
        attempts += 1;
        throw new RetryableError("busy");
      },
      { max: 5, intervalSeconds: 3600 },
      { onRetry: () => setTimeout(() => cancel.abort(), 20), cancelSignal: () => cancel.signal },
    );
    // An hour's wait would outlast the test's timeout; the cancel ends it.
    await expect(waiting).rejects.toThrow(/stopped retrying: its run was cancelled/);
    expect(attempts).toBe(1);
  });
});
