import { assertNever } from "../../../../platform/errors.ts";
import type { PullConnectorInput, RestConnection, RestResource, SqlConnection, SqlResource } from "../contract/index.ts";
import type { PullConnector } from "./connector.ts";
import { createRestPullConnector } from "./rest/connector.ts";
import type { TokenCache } from "./rest/oauth2.ts";
import { createRateLimiter, type RateLimiter } from "./rest/transport.ts";
import { createSqlPullConnector } from "./sql/connector.ts";

export { describePullFailure, type PullConnector, type PullCursor, PullError, type PullPage } from "./connector.ts";
export { createTokenCache, type TokenCache } from "./rest/oauth2.ts";

/** A connector as stored, its secrets opened: what a run reads with. */
export type OpenedConnector = {
  id: string;
  kind: PullConnectorInput["kind"];
  connection: Record<string, unknown>;
  resources: Record<string, Record<string, unknown>>;
};

/** What the connectors of one process share: OAuth2 tokens, and a rate limiter per connector. */
export type ConnectorShared = { tokens: TokenCache; limiterFor(connectorId: string, perSecond: number | undefined): RateLimiter };

export function createConnectorShared(tokens: TokenCache): ConnectorShared {
  const limiters = new Map<string, { perSecond: number | undefined; limiter: RateLimiter }>();
  return {
    tokens,
    limiterFor(connectorId, perSecond) {
      const kept = limiters.get(connectorId);
      if (kept && kept.perSecond === perSecond) return kept.limiter;
      const limiter = createRateLimiter(perSecond);
      limiters.set(connectorId, { perSecond, limiter });
      return limiter;
    },
  };
}

/** The connector for a stored config (checked when it was saved). */
export function openPullConnector(
  connector: OpenedConnector,
  shared: ConnectorShared,
  onRetry?: (waitMs: number, why: string) => void,
): PullConnector {
  switch (connector.kind) {
    case "rest": {
      const connection = connector.connection as RestConnection;
      return createRestPullConnector(
        { id: connector.id, connection, resources: connector.resources as Record<string, RestResource> },
        { tokens: shared.tokens, limiter: shared.limiterFor(connector.id, connection.rate_limit_per_second), onRetry },
      );
    }
    case "sql":
      return createSqlPullConnector({
        connection: connector.connection as SqlConnection,
        resources: connector.resources as Record<string, SqlResource>,
      });
    default:
      return assertNever(connector.kind);
  }
}
