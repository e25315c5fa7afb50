export * from "./contract/index.ts";
export * from "./edi-intake/index.ts";
export { createIngest, type Ingest, type IngestDeps } from "./ingest.ts";
export {
  MAX_WEBHOOK_BYTES,
  PAYLOAD_TOO_LARGE,
  type WebhookAnswer,
  webhookDelivery,
} from "./webhooks-in/receive-webhook.ts";
export { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "./webhooks-in/signature.ts";

export const ingestMigrations = { module: "ingest", directory: new URL("./migrations/", import.meta.url) };
export * from "./webhooks-out/index.ts";
