import type { QueryClient } from "@tanstack/react-query";
import { createRoute, createRouter, useParams, useSearch } from "@tanstack/react-router";
import type { InboxSearch } from "./inbox/inbox-queries.ts";
import { AuditPage, type AuditSearch } from "./pages/audit/audit-page.tsx";
import { HomePage } from "./pages/home.tsx";
import { InboxPage } from "./pages/inbox/inbox-page.tsx";
import { TaskPage } from "./pages/inbox/task-page.tsx";
import { NotBuiltPage } from "./pages/not-built.tsx";
import { RecordDetailPage } from "./pages/records/record-detail-page.tsx";
import { RecordListPage } from "./pages/records/record-list-page.tsx";
import { RecordsIndexPage } from "./pages/records/records-index-page.tsx";
import { SetPasswordPage } from "./pages/set-password.tsx";
import { SignInPage, type SignInSearch } from "./pages/sign-in.tsx";
import { RunPage } from "./pages/workflows/run-page.tsx";
import { RunsPage } from "./pages/workflows/runs-page.tsx";
import { appRoute, rootRoute } from "./routes/app-route.tsx";
import { documentsRouteTree } from "./routes/documents-routes.tsx";
import { integrationsRouteTree } from "./routes/integrations-routes.tsx";
import { stringSearch, text } from "./routes/search-params.ts";
import { settingsRouteTree } from "./routes/settings-routes.tsx";
import type { RunsSearch } from "./runs/run-queries.ts";
import { RequireScope } from "./session/require-scope.tsx";
import { UNBUILT_AREAS } from "./shell/areas.ts";

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
    documentsRouteTree,
    integrationsRouteTree,
    settingsRouteTree,
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
