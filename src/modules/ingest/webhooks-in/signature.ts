import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-crossdock-signature";
export const TIMESTAMP_HEADER = "x-crossdock-timestamp";
export const DELIVERY_HEADER = "x-crossdock-delivery";

/** A signed payload older (or further ahead) than this is refused as a possible replay. */
export const TOLERANCE_SECONDS = 300;

/** The signature a sender puts in `x-crossdock-signature`: `v1=` and the hex HMAC-SHA256 of `<timestamp>.<body>`. */
export function signWebhook(secret: string, timestamp: number | string, body: Buffer | string): string {
  const hmac = createHmac("sha256", secret);
  hmac.update(`${timestamp}.`);
  hmac.update(body);
  return `v1=${hmac.digest("hex")}`;
}

export type SignatureCheck = { ok: true } | { ok: false; status: 400 | 401; reason: string };

/**
 * Checks a webhook's timestamp and signature. The header may carry several `v1=` values (comma
 * separated), so a sender can sign with an old and a new secret while rotating.
 */
export function checkWebhookSignature(options: {
  secret: string;
  body: Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  nowSeconds: number;
}): SignatureCheck {
  const { timestamp, signature } = options;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, status: 400, reason: `${TIMESTAMP_HEADER} must be the signing time in Unix seconds` };
  }
  if (!signature) return { ok: false, status: 401, reason: `${SIGNATURE_HEADER} is missing` };
  const skew = Math.abs(options.nowSeconds - Number(timestamp));
  if (skew > TOLERANCE_SECONDS) {
    return {
      ok: false,
      status: 401,
      reason: `the timestamp is ${skew} s from now, more than the ${TOLERANCE_SECONDS} s allowed: refused as a possible replay`,
    };
  }
  const expected = Buffer.from(signWebhook(options.secret, timestamp, options.body).slice(3), "hex");
  const matches = signature
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .some((part) => {
      const given = Buffer.from(part.slice(3), "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return matches
    ? { ok: true }
    : { ok: false, status: 401, reason: "the signature does not match the payload and the source's secret" };
}
