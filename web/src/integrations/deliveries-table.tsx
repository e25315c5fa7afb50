import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import type { WebhookAttempt, WebhookDelivery } from "../contract.ts";
import { formatCount, formatTimestamp } from "../format/format.ts";
import { Badge } from "../ui/badge.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { TextBlock } from "./json-block.tsx";
import { DeliveryStatusBadge } from "./subscription-status.tsx";
import { deliveryQuery, replayDelivery } from "./webhook-queries.ts";

/** How a receiver answered an attempt, in a few words: "200 in 35 ms", "timed out after 10,000 ms", "connection refused". */
export function attemptSummary(attempt: WebhookAttempt): string {
  const took = `${formatCount(attempt.duration_ms)} ms`;
  if (attempt.outcome === "timed_out") return `timed out after ${took}`;
  const answer = attempt.status_code !== null ? `${attempt.status_code}` : (attempt.error ?? "no answer");
  return `${answer} in ${took}`;
}

export function AttemptsTable({ attempts }: { attempts: readonly WebhookAttempt[] }) {
  if (attempts.length === 0) return <p className="muted small">Not tried yet.</p>;
  return (
    <table className="table table--compact" data-testid="attempts-table">
      <caption className="visually-hidden">Attempts</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">Started</th>
          <th scope="col">Outcome</th>
          <th scope="col" className="num">
            Status code
          </th>
          <th scope="col" className="num">
            Duration
          </th>
          <th scope="col">Error</th>
          <th scope="col">Answer</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((attempt) => (
          <tr key={attempt.number}>
            <td className="num">{attempt.number}</td>
            <td>
              <time dateTime={attempt.started_at}>{formatTimestamp(attempt.started_at)}</time>
            </td>
            <td>
              <Badge tone={attempt.outcome === "delivered" ? "good" : "bad"}>{attempt.outcome.replace("_", " ")}</Badge>
            </td>
            <td className="num">{attempt.status_code ?? "—"}</td>
            <td className="num">{formatCount(attempt.duration_ms)} ms</td>
            <td className="wrap">{attempt.error ?? <span className="muted">—</span>}</td>
            <td className="wrap mono small">{attempt.response_snippet ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The body a delivery sends, asked for when someone opens it. */
function DeliveryBody({ subscriptionId, deliveryId }: { subscriptionId: string; deliveryId: string }) {
  const detail = useQuery(deliveryQuery(subscriptionId, deliveryId));
  if (detail.isPending) return <Loading label="Loading the body…" />;
  if (detail.error) return <ErrorBanner error={detail.error} />;
  return (
    <>
      <p className="field__label">Body sent</p>
      <TextBlock label="Body sent" text={JSON.stringify(detail.data.body, null, 2)} />
    </>
  );
}

/** A subscription's deliveries, newest first; each opens on its attempts and body, and (for admins) replays. */
export function DeliveriesTable({
  subscriptionId,
  deliveries,
  canReplay,
}: {
  subscriptionId: string;
  deliveries: readonly WebhookDelivery[];
  canReplay: boolean;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const replay = useMutation({
    mutationFn: (deliveryId: string) => replayDelivery(subscriptionId, deliveryId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["webhooks", "deliveries", subscriptionId] }),
  });
  return (
    <>
      <ErrorBanner error={replay.error} title="Not replayed" />
      <div className="table-wrap">
        <table className="table" data-testid="deliveries-table">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Last answer</th>
              <th scope="col">Created</th>
              <th scope="col">Next try / done</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => {
              const last = delivery.attempts.at(-1);
              const isOpen = open === delivery.id;
              return (
                <Fragment key={delivery.id}>
                  <tr data-delivery-id={delivery.id}>
                    <td>
                      <span className="mono">{delivery.event_type}</span>
                      <div className="muted small mono">{delivery.event_id ?? delivery.id}</div>
                    </td>
                    <td>
                      <DeliveryStatusBadge status={delivery.status} />
                    </td>
                    <td className="num">{delivery.attempt_count}</td>
                    <td className="wrap">
                      {last ? attemptSummary(last) : <span className="muted">not tried yet</span>}
                      {delivery.last_error && last?.outcome !== "delivered" ? (
                        <div className="muted small clamp">{delivery.last_error}</div>
                      ) : null}
                    </td>
                    <td>
                      <TimeAgo value={delivery.created_at} />
                    </td>
                    <td>
                      {delivery.status === "pending" ? (
                        <TimeAgo value={delivery.next_attempt_at} />
                      ) : (
                        <TimeAgo value={delivery.delivered_at ?? delivery.dead_at} />
                      )}
                    </td>
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        aria-expanded={isOpen}
                        onClick={() => setOpen(isOpen ? null : delivery.id)}
                      >
                        {isOpen ? "Hide" : "Attempts"}
                        <span className="visually-hidden">
                          {" "}
                          of {delivery.event_type} {delivery.id}
                        </span>
                      </button>{" "}
                      {canReplay ? (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={replay.isPending && replay.variables === delivery.id}
                          onClick={() => replay.mutate(delivery.id)}
                        >
                          Replay
                          <span className="visually-hidden">
                            {" "}
                            {delivery.event_type} {delivery.id}
                          </span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {isOpen ? (
                    <tr className="table__detail">
                      <td colSpan={7}>
                        <AttemptsTable attempts={delivery.attempts} />
                        <DeliveryBody subscriptionId={subscriptionId} deliveryId={delivery.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
