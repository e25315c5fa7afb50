export * from "./contract/webhooks-out.ts";
export { createWebhooksOut, type WebhooksOut } from "./webhooks-out.ts";
