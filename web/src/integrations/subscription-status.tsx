import type { WebhookDeliveryStatus, WebhookStatus } from "../contract.ts";
import { Badge, type BadgeTone } from "../ui/badge.tsx";

export function SubscriptionStatusBadge({ status }: { status: WebhookStatus }) {
  return status === "active" ? <Badge tone="good">active</Badge> : <Badge tone="warn">paused</Badge>;
}

const DELIVERY_TONES: Record<WebhookDeliveryStatus, BadgeTone> = { pending: "info", delivered: "good", dead: "bad" };

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  return <Badge tone={DELIVERY_TONES[status]}>{status === "dead" ? "dead-lettered" : status}</Badge>;
}
