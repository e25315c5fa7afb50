import { seal, unseal } from "../../../platform/crypto.ts";
import { AppError } from "../../../platform/errors.ts";
import { type ConnectorKind, MASK } from "../contract/index.ts";
import { PermanentActionError } from "../errors.ts";

/** A sealed secret as stored: the ciphertext, and the last four characters shown when masked (long secrets only). */
export type StoredSecret = { ciphertext: string; last4: string | null };
export type StoredSecrets = Record<string, StoredSecret>;

type Json = Record<string, unknown>;

/** Where each kind keeps HTTP auth in its config, and which field of each auth type is the secret. */
const AUTH_PATHS: Record<ConnectorKind, string[][]> = { rest: [["auth"]], edi: [["delivery", "auth"]], email: [] };
const SECRET_FIELD: Record<string, string> = {
  bearer: "token",
  basic: "password",
  header: "value",
  oauth2_client_credentials: "client_secret",
};

function dig(value: unknown, at: string[]): Json | undefined {
  let current = value;
  for (const key of at) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Json)[key];
  }
  return current !== null && typeof current === "object" ? (current as Json) : undefined;
}

/** The secret fields present in a config, as [dotted path, the object holding it, its field]. */
function secretFields(kind: ConnectorKind, config: Json): { path: string; holder: Json; field: string }[] {
  return AUTH_PATHS[kind].flatMap((at) => {
    const auth = dig(config, at);
    const field = auth ? SECRET_FIELD[String(auth.type)] : undefined;
    return auth && field && typeof auth[field] === "string" ? [{ path: [...at, field].join("."), holder: auth, field }] : [];
  });
}

const clone = (config: Json): Json => structuredClone(config);
const context = (tenantId: string, connectorId: string, path: string) => `${tenantId}/${connectorId}/${path}`;

export const masked = (secret: StoredSecret) => `${MASK}${secret.last4 ?? ""}`;

/**
 * Takes the secrets out of a config: each sealed under `key` (bound to this tenant, connector and
 * field), the config keeping null in its place. A masked value sent back keeps the stored secret
 * at that place.
 */
export function sealSecrets(
  key: Buffer,
  scope: { tenantId: string; connectorId: string; kind: ConnectorKind },
  config: Json,
  previous: StoredSecrets,
): { config: Json; secrets: StoredSecrets } {
  const stripped = clone(config);
  const secrets: StoredSecrets = {};
  for (const { path, holder, field } of secretFields(scope.kind, stripped)) {
    const value = holder[field] as string;
    if (value.startsWith(MASK)) {
      const kept = previous[path];
      if (!kept) {
        throw new AppError("validation_failed", `config.${path}: send the secret itself; there is no stored one to keep`, {
          details: [{ path: `config.${path}`, message: "masked, but no secret is stored here" }],
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
  return { config: stripped, secrets };
}

/** The stored config as the API shows it: each secret as "••••" and its last four characters. */
export function maskSecrets(kind: ConnectorKind, config: Json, secrets: StoredSecrets): Json {
  const shown = clone(config);
  for (const at of AUTH_PATHS[kind]) {
    const auth = dig(shown, at);
    const field = auth ? SECRET_FIELD[String(auth.type)] : undefined;
    const secret = field ? secrets[[...at, field].join(".")] : undefined;
    if (auth && field && secret) auth[field] = masked(secret);
  }
  return shown;
}

/** The stored config with its secrets opened, to use. */
export function openSecrets(
  key: Buffer,
  scope: { tenantId: string; connectorId: string; kind: ConnectorKind },
  config: Json,
  secrets: StoredSecrets,
): Json {
  const opened = clone(config);
  for (const at of AUTH_PATHS[scope.kind]) {
    const auth = dig(opened, at);
    const field = auth ? SECRET_FIELD[String(auth.type)] : undefined;
    const path = field ? [...at, field].join(".") : undefined;
    const secret = path ? secrets[path] : undefined;
    if (!auth || !field || !path || !secret) continue;
    try {
      auth[field] = unseal(key, secret.ciphertext, context(scope.tenantId, scope.connectorId, path));
    } catch (error) {
      throw new PermanentActionError(
        "connector_misconfigured",
        `The connector's secret at ${path} does not open with this server's key (was CROSSDOCK_SECRET_KEY or the data directory's secret-key changed?); enter the secret again`,
        { cause: error },
      );
    }
  }
  return opened;
}

/** Whether a config carries any secret (before sealing). */
export const hasSecrets = (kind: ConnectorKind, config: Json) => secretFields(kind, config).length > 0;
