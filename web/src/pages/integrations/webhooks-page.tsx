import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { WebhookSubscriptionWithSecret } from "../../contract.ts";
import { DeliveryBacklog } from "../../integrations/delivery-backlog.tsx";
import { SecretOnce } from "../../integrations/secret-once.tsx";
import { OutboundVerificationRecipe } from "../../integrations/signing-recipe.tsx";
import { SubscriptionForm } from "../../integrations/subscription-form.tsx";
import { SubscriptionStatusBadge } from "../../integrations/subscription-status.tsx";
import { subscriptionsQuery } from "../../integrations/webhook-queries.ts";
import { useCan } from "../../session/me.ts";
import { Badge } from "../../ui/badge.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

/** Where the tenant's events go: each subscription's URL, the event types it takes, and its state. */
export function WebhooksPage() {
  const can = useCan();
  const subscriptions = useQuery(subscriptionsQuery);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<WebhookSubscriptionWithSecret | null>(null);
  const isAdmin = can("webhooks:admin");
  const close = () => {
    setAdding(false);
    setCreated(null);
  };
  return (
    <>
      <PageHeader
        title="Outbound webhooks"
        subtitle="URLs Crossdock POSTs the tenant's events to: signed, retried with backoff for 24 hours, then dead-lettered."
        windowTitle="Outbound webhooks"
        actions={
          isAdmin ? (
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              Add subscription
            </button>
          ) : null
        }
      />
      {isAdmin ? null : (
        <p className="banner banner--info">
          You can read the subscriptions and their deliveries; adding, changing, pinging and replaying needs the{" "}
          <code>webhooks:admin</code> scope.
        </p>
      )}
      <ErrorBanner error={subscriptions.error} />
      {subscriptions.isPending ? <Loading /> : null}
      {subscriptions.data ? (
        subscriptions.data.data.length === 0 ? (
          <p className="panel empty">No subscriptions: no event leaves Crossdock by webhook.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="subscriptions-table">
              <thead>
                <tr>
                  <th scope="col">URL</th>
                  <th scope="col">Event types</th>
                  <th scope="col">Status</th>
                  <th scope="col">Backlog</th>
                  <th scope="col">Secret</th>
                  <th scope="col">Changed</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.data.data.map((subscription) => (
                  <tr key={subscription.id} data-subscription-id={subscription.id}>
                    <td className="wrap">
                      <Link
                        to="/integrations/webhooks/$subscriptionId"
                        params={{ subscriptionId: subscription.id }}
                        search={{}}
                        className="table__primary-link mono"
                      >
                        {subscription.url}
                      </Link>
                      {subscription.description ? <div className="muted small">{subscription.description}</div> : null}
                    </td>
                    <td className="wrap">
                      {subscription.event_types.map((type) => (
                        <Badge key={type} tone="info">
                          {type}
                        </Badge>
                      ))}
                    </td>
                    <td>
                      <SubscriptionStatusBadge status={subscription.status} />
                    </td>
                    <td>
                      <DeliveryBacklog health={subscription.health} />
                    </td>
                    <td className="mono small">{subscription.secret_hint}</td>
                    <td>
                      <TimeAgo value={subscription.updated_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <Dialog open={adding} title={created ? "Subscription added" : "Add a webhook subscription"} onClose={close}>
        {created ? (
          <div data-testid="created-subscription">
            <p>
              Events of the types chosen go to <code>{created.url}</code>, signed with this secret.
            </p>
            <SecretOnce secret={created.secret}>The receiver needs it to check each delivery's signature.</SecretOnce>
            <OutboundVerificationRecipe />
            <div className="form-actions">
              <Link
                to="/integrations/webhooks/$subscriptionId"
                params={{ subscriptionId: created.id }}
                search={{}}
                className="button button--primary"
              >
                Open the subscription
              </Link>
              <button type="button" className="button" onClick={close}>
                Done
              </button>
            </div>
          </div>
        ) : adding ? (
          <SubscriptionForm subscription={null} onCreated={setCreated} />
        ) : null}
      </Dialog>
    </>
  );
}
