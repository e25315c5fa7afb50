import type { RestConnection, RestResource } from "../../contract/index.ts";
import { type PullConnector, type PullCursor, PullError, type PullPage } from "../connector.ts";
import { createRestAuthorizer } from "./auth.ts";
import type { TokenCache } from "./oauth2.ts";
import { asRestCursor, pageUrl, readRestAnswer } from "./resources/rest-page.ts";
import { type HttpAnswer, type RateLimiter, sendHttp, sendWithRetries } from "./transport.ts";

export type RestPullDeps = {
  tokens: TokenCache;
  /** Shared by the connector's resources in this process. */
  limiter: RateLimiter;
  onRetry?: (waitMs: number, why: string) => void;
};

/**
 * The generic REST/JSON connector: each resource is a GET of base_url + path with its query, the
 * items read at items_path, the next page found as its paging says; auth, rate limit and retries
 * (Retry-After honoured, 429/5xx/timeouts retried, other 4xx not) from the connection.
 */
export function createRestPullConnector(
  connector: { id: string; connection: RestConnection; resources: Record<string, RestResource> },
  deps: RestPullDeps,
): PullConnector {
  const { connection } = connector;
  const authorizer = createRestAuthorizer(connection.auth, {
    connectorId: connector.id,
    tokens: deps.tokens,
    timeoutMs: connection.timeout_ms,
  });

  return {
    async readPage(name: string, stored: PullCursor | null, signal: AbortSignal): Promise<PullPage> {
      const resource = connector.resources[name];
      if (!resource) throw new PullError(`The connector has no resource ${name}`, { retryable: false });
      const cursor = asRestCursor(stored, resource);
      let requests = 0;
      let requestUrl = "";
      // One attempt: a rate-limit slot, fresh credentials, the request; once more with new credentials after a 401.
      const attempt = async (): Promise<HttpAnswer> => {
        const send = async () => {
          await deps.limiter.take(signal);
          const credentials = await authorizer.credentials(signal);
          requestUrl = pageUrl(connection, resource, cursor, credentials.query);
          requests++;
          const answer = await sendHttp(
            {
              method: "GET",
              url: requestUrl,
              headers: { accept: "application/json", ...connection.headers, ...credentials.headers },
              timeoutMs: connection.timeout_ms,
              signal,
            },
            authorizer.redact,
          );
          return { answer, credentials };
        };
        const first = await send();
        if (first.answer.status !== 401 || !authorizer.refused(first.credentials)) return first.answer;
        return (await send()).answer;
      };
      const describe = `GET ${authorizer.redact(pageUrl(connection, resource, cursor, {}))}`;
      const { answer, attempts } = await sendWithRetries(attempt, {
        describe,
        retries: connection.retries,
        signal,
        redact: authorizer.redact,
        onRetry: deps.onRetry,
      });
      if (answer.json === undefined) {
        throw new PullError(`${describe} answered ${answer.status} with a body that is not JSON`, {
          retryable: false,
          status: answer.status,
        });
      }
      const read = readRestAnswer(connection, resource, cursor, answer.json, requestUrl, authorizer.redact);
      if (read.cursor.page?.url && connection.auth.type === "api_key" && connection.auth.in === "query") {
        // The cursor is stored and shown: an API that echoes the key into its next-page address does not get it kept.
        const url = new URL(read.cursor.page.url);
        url.searchParams.delete(connection.auth.name);
        read.cursor.page.url = url.toString();
      }
      return { rows: read.rows, cursor: read.cursor, done: read.done, requests, retries: attempts - 1 };
    },
    close: async () => undefined,
  };
}
