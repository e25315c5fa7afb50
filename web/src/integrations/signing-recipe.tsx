/**
 * The signing scheme, shared by webhooks in (a source checks it) and out (a receiver checks it):
 * `v1=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>`, keyed with the whole secret as text.
 * The header names are the API's (src/modules/ingest/webhooks-in/signature.ts, not in a contract file).
 */
const TIMESTAMP_HEADER = "x-crossdock-timestamp";
const SIGNATURE_HEADER = "x-crossdock-signature";
const DELIVERY_HEADER = "x-crossdock-delivery";

/** How a system signs what it sends to a webhook source: the headers, the HMAC, and a shell example. */
export function InboundSigningRecipe({ url }: { url: string }) {
  const shell = [
    "ts=$(date +%s); body='{\"id\":1}'",
    'sig=$(printf \'%s.%s\' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed \'s/^.* //\')',
    `curl -X POST '${url}' -H 'content-type: application/json' \\`,
    `  -H "${TIMESTAMP_HEADER}: $ts" -H "${SIGNATURE_HEADER}: v1=$sig" -H '${DELIVERY_HEADER}: 1' -d "$body"`,
  ].join("\n");
  return (
    <div className="signing-recipe" data-testid="signing-recipe">
      <p>The system POSTs its JSON payload (up to 1 MB) to the address above, with three headers:</p>
      <dl className="kv-inline">
        <dt>
          <code>{TIMESTAMP_HEADER}</code>
        </dt>
        <dd>the signing time, in Unix seconds; more than 5 minutes from now is refused as a possible replay</dd>
        <dt>
          <code>{SIGNATURE_HEADER}</code>
        </dt>
        <dd>
          <code>v1=</code> and the hex HMAC-SHA256 of <code>timestamp.body</code> (the timestamp, a dot, the raw body) keyed with
          the secret; several <code>v1=</code> values, comma separated, are accepted while a sender changes secrets
        </dd>
        <dt>
          <code>{DELIVERY_HEADER}</code>
        </dt>
        <dd>the sender's id for the delivery: a retry reuses it, and is stored once</dd>
      </dl>
      <p>
        Crossdock answers <code>202</code> once the payload is stored (<code>200</code> for a delivery it has already), and
        processes it after. In a shell, with the secret in <code>$SECRET</code>:
      </p>
      <pre className="json-block text-block">{shell}</pre>
    </div>
  );
}

/** How a receiver checks a delivery Crossdock sends it. */
export function OutboundVerificationRecipe() {
  return (
    <div className="signing-recipe" data-testid="verification-recipe">
      <p>Each delivery is a POST of JSON, signed like Crossdock's webhook sources check theirs. To verify one:</p>
      <ol>
        <li>Take the raw body as bytes, before parsing it.</li>
        <li>
          Refuse a <code>{TIMESTAMP_HEADER}</code> more than 300 seconds from your clock.
        </li>
        <li>
          Compute the hex HMAC-SHA256 of <code>timestamp.body</code> keyed with the whole secret (<code>whsec_…</code>, as text).
        </li>
        <li>
          Accept it if it equals any <code>v1=</code> value of <code>{SIGNATURE_HEADER}</code> (compared in constant time; after a
          rotation, there is one per secret).
        </li>
        <li>
          De-duplicate on the body's <code>id</code>; answer 2xx within 10 seconds and do the work after.
        </li>
      </ol>
    </div>
  );
}
