import { createHash } from "node:crypto";
import { newId } from "../../../platform/ids.ts";
import type { ClaimedReceipt } from "../processing/process-receipts.ts";
import { HANDED_OVER_LEASE_SECONDS } from "../processing/processor.ts";
import type { SourceDeps, WebhookSource } from "../sources/source-store.ts";
import { receiptBatchesOf, type StoredReceipt } from "./receipt-batches.ts";
import { checkWebhookSignature, DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature.ts";

/** The largest webhook payload kept: a bigger one is refused before it is read in full. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type WebhookDelivery = {
  body: Buffer;
  contentType: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  deliveryId: string | undefined;
};

export type WebhookAnswer =
  | { status: 200 | 202; receiptId: string; duplicate: boolean }
  | {
      status: 400 | 401 | 404 | 413;
      code: "bad_request" | "unauthenticated" | "not_found" | "payload_too_large";
      message: string;
    };

/** The answer to a payload over MAX_WEBHOOK_BYTES, which is refused before it is read in full. */
export const PAYLOAD_TOO_LARGE: WebhookAnswer = {
  status: 413,
  code: "payload_too_large",
  message: `A webhook payload is at most ${MAX_WEBHOOK_BYTES} bytes`,
};

/** A delivery as the webhook route reads it off a request: its body and the headers that sign and name it. */
export function webhookDelivery(body: Buffer, header: (name: string) => string | undefined): WebhookDelivery {
  return {
    body,
    contentType: header("content-type"),
    timestamp: header(TIMESTAMP_HEADER),
    signature: header(SIGNATURE_HEADER),
    deliveryId: header(DELIVERY_HEADER),
  };
}

/** The processor of this process, when it runs: a new receipt goes to it straight from memory. */
export type HandOver = { hasRoom(): boolean; handOver(receipt: ClaimedReceipt): void; poke(): void };

/**
 * A webhook as it arrives: the source must exist, the signature and its timestamp must hold, and
 * the delivery must say its id (the sender's retries reuse it). Then the payload is stored, and the
 * sender answered 202 (200 for a delivery already stored). Nothing is parsed here: a payload that
 * does not parse or map is stored all the same, and quarantined by processing with the reason.
 */
export async function receiveWebhook(
  deps: SourceDeps,
  findSource: (sourceId: string) => Promise<WebhookSource | undefined>,
  sourceId: string,
  delivery: WebhookDelivery,
  processor?: HandOver,
): Promise<WebhookAnswer> {
  if (delivery.body.length > MAX_WEBHOOK_BYTES) return PAYLOAD_TOO_LARGE;
  const source = /^src_[0-9a-z]{26}$/.test(sourceId) ? await findSource(sourceId) : undefined;
  if (!source) return { status: 404, code: "not_found", message: `There is no webhook source ${sourceId}` };
  const check = checkWebhookSignature({
    secret: source.secret,
    body: delivery.body,
    timestamp: delivery.timestamp,
    signature: delivery.signature,
    nowSeconds: Math.floor(deps.clock().getTime() / 1000),
  });
  if (!check.ok)
    return { status: check.status, code: check.status === 401 ? "unauthenticated" : "bad_request", message: check.reason };
  const deliveryId = delivery.deliveryId?.trim();
  if (!deliveryId || deliveryId.length > 200) {
    return {
      status: 400,
      code: "bad_request",
      message: `${DELIVERY_HEADER} must name the delivery (1 to 200 characters), so a retry is not stored twice`,
    };
  }
  const handOver = processor?.hasRoom() === true;
  const stored = await storeReceipt(
    deps,
    source,
    { deliveryId, contentType: delivery.contentType, body: delivery.body },
    handOver,
  );
  if (!handOver || stored.duplicate) processor?.poke();
  else {
    processor?.handOver({
      tenant_id: source.tenantId,
      id: stored.receiptId,
      source_id: source.id,
      content_type: delivery.contentType ?? null,
      body: delivery.body,
      attempts: 1,
    });
  }
  return { status: stored.duplicate ? 200 : 202, ...stored };
}

/**
 * Stores a verified payload as a receipt, once per (source, delivery id): a delivery sent again
 * is answered with the receipt it made the first time. The commit waits for the disk, so the
 * sender's 2xx means the payload is safe. A receipt to be handed over is stored leased (its first
 * attempt), so no other pass claims it while this process's processor has it in memory.
 */
function storeReceipt(
  deps: SourceDeps,
  source: WebhookSource,
  delivery: { deliveryId: string; contentType: string | undefined; body: Buffer },
  handOver: boolean,
): Promise<StoredReceipt> {
  const now = deps.clock();
  return receiptBatchesOf(deps.db).store({
    tenantId: source.tenantId,
    id: newId("rcv"),
    sourceId: source.id,
    deliveryId: delivery.deliveryId,
    receivedAt: now.toISOString(),
    contentType: delivery.contentType ?? null,
    body: delivery.body,
    sha256: createHash("sha256").update(delivery.body).digest("hex"),
    leasedUntil: handOver ? new Date(now.getTime() + HANDED_OVER_LEASE_SECONDS * 1000).toISOString() : null,
    attempts: handOver ? 1 : 0,
  });
}
