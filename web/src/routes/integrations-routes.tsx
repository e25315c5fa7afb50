import { createRoute, redirect, useParams, useSearch } from "@tanstack/react-router";
import { INTEGRATION_SCOPES, INTEGRATION_SECTIONS } from "../integrations/integration-sections.ts";
import { isReceiptStatus, type ReceiptsSearch } from "../integrations/receipt-queries.ts";
import { type DeliveriesSearch, isDeliveryStatus } from "../integrations/webhook-queries.ts";
import { IntegrationsLayout } from "../pages/integrations/integrations-layout.tsx";
import { NewSourcePage } from "../pages/integrations/new-source-page.tsx";
import { ReceiptPage } from "../pages/integrations/receipt-page.tsx";
import { ReceiptsPage } from "../pages/integrations/receipts-page.tsx";
import { SourcePage } from "../pages/integrations/source-page.tsx";
import { SourcesPage } from "../pages/integrations/sources-page.tsx";
import { WebhookPage } from "../pages/integrations/webhook-page.tsx";
import { WebhooksPage } from "../pages/integrations/webhooks-page.tsx";
import { meQuery } from "../session/me.ts";
import { RequireScope } from "../session/require-scope.tsx";
import { appRoute } from "./app-route.tsx";
import { text } from "./search-params.ts";

const integrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/integrations",
  component: () => (
    <RequireScope scopes={INTEGRATION_SCOPES} what="integrations">
      <IntegrationsLayout />
    </RequireScope>
  ),
});

const integrationsIndexRoute = createRoute({
  getParentRoute: () => integrationsRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    const first = INTEGRATION_SECTIONS.find((section) => section.scopes.some((scope) => me.scopes.includes(scope)));
    if (first) throw redirect({ to: first.path });
  },
});

const receiptsSearch = (search: Record<string, unknown>): ReceiptsSearch => ({
  source: text(search.source),
  status: isReceiptStatus(search.status) ? search.status : undefined,
  cursor: text(search.cursor),
});

const sourcesRoute = createRoute({
  getParentRoute: () => integrationsRoute,
  path: "/sources",
  component: () => (
    <RequireScope scopes={["ingest:read"]} what="sources">
      <SourcesPage />
    </RequireScope>
  ),
});

const newSourceRoute = createRoute({
  getParentRoute: () => integrationsRoute,
  path: "/sources/new",
  component: () => (
    <RequireScope scopes={["ingest:admin"]} what="adding sources">
      <NewSourcePage />
    </RequireScope>
  ),
});

const sourceRoute = createRoute({
  getParentRoute: () => integrationsRoute,
  path: "/sources/$sourceId",
  validateSearch: (search): Omit<ReceiptsSearch, "source"> => {
    const { status, cursor } = receiptsSearch(search);
    return { status, cursor };
  },
  component: function SourceRoute() {
    const { sourceId } = useParams({ from: "/app/integrations/sources/$sourceId" });
    const search = useSearch({ from: "/app/integrations/sources/$sourceId" });
    return (
      <RequireScope scopes={["ingest:read"]} what="sources">
        <SourcePage key={sourceId} sourceId={sourceId} search={search} />
      </RequireScope>
    );
  },
});

const receiptsRoute = createRoute({
  getParentRoute: () => integrationsRoute,
  path: "/receipts",
  validateSearch: receiptsSearch,
  component: function ReceiptsRoute() {
    return (
      <RequireScope scopes={["ingest:read"]} what="receipts and the quarantine">
        <ReceiptsPage search={useSearch({ from: "/app/integrations/receipts" })} />
      </RequireScope>
    );
  },
});

const receiptRoute = createRoute({
  getParentRoute: () => integrationsRoute,
  path: "/receipts/$receiptId",
  component: function ReceiptRoute() {
    const { receiptId } = useParams({ from: "/app/integrations/receipts/$receiptId" });
    return (
      <RequireScope scopes={["ingest:read"]} what="receipts and the quarantine">
        <ReceiptPage key={receiptId} receiptId={receiptId} />
      </RequireScope>
    );
  },
});

const webhooksRoute = createRoute({
  getParentRoute: () => integrationsRoute,
  path: "/webhooks",
  component: () => (
    <RequireScope scopes={["webhooks:read"]} what="outbound webhooks">
      <WebhooksPage />
    </RequireScope>
  ),
});

const webhookRoute = createRoute({
  getParentRoute: () => integrationsRoute,
  path: "/webhooks/$subscriptionId",
  validateSearch: (search): DeliveriesSearch => ({
    status: isDeliveryStatus(search.status) ? search.status : undefined,
    cursor: text(search.cursor),
  }),
  component: function WebhookRoute() {
    const { subscriptionId } = useParams({ from: "/app/integrations/webhooks/$subscriptionId" });
    const search = useSearch({ from: "/app/integrations/webhooks/$subscriptionId" });
    return (
      <RequireScope scopes={["webhooks:read"]} what="outbound webhooks">
        <WebhookPage key={subscriptionId} subscriptionId={subscriptionId} search={search} />
      </RequireScope>
    );
  },
});

/** The Integrations area: sources, receipts and the quarantine, outbound webhooks. */
export const integrationsRouteTree = integrationsRoute.addChildren([
  integrationsIndexRoute,
  sourcesRoute,
  newSourceRoute,
  sourceRoute,
  receiptsRoute,
  receiptRoute,
  webhooksRoute,
  webhookRoute,
]);
