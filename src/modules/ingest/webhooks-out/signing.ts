import { randomBytes } from "node:crypto";
import { seal, unseal } from "../../../platform/crypto.ts";
import { signWebhook } from "../webhooks-in/signature.ts";

const SECRET_PREFIX = "whsec_";

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** What the API shows of a secret after it was shown once: `whsec_…abcd`. */
export const secretHint = (secret: string) => `${SECRET_PREFIX}…${secret.slice(-4)}`;

/** Sealed under the server's key, bound to its tenant and subscription: a copy elsewhere does not open. */
const context = (tenantId: string, subscriptionId: string) => `webhook-subscription/${tenantId}/${subscriptionId}`;

export const sealSecret = (key: Buffer, tenantId: string, subscriptionId: string, secret: string) =>
  seal(key, secret, context(tenantId, subscriptionId));

export const openSecret = (key: Buffer, tenantId: string, subscriptionId: string, sealed: string) =>
  unseal(key, sealed, context(tenantId, subscriptionId));

/**
 * `x-crossdock-signature`: `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">` under each secret (the
 * whole `whsec_…` string is the key), comma-separated: the current secret first, then, while a
 * rotation's overlap lasts, the previous one. The scheme webhooks in check, so one Crossdock's
 * deliveries can feed another's webhook source.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return secrets.map((secret) => signWebhook(secret, timestamp, body)).join(",");
}
