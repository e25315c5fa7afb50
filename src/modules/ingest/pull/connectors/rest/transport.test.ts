import { describe, expect, it } from "vitest";
import { RestRetries } from "../../contract/index.ts";
import { PullError } from "../connector.ts";
import { backoffMs, createRateLimiter, type HttpAnswer, retryAfterMs, sendWithRetries } from "./transport.ts";

const answer = (status: number, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  headers: new Headers(headers),
  text: status >= 400 ? `failure ${status}` : "[]",
  json: [],
});
const retries = RestRetries.parse({ max_attempts: 3, base_delay_ms: 1, max_delay_ms: 4 });
const options = { describe: "GET /items", retries, signal: new AbortController().signal, redact: (text: string) => text };

describe("sendWithRetries", () => {
  it("retries 429 and 5xx, and takes the first 2xx", async () => {
    const statuses = [429, 503, 200];
    const waits: number[] = [];
    const { attempts } = await sendWithRetries(async () => answer(statuses.shift() as number), {
      ...options,
      onRetry: (wait) => waits.push(wait),
    });
    expect(attempts).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it("gives up after max_attempts, saying so, retryable", async () => {
    const failed = sendWithRetries(async () => answer(500), options);
    await expect(failed).rejects.toMatchObject({
      retryable: true,
      status: 500,
      message: "GET /items answered 500: failure 500 (gave up after 3 attempts)",
    });
  });

  it("does not retry a permanent 4xx", async () => {
    let calls = 0;
    await expect(
      sendWithRetries(async () => {
        calls++;
        return answer(403);
      }, options),
    ).rejects.toMatchObject({ retryable: false, status: 403 });
    expect(calls).toBe(1);
  });

  it("ends at once when Retry-After asks for longer than the run waits", async () => {
    const failed = sendWithRetries(async () => answer(429, { "retry-after": "600" }), options);
    await expect(failed).rejects.toBeInstanceOf(PullError);
    await expect(failed).rejects.toMatchObject({ retryable: true, retryAfterMs: 600_000 });
  });

  it("retries network failures", async () => {
    let calls = 0;
    const { attempts } = await sendWithRetries(async () => {
      calls++;
      if (calls === 1) throw new PullError("could not be reached (ECONNREFUSED)", { retryable: true });
      return answer(200);
    }, options);
    expect(attempts).toBe(2);
  });
});

describe("retry timing", () => {
  it("reads Retry-After in seconds or as a date", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "3" }))).toBe(3000);
    expect(retryAfterMs(new Headers({ "retry-after": new Date(61_000).toUTCString() }), 1_000)).toBe(60_000);
    expect(retryAfterMs(new Headers())).toBeNull();
  });

  it("backs off with full jitter under a doubling ceiling", () => {
    const policy = RestRetries.parse({ base_delay_ms: 100, max_delay_ms: 1_000 });
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffMs(3, policy, () => 0)).toBe(0);
  });

  it("spaces requests to the rate limit", async () => {
    const limiter = createRateLimiter(50);
    const signal = new AbortController().signal;
    const started = performance.now();
    for (let i = 0; i < 6; i++) await limiter.take(signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });
});
