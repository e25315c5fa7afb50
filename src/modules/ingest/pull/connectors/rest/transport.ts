import { setTimeout as sleep } from "node:timers/promises";
import type { RestConnection } from "../../contract/index.ts";
import { PullError } from "../connector.ts";

export type HttpRequest = {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
};

export type HttpAnswer = { status: number; headers: Headers; text: string; json: unknown };

/** A page larger than this is refused: lower page_size. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
const SNIPPET_CHARS = 300;

/** A URL as it may be shown: without credentials in its query (an API key sent there). */
export type Redact = (text: string) => string;

async function readLimited(response: Response, describe: string): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new PullError(`${describe} answered more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; lower page_size`, {
        retryable: false,
      });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Sends one request. No answer (refused, reset, a timeout) throws a retryable PullError; any answer,
 * whatever its status, is returned. Redirects are not followed: credentials go only where configured.
 */
export async function sendHttp(request: HttpRequest, redact: Redact = (text) => text): Promise<HttpAnswer> {
  const describe = `${request.method} ${redact(request.url)}`;
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
      redirect: "manual",
    });
    const text = await readLimited(response, describe);
    let json: unknown;
    if (text) {
      try {
        json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, headers: response.headers, text, json };
  } catch (error) {
    if (error instanceof PullError) throw error;
    if (request.signal?.aborted) throw request.signal.reason;
    if (timeout.aborted) {
      throw new PullError(`${describe} did not answer within ${request.timeoutMs} ms`, { retryable: true, cause: error });
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new PullError(`${describe} could not be reached (${redact(String(reason))})`, { retryable: true, cause: error });
  }
}

/** How long an answer asks to wait (Retry-After, in seconds or as an HTTP date), when it says. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const value = headers.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** What an answer means: 2xx is read; 408, 429 and 5xx may pass later; anything else will not. */
export function judgeAnswer(answer: HttpAnswer): "ok" | "retry" | "refused" {
  if (answer.status >= 200 && answer.status < 300) return "ok";
  if (answer.status === 408 || answer.status === 429 || answer.status >= 500) return "retry";
  return "refused";
}

export function snippet(answer: HttpAnswer, redact: Redact): string {
  const text = redact(answer.text.replace(/\s+/g, " ").trim());
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS)}…` : text;
}

/** A random wait up to base × 2^(attempt−1), at most max ("full jitter"). */
export function backoffMs(attempt: number, retries: RestConnection["retries"], random = Math.random): number {
  const ceiling = Math.min(retries.max_delay_ms, retries.base_delay_ms * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

export type Attempted = { answer: HttpAnswer; attempts: number };

/**
 * Sends `attempt()` until the answer is 2xx, retrying network failures, timeouts, 408, 429 and 5xx
 * up to `max_attempts` times: after what Retry-After asks, or a jittered backoff. A Retry-After
 * longer than `max_retry_after_ms` ends the trying at once, saying when to come back. Any other
 * status is refused at once (permanent). `attempt` builds the request each time (a fresh token).
 */
export async function sendWithRetries(
  attempt: () => Promise<HttpAnswer>,
  options: {
    describe: string;
    retries: RestConnection["retries"];
    signal: AbortSignal;
    redact: Redact;
    onRetry?: (waitMs: number, why: string) => void;
    random?: () => number;
  },
): Promise<Attempted> {
  const { retries } = options;
  for (let attempts = 1; ; attempts++) {
    let why: string;
    let wait: number | null = null;
    let status: number | null = null;
    try {
      const answer = await attempt();
      const verdict = judgeAnswer(answer);
      if (verdict === "ok") return { answer, attempts };
      status = answer.status;
      const said = snippet(answer, options.redact);
      why = `${options.describe} answered ${answer.status}${said ? `: ${said}` : ""}`;
      if (verdict === "refused") {
        const location = answer.status >= 300 && answer.status < 400 ? answer.headers.get("location") : null;
        throw new PullError(location ? `${why} (redirecting to ${options.redact(location)}; configure the final address)` : why, {
          retryable: false,
          status,
        });
      }
      wait = retryAfterMs(answer.headers);
      if (wait !== null && wait > retries.max_retry_after_ms) {
        throw new PullError(`${why}; it asks to wait ${Math.ceil(wait / 1000)} s, longer than this run waits`, {
          retryable: true,
          status,
          retryAfterMs: wait,
        });
      }
    } catch (error) {
      if (!(error instanceof PullError) || !error.retryable || error.retryAfterMs !== null) throw error;
      why = error.message;
      status = error.status;
    }
    if (attempts >= retries.max_attempts) {
      throw new PullError(`${why} (gave up after ${attempts} attempt${attempts === 1 ? "" : "s"})`, { retryable: true, status });
    }
    const waitMs = wait ?? backoffMs(attempts, retries, options.random);
    options.onRetry?.(waitMs, why);
    await sleep(waitMs, undefined, { signal: options.signal });
  }
}

/**
 * At most `perSecond` requests a second, spaced evenly, for everything sharing this limiter (one
 * connector's resources in this process). None when `perSecond` is undefined.
 */
export function createRateLimiter(perSecond: number | undefined, now: () => number = Date.now) {
  let nextAt = 0;
  return {
    async take(signal: AbortSignal): Promise<void> {
      if (!perSecond) return;
      const at = Math.max(now(), nextAt);
      nextAt = at + 1000 / perSecond;
      const wait = at - now();
      if (wait > 0) await sleep(wait, undefined, { signal });
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
