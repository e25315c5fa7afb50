import type { WebhookAttemptOutcome } from "./contract/webhooks-out.ts";

/** What one POST came to. */
export type PostResult = {
  outcome: WebhookAttemptOutcome;
  statusCode: number | null;
  error: string | null;
  responseSnippet: string | null;
  durationMs: number;
};

const SNIPPET_BYTES = 1024;
const USER_AGENT = "Crossdock-Webhooks/1";

/** The first 1 KB of the answer; the rest is not read (a receiver may answer with a whole page). */
async function snippet(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < SNIPPET_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (size === 0) return null;
  // Cut at a byte count, decoded leniently: a multi-byte character split at the end becomes U+FFFD.
  return Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString("utf8");
}

/** fetch says "fetch failed"; its cause says why ("connect ECONNREFUSED 127.0.0.1:4000", "getaddrinfo ENOTFOUND …"). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as (Error & { code?: string }) | undefined;
  // Several addresses that all refused arrive as an AggregateError with an empty message and a code.
  return cause?.message || cause?.code || error.message;
}

/**
 * POSTs one delivery: 2xx is delivered; any other answer (redirects are not followed), a network
 * error or no answer within `timeoutMs` (counting the first 1 KB of the body) is a failure. Never
 * throws.
 */
export async function postDelivery(request: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}): Promise<PostResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(request.timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": USER_AGENT, ...request.headers },
      body: request.body,
      redirect: "manual",
      signal,
    });
    const text = await snippet(response).catch(() => null);
    const ok = response.status >= 200 && response.status < 300;
    return {
      outcome: ok ? "delivered" : "failed",
      statusCode: response.status,
      error: ok
        ? null
        : response.status >= 300 && response.status < 400
          ? `The receiver answered ${response.status} (a redirect, not followed: point the subscription at the final URL)`
          : `The receiver answered ${response.status}`,
      responseSnippet: text,
      durationMs: elapsed(),
    };
  } catch (error) {
    if (signal.aborted) {
      return {
        outcome: "timed_out",
        statusCode: null,
        error: `No answer within ${request.timeoutMs / 1000} s`,
        responseSnippet: null,
        durationMs: elapsed(),
      };
    }
    return { outcome: "failed", statusCode: null, error: describe(error), responseSnippet: null, durationMs: elapsed() };
  }
}
