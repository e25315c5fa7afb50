import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import type { WebhookDeliveryStatus, WebhookSubscriptionWithSecret } from "../../contract.ts";
import { attemptSummary, DeliveriesTable } from "../../integrations/deliveries-table.tsx";
import { SecretOnce } from "../../integrations/secret-once.tsx";
import { OutboundVerificationRecipe } from "../../integrations/signing-recipe.tsx";
import { SubscriptionForm } from "../../integrations/subscription-form.tsx";
import { SubscriptionStatusBadge } from "../../integrations/subscription-status.tsx";
import {
  type DeliveriesSearch,
  deleteSubscription,
  deliveriesQuery,
  pingSubscription,
  rotateSubscriptionSecret,
  subscriptionQuery,
  updateSubscription,
} from "../../integrations/webhook-queries.ts";
import { useCan } from "../../session/me.ts";
import { Badge } from "../../ui/badge.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

const DELIVERY_STATUSES: readonly { status: WebhookDeliveryStatus; label: string }[] = [
  { status: "dead", label: "dead-lettered" },
  { status: "pending", label: "pending" },
  { status: "delivered", label: "delivered" },
];

/** How long the old secret keeps signing beside the new one. */
const OVERLAPS = [
  { hours: 24, label: "24 hours (the receiver has a day to switch)" },
  { hours: 1, label: "1 hour" },
  { hours: 168, label: "7 days" },
  { hours: 0, label: "not at all: the old secret leaked" },
];

/**
 * One subscription: where it sends and what, its deliveries with every attempt; for admins a test
 * ping, pause and resume, changes, a new secret, replays, and removal.
 */
export function WebhookPage({ subscriptionId, search }: { subscriptionId: string; search: DeliveriesSearch }) {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const overlapId = useId();
  const result = useQuery(subscriptionQuery(subscriptionId));
  const deliveries = useQuery(deliveriesQuery(subscriptionId, search));
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const [overlap, setOverlap] = useState(24);
  const [rotated, setRotated] = useState<WebhookSubscriptionWithSecret | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["webhooks"] });
  const setStatus = useMutation({
    mutationFn: (status: "active" | "paused") => updateSubscription(subscriptionId, { status }),
    onSuccess: refresh,
  });
  const ping = useMutation({ mutationFn: () => pingSubscription(subscriptionId), onSuccess: refresh });
  const rotate = useMutation({
    mutationFn: () => rotateSubscriptionSecret(subscriptionId, overlap),
    onSuccess: async (next) => {
      setConfirm(null);
      setRotated(next);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteSubscription(subscriptionId),
    onSuccess: async () => {
      setConfirm(null);
      queryClient.removeQueries({ queryKey: ["webhooks", "subscriptions", subscriptionId] });
      await queryClient.invalidateQueries({ queryKey: ["webhooks", "subscriptions"] });
      await navigate({ to: "/integrations/webhooks" });
    },
  });
  if (result.isPending) return <Loading />;
  if (result.error) {
    return (
      <>
        <PageHeader title="Webhook subscription" windowTitle="Webhook subscription" />
        <ErrorBanner error={result.error} title="This subscription could not be loaded" />
        <Link to="/integrations/webhooks">Back to outbound webhooks</Link>
      </>
    );
  }
  const subscription = result.data;
  const isAdmin = can("webhooks:admin");
  const pinged = ping.data?.attempts.at(-1);
  const go = (next: DeliveriesSearch) =>
    navigate({ to: "/integrations/webhooks/$subscriptionId", params: { subscriptionId }, search: next });
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/integrations/webhooks">Outbound webhooks</Link>
      </nav>
      <PageHeader
        title={<span className="mono">{subscription.url}</span>}
        subtitle={
          <>
            <SubscriptionStatusBadge status={subscription.status} /> · secret <code>{subscription.secret_hint}</code> · added{" "}
            <TimeAgo value={subscription.created_at} />
            {subscription.description ? ` · ${subscription.description}` : ""}
          </>
        }
        windowTitle="Webhook subscription"
        actions={
          isAdmin ? (
            <>
              <button type="button" className="button" disabled={ping.isPending} onClick={() => ping.mutate()}>
                {ping.isPending ? "Pinging…" : "Send test ping"}
              </button>
              {subscription.status === "active" ? (
                <button
                  type="button"
                  className="button"
                  disabled={setStatus.isPending}
                  onClick={() => setStatus.mutate("paused")}
                >
                  Pause
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={setStatus.isPending}
                  onClick={() => setStatus.mutate("active")}
                >
                  Resume
                </button>
              )}
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="button" onClick={() => setConfirm("rotate")}>
                New secret…
              </button>
              <button type="button" className="button button--danger" onClick={() => setConfirm("delete")}>
                Delete…
              </button>
            </>
          ) : null
        }
      />
      <ErrorBanner error={setStatus.error ?? ping.error} />
      {pinged ? (
        <p
          className={pinged.outcome === "delivered" ? "banner banner--good" : "banner banner--error"}
          role="status"
          data-testid="ping-result"
        >
          Test ping {pinged.outcome === "delivered" ? "delivered" : "failed"}: {attemptSummary(pinged)}
          {pinged.outcome !== "delivered" && pinged.error ? ` — ${pinged.error}` : ""}.
        </p>
      ) : null}
      {subscription.status === "paused" ? (
        <p className="banner banner--warn">
          Paused: deliveries are kept and held, and sent (the backlog first) once it is resumed.
        </p>
      ) : null}
      <section className="panel" aria-labelledby="sends-title">
        <h2 id="sends-title" className="panel__title">
          What it receives
        </h2>
        <p>
          {subscription.event_types.map((type) => (
            <Badge key={type} tone="info">
              {type}
            </Badge>
          ))}
        </p>
        {subscription.previous_secret_expires_at ? (
          <p className="small">
            The secret before the last rotation also signs deliveries until{" "}
            <TimeAgo value={subscription.previous_secret_expires_at} />.
          </p>
        ) : null}
        <details>
          <summary>How the receiver checks a delivery</summary>
          <OutboundVerificationRecipe />
        </details>
      </section>
      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title" className="panel__title">
          Deliveries
        </h2>
        <div className="filter-bar">
          <label className="field field--inline">
            <span className="field__label">Status</span>
            <select
              value={search.status ?? ""}
              onChange={(event) =>
                go({ status: (event.target.value || undefined) as WebhookDeliveryStatus | undefined, cursor: undefined })
              }
            >
              <option value="">any</option>
              {DELIVERY_STATUSES.map((choice) => (
                <option key={choice.status} value={choice.status}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          {search.cursor ? (
            <button type="button" className="button button--small" onClick={() => go({ ...search, cursor: undefined })}>
              Newest
            </button>
          ) : null}
        </div>
        <ErrorBanner error={deliveries.error} />
        {deliveries.isPending ? <Loading /> : null}
        {deliveries.data ? (
          deliveries.data.data.length === 0 ? (
            <p className="panel empty">
              No deliveries{search.status ? " match" : " yet: none of its events has happened since it was added"}.
            </p>
          ) : (
            <DeliveriesTable subscriptionId={subscriptionId} deliveries={deliveries.data.data} canReplay={isAdmin} />
          )
        ) : null}
        {deliveries.data?.next_cursor ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => go({ ...search, cursor: deliveries.data?.next_cursor ?? undefined })}
          >
            Older deliveries
          </button>
        ) : null}
      </section>
      <Dialog open={editing} title="Edit the subscription" onClose={() => setEditing(false)}>
        {editing ? <SubscriptionForm subscription={subscription} onSaved={() => setEditing(false)} /> : null}
      </Dialog>
      <ConfirmDialog
        open={confirm === "rotate"}
        title="Make a new signing secret?"
        confirmLabel="Make a new secret"
        pendingLabel="Making…"
        pending={rotate.isPending}
        error={rotate.error}
        onConfirm={() => rotate.mutate()}
        onClose={() => setConfirm(null)}
      >
        Deliveries are signed with the new secret from now on. The old one keeps signing beside it for{" "}
        <label htmlFor={overlapId} className="visually-hidden">
          The old secret also signs for
        </label>
        <select id={overlapId} value={overlap} onChange={(event) => setOverlap(Number(event.target.value))}>
          {OVERLAPS.map((choice) => (
            <option key={choice.hours} value={choice.hours}>
              {choice.label}
            </option>
          ))}
        </select>
        , so the receiver can switch. The new secret is shown once.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "delete"}
        title="Delete this subscription?"
        confirmLabel="Delete subscription"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirm(null)}
      >
        <span className="mono">{subscription.url}</span> receives no more events, and its deliveries are deleted with it. The
        audit trail keeps what it was. This cannot be undone.
      </ConfirmDialog>
      <Dialog open={rotated !== null} title="The new signing secret" onClose={() => setRotated(null)}>
        {rotated ? (
          <>
            <SecretOnce secret={rotated.secret}>Give it to the receiver.</SecretOnce>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setRotated(null)}>
                Done
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </>
  );
}
