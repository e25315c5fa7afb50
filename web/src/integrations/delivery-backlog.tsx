import type { WebhookSubscriptionHealth } from "../contract.ts";
import { Badge } from "../ui/badge.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";

/** A subscription's deliveries now: what waits to be sent (since when), and what was given up on. */
export function DeliveryBacklog({ health }: { health: WebhookSubscriptionHealth }) {
  if (health.pending === 0 && health.dead === 0) return <span className="muted">none waiting</span>;
  return (
    <span className="delivery-backlog">
      {health.pending > 0 ? (
        <span>
          {health.pending} waiting, oldest <TimeAgo value={health.oldest_pending_at} />
        </span>
      ) : null}{" "}
      {health.dead > 0 ? <Badge tone="bad">{health.dead} dead</Badge> : null}
    </span>
  );
}
