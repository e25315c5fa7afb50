import { seal, unseal } from "../../../platform/crypto.ts";
import { AppError } from "../../../platform/errors.ts";
import { PullError } from "./connectors/connector.ts";
import { PULL_SECRET_MASK, type PullConnectorKind } from "./contract/index.ts";

/** A sealed secret as stored: the ciphertext, and the last four characters shown when masked (long secrets only). */
type StoredSecret = { ciphertext: string; last4: string | null };
export type StoredSecrets = Record<string, StoredSecret>;

type Json = Record<string, unknown>;

/** Which field of each REST auth type is its secret. */
const AUTH_SECRET: Record<string, string> = {
  api_key: "value",
  bearer: "token",
  basic: "password",
  oauth2_client_credentials: "client_secret",
};

/** The secret fields of a connection: the object holding each, its field, and its path from the connector (`connection.auth.client_secret`). */
function secretFields(kind: PullConnectorKind, connection: Json): { holder: Json; field: string; path: string }[] {
  if (kind === "sql")
    return typeof connection.password === "string"
      ? [{ holder: connection, field: "password", path: "connection.password" }]
      : [];
  const auth = connection.auth as Json | undefined;
  const field = auth ? AUTH_SECRET[String(auth.type)] : undefined;
  return auth && field && typeof auth[field] === "string" ? [{ holder: auth, field, path: `connection.auth.${field}` }] : [];
}

const context = (tenantId: string, connectorId: string, path: string) => `${tenantId}/${connectorId}/${path}`;

/** Whether a value is a secret as the API showed it (sent back to keep the stored one). */
export const isMasked = (value: unknown) => typeof value === "string" && value.startsWith(PULL_SECRET_MASK);

/**
 * Takes the secrets out of a connection: each sealed under `key`, bound to its tenant, connector
 * and field, the connection keeping null in its place. A masked value keeps the stored secret.
 */
export function sealSecrets(
  key: Buffer,
  scope: { tenantId: string; connectorId: string; kind: PullConnectorKind },
  connection: Json,
  previous: StoredSecrets,
): { connection: Json; secrets: StoredSecrets } {
  const stripped = structuredClone(connection);
  const secrets: StoredSecrets = {};
  for (const { holder, field, path } of secretFields(scope.kind, stripped)) {
    const value = holder[field] as string;
    if (isMasked(value)) {
      const kept = previous[path];
      if (!kept) {
        throw new AppError("validation_failed", `${path}: send the secret itself; none is stored here to keep`, {
          details: [{ path, message: "masked, but no secret is stored here" }],
        });
      }
      secrets[path] = kept;
    } else {
      secrets[path] = {
        ciphertext: seal(key, value, context(scope.tenantId, scope.connectorId, path)),
        last4: value.length >= 12 ? value.slice(-4) : null,
      };
    }
    holder[field] = null;
  }
  return { connection: stripped, secrets };
}

/** Puts each stored secret back in its place: `open` for use, or masked for the API and the audit trail. */
function fill(
  kind: PullConnectorKind,
  connection: Json,
  secrets: StoredSecrets,
  value: (path: string, secret: StoredSecret) => string,
): Json {
  const filled = structuredClone(connection);
  const places =
    kind === "sql"
      ? [{ holder: filled, field: "password", path: "connection.password" }]
      : Object.values(AUTH_SECRET).map((field) => ({
          holder: (filled.auth ?? {}) as Json,
          field,
          path: `connection.auth.${field}`,
        }));
  for (const { holder, field, path } of places) {
    const secret = secrets[path];
    if (secret && holder[field] === null) holder[field] = value(path, secret);
  }
  return filled;
}

export const maskSecrets = (kind: PullConnectorKind, connection: Json, secrets: StoredSecrets): Json =>
  fill(kind, connection, secrets, (_path, secret) => `${PULL_SECRET_MASK}${secret.last4 ?? ""}`);

export function openSecrets(
  key: Buffer,
  scope: { tenantId: string; connectorId: string; kind: PullConnectorKind },
  connection: Json,
  secrets: StoredSecrets,
): Json {
  return fill(scope.kind, connection, secrets, (path, secret) => {
    try {
      return unseal(key, secret.ciphertext, context(scope.tenantId, scope.connectorId, path));
    } catch (error) {
      throw new PullError(
        `The connector's secret at ${path} does not open with this server's key (was CROSSDOCK_SECRET_KEY or the data directory's secret-key changed?); enter it again`,
        { retryable: false, cause: error },
      );
    }
  });
}
