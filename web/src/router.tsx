import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  useParams,
  useSearch,
} from "@tanstack/react-router";
import type { ReactElement } from "react";
import { actingTenant, setActingTenant } from "./api/acting-tenant.ts";
import { isApiError, isSignedOut } from "./api/api-error.ts";
import type { InboxSearch } from "./inbox/inbox-queries.ts";
import { INTEGRATION_SCOPES, INTEGRATION_SECTIONS } from "./integrations/integration-sections.ts";
import { isReceiptStatus, type ReceiptsSearch } from "./integrations/receipt-queries.ts";
import { type DeliveriesSearch, isDeliveryStatus } from "./integrations/webhook-queries.ts";
import { AuditPage, type AuditSearch } from "./pages/audit/audit-page.tsx";
import { HomePage } from "./pages/home.tsx";
import { InboxPage } from "./pages/inbox/inbox-page.tsx";
import { TaskPage } from "./pages/inbox/task-page.tsx";
import { IntegrationsLayout } from "./pages/integrations/integrations-layout.tsx";
import { NewSourcePage } from "./pages/integrations/new-source-page.tsx";
import { ReceiptPage } from "./pages/integrations/receipt-page.tsx";
import { ReceiptsPage } from "./pages/integrations/receipts-page.tsx";
import { SourcePage } from "./pages/integrations/source-page.tsx";
import { SourcesPage } from "./pages/integrations/sources-page.tsx";
import { WebhookPage } from "./pages/integrations/webhook-page.tsx";
import { WebhooksPage } from "./pages/integrations/webhooks-page.tsx";
import { NotBuiltPage } from "./pages/not-built.tsx";
import { NotFoundPage } from "./pages/not-found.tsx";
import { RecordDetailPage } from "./pages/records/record-detail-page.tsx";
import { RecordListPage } from "./pages/records/record-list-page.tsx";
import { RecordsIndexPage } from "./pages/records/records-index-page.tsx";
import { SetPasswordPage } from "./pages/set-password.tsx";
import { ApiKeysPage } from "./pages/settings/api-keys-page.tsx";
import { BrandingPage } from "./pages/settings/branding-page.tsx";
import { ConnectorsPage } from "./pages/settings/connectors-page.tsx";
import { DelegationsPage } from "./pages/settings/delegations-page.tsx";
import { PoliciesPage } from "./pages/settings/policies-page.tsx";
import { SettingsLayout } from "./pages/settings/settings-layout.tsx";
import { TaskNotificationsPage } from "./pages/settings/task-notifications-page.tsx";
import { UsersPage } from "./pages/settings/users-page.tsx";
import { WorkQueuesPage } from "./pages/settings/work-queues-page.tsx";
import { SignInPage, type SignInSearch } from "./pages/sign-in.tsx";
import { RunPage } from "./pages/workflows/run-page.tsx";
import { RunsPage } from "./pages/workflows/runs-page.tsx";
import type { RunsSearch } from "./runs/run-queries.ts";
import { lastTenant } from "./session/last-tenant.ts";
import { meQuery } from "./session/me.ts";
import { RequireScope } from "./session/require-scope.tsx";
import { SETTINGS_SECTIONS } from "./settings/settings-sections.ts";
import { AppShell } from "./shell/app-shell.tsx";
import { UNBUILT_AREAS } from "./shell/areas.ts";
import { ErrorBanner } from "./ui/error-banner.tsx";

type RouterContext = { queryClient: QueryClient };

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Search parameters as plain strings, as a list page's filters are. */
const stringSearch = (search: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(search)
      .map(([name, value]) => [name, typeof value === "number" || typeof value === "boolean" ? String(value) : value])
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search): SignInSearch => {
    const reason = search.reason === "expired" || search.reason === "signed_out" ? search.reason : undefined;
    return { tenant: text(search.tenant), next: text(search.next), reason };
  },
  component: function SignInRoute() {
    return <SignInPage search={useSearch({ from: "/sign-in" })} />;
  },
});

const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/set-password",
  validateSearch: (search): { token: string } => ({ token: text(search.token) ?? "" }),
  component: function SetPasswordRoute() {
    return <SetPasswordPage token={useSearch({ from: "/set-password" }).token} />;
  },
});

/** Everything behind sign-in: the caller is loaded first, and a missing or ended session goes to sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isSignedOut(error)) {
        throw redirect({
          to: "/sign-in",
          search: {
            next: location.href,
            tenant: lastTenant() ?? undefined,
            reason: isApiError(error) && error.code === "session_expired" ? "expired" : undefined,
          },
        });
      }
      // A partner admin's chosen tenant may no longer be theirs: fall back to their own.
      if (isApiError(error) && error.status === 403 && actingTenant()) {
        setActingTenant(null);
        await context.queryClient.ensureQueryData(meQuery);
        return;
      }
      throw error;
    }
  },
  component: AppShell,
  errorComponent: ({ error }) => (
    <div className="sign-in">
      <div className="sign-in__card">
        <ErrorBanner error={error} title="The console could not start" />
        <a href="/">Try again</a>
      </div>
    </div>
  ),
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: HomePage });

const recordsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/records",
  component: () => (
    <RequireScope scopes={["records:read"]} what="records">
      <RecordsIndexPage />
    </RequireScope>
  ),
});

const recordListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/records/$type",
  validateSearch: stringSearch,
  component: function RecordListRoute() {
    const { type } = useParams({ from: "/app/records/$type" });
    const search = useSearch({ from: "/app/records/$type" });
    return (
      <RequireScope scopes={["records:read"]} what="records">
        <RecordListPage key={type} typePath={type} search={search} />
      </RequireScope>
    );
  },
});

const recordDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/records/$type/$id",
  validateSearch: (search): { tab?: string } => ({ tab: text(search.tab) }),
  component: function RecordDetailRoute() {
    const { type, id } = useParams({ from: "/app/records/$type/$id" });
    const { tab } = useSearch({ from: "/app/records/$type/$id" });
    return (
      <RequireScope scopes={["records:read"]} what="records">
        <RecordDetailPage key={id} typePath={type} locator={{ id }} tab={tab} />
      </RequireScope>
    );
  },
});

const recordByExternalIdRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/records/$type/external/$sourceSystem/$externalId",
  validateSearch: (search): { tab?: string } => ({ tab: text(search.tab) }),
  component: function RecordByExternalIdRoute() {
    const { type, sourceSystem, externalId } = useParams({ from: "/app/records/$type/external/$sourceSystem/$externalId" });
    const { tab } = useSearch({ from: "/app/records/$type/external/$sourceSystem/$externalId" });
    return (
      <RequireScope scopes={["records:read"]} what="records">
        <RecordDetailPage
          key={`${sourceSystem}/${externalId}`}
          typePath={type}
          locator={{ sourceSystem, externalId }}
          tab={tab}
        />
      </RequireScope>
    );
  },
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/audit",
  validateSearch: (search): AuditSearch => ({
    actor: text(search.actor),
    action: text(search.action),
    record: text(search.record),
    resource_type: text(search.resource_type),
    from: text(search.from),
    to: text(search.to),
    before_seq: typeof search.before_seq === "number" ? String(search.before_seq) : text(search.before_seq),
  }),
  component: function AuditRoute() {
    return (
      <RequireScope scopes={["audit:read"]} what="the audit trail">
        <AuditPage search={useSearch({ from: "/app/audit" })} />
      </RequireScope>
    );
  },
});

const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/inbox",
  validateSearch: (search): InboxSearch => ({
    view: search.view === "all" ? "all" : undefined,
    status: text(search.status),
    flow: text(search.flow),
    overdue: search.overdue === "true" || search.overdue === true ? "true" : undefined,
    before: text(search.before),
  }),
  component: function InboxRoute() {
    return (
      <RequireScope scopes={["tasks:read"]} what="the inbox">
        <InboxPage search={useSearch({ from: "/app/inbox" })} />
      </RequireScope>
    );
  },
});

const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/inbox/$taskId",
  component: function TaskRoute() {
    const { taskId } = useParams({ from: "/app/inbox/$taskId" });
    return (
      <RequireScope scopes={["tasks:read"]} what="the inbox">
        <TaskPage key={taskId} taskId={taskId} />
      </RequireScope>
    );
  },
});

const runsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/workflows",
  validateSearch: (search): RunsSearch => ({
    status: text(search.status),
    flow: text(search.flow),
    record: text(search.record),
    before: text(search.before),
  }),
  component: function RunsRoute() {
    return (
      <RequireScope scopes={["workflows:read"]} what="workflows">
        <RunsPage search={useSearch({ from: "/app/workflows" })} />
      </RequireScope>
    );
  },
});

const runRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/workflows/runs/$runId",
  component: function RunRoute() {
    const { runId } = useParams({ from: "/app/workflows/runs/$runId" });
    return (
      <RequireScope scopes={["workflows:read"]} what="workflows">
        <RunPage key={runId} runId={runId} />
      </RequireScope>
    );
  },
});

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

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  component: () => (
    <RequireScope scopes={SETTINGS_SECTIONS.flatMap((section) => section.scopes)} what="settings">
      <SettingsLayout />
    </RequireScope>
  ),
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    const first = SETTINGS_SECTIONS.find((section) => section.scopes.some((scope) => me.scopes.includes(scope)));
    if (first) throw redirect({ to: first.path });
  },
});

/** Each settings section's page; its path, label and the scopes it needs are the section's own. */
const SETTINGS_PAGES: Record<(typeof SETTINGS_SECTIONS)[number]["path"], () => ReactElement> = {
  "/settings/users": UsersPage,
  "/settings/api-keys": ApiKeysPage,
  "/settings/branding": BrandingPage,
  "/settings/policies": PoliciesPage,
  "/settings/connectors": ConnectorsPage,
  "/settings/work-queues": WorkQueuesPage,
  "/settings/delegations": DelegationsPage,
  "/settings/task-notifications": TaskNotificationsPage,
};

/** "Users and roles" → "users and roles"; "API keys" stays. */
const asPhrase = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

/** A section's path under /settings, its literal type kept, so links to it stay type-checked. */
const withinSettings = <P extends string>(path: `/settings${P}`): P => path.slice("/settings".length) as P;

const settingsSectionRoutes = SETTINGS_SECTIONS.map((section) => {
  const Page = SETTINGS_PAGES[section.path];
  return createRoute({
    getParentRoute: () => settingsRoute,
    path: withinSettings(section.path),
    component: () => (
      <RequireScope scopes={section.scopes} what={asPhrase(section.label)}>
        <Page />
      </RequireScope>
    ),
  });
});

const unbuiltRoutes = UNBUILT_AREAS.map((area) =>
  createRoute({ getParentRoute: () => appRoute, path: area.path, component: () => <NotBuiltPage area={area} /> }),
);

const routeTree = rootRoute.addChildren([
  signInRoute,
  setPasswordRoute,
  appRoute.addChildren([
    homeRoute,
    recordsRoute,
    recordListRoute,
    recordDetailRoute,
    recordByExternalIdRoute,
    auditRoute,
    inboxRoute,
    taskRoute,
    runsRoute,
    runRoute,
    integrationsRoute.addChildren([
      integrationsIndexRoute,
      sourcesRoute,
      newSourceRoute,
      sourceRoute,
      receiptsRoute,
      receiptRoute,
      webhooksRoute,
      webhookRoute,
    ]),
    settingsRoute.addChildren([settingsIndexRoute, ...settingsSectionRoutes]),
    ...unbuiltRoutes,
  ]),
]);

export function createConsoleRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

export type ConsoleRouter = ReturnType<typeof createConsoleRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: ConsoleRouter;
  }
}
