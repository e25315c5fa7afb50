import { type ActionError, PermanentActionError, RetryableActionError } from "../../errors.ts";

export type HttpRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  timeoutMs: number;
};

export type HttpAnswer = { status: number; headers: Headers; text: string; json: unknown };

const MAX_RESPONSE_BYTES = 1024 * 1024;
const PREVIEW_CHARS = 2000;

const describe = (request: HttpRequest) => `${request.method} ${request.url}`;

function unreachable(request: HttpRequest, error: unknown): RetryableActionError {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new RetryableActionError(
      "connector_unavailable",
      `${describe(request)} did not answer within ${request.timeoutMs} ms`,
      {
        cause: error,
      },
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new RetryableActionError("connector_unavailable", `${describe(request)} could not be reached (${reason})`, {
    cause: error,
  });
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      break;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Sends one HTTP request. A network error or a timeout (connecting, or reading the answer) throws a
 * RetryableActionError; any answer, whatever its status, is returned for the caller to judge.
 * Redirects are not followed: a write should reach the address it was configured for.
 */
export async function sendHttp(request: HttpRequest): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
      redirect: "manual",
    });
    const text = await readLimited(response);
    let json: unknown;
    if (text && /json/i.test(response.headers.get("content-type") ?? "")) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, headers: response.headers, text, json };
  } catch (error) {
    throw unreachable(request, error);
  }
}

/** The answer's body for people to read: its JSON, or its text cut short. */
export function responsePreview(answer: HttpAnswer): unknown {
  if (answer.json !== undefined) return answer.json;
  if (!answer.text) return undefined;
  return answer.text.length > PREVIEW_CHARS ? `${answer.text.slice(0, PREVIEW_CHARS)}…` : answer.text;
}

/** How long an answer asks the caller to wait (Retry-After, in seconds or as a date), when it says. */
export function retryAfterMs(headers: Headers): number | null {
  const value = headers.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * What an answer means: null when it is one of `successStatuses` (any 2xx when none are given);
 * otherwise the error to throw. 5xx, 408 and 429 may succeed later; other statuses will not.
 */
export function failureOf(request: HttpRequest, answer: HttpAnswer, successStatuses?: readonly number[]): ActionError | null {
  const { status } = answer;
  const ok = successStatuses ? successStatuses.includes(status) : status >= 200 && status < 300;
  if (ok) return null;
  const snippet = answer.text.replace(/\s+/g, " ").trim().slice(0, 300);
  const said = `${describe(request)} answered ${status}${snippet ? `: ${snippet}` : ""}`;
  if (status >= 500 || status === 408 || status === 429) {
    return new RetryableActionError("connector_unavailable", said, {
      upstreamStatus: status,
      retryAfterMs: retryAfterMs(answer.headers),
    });
  }
  if (status >= 300 && status < 400) {
    const location = answer.headers.get("location");
    return new PermanentActionError(
      "connector_refused",
      `${describe(request)} answered ${status}${location ? `, redirecting to ${location}` : ""}; point the connector at the final address`,
      { upstreamStatus: status },
    );
  }
  return new PermanentActionError("connector_refused", said, { upstreamStatus: status });
}
