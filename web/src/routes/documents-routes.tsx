import { createRoute, Outlet, redirect, useParams, useSearch } from "@tanstack/react-router";
import { isDocumentKind } from "../documents/document-labels.ts";
import type { DocumentsSearch } from "../documents/document-queries.ts";
import { DOCUMENT_SCOPES } from "../documents/document-sections.ts";
import { AllDocumentsPage } from "../pages/documents/all-documents-page.tsx";
import { DocumentPage } from "../pages/documents/document-page.tsx";
import { DocumentsLayout } from "../pages/documents/documents-layout.tsx";
import { FiguresPage } from "../pages/documents/figures-page.tsx";
import { QuarantinePage } from "../pages/documents/quarantine-page.tsx";
import { ReviewQueuePage } from "../pages/documents/review-queue-page.tsx";
import { RequireScope } from "../session/require-scope.tsx";
import { appRoute } from "./app-route.tsx";
import { text } from "./search-params.ts";

const documentsSearch = (search: Record<string, unknown>): DocumentsSearch => ({
  kind: isDocumentKind(search.kind) ? search.kind : undefined,
  sender: text(search.sender),
});

const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/documents",
  component: () => (
    <RequireScope scopes={DOCUMENT_SCOPES} what="documents">
      <Outlet />
    </RequireScope>
  ),
});

const documentsIndexRoute = createRoute({
  getParentRoute: () => documentsRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/documents/queue", search: {} });
  },
});

/** The tabs: the queue, every document, the quarantine, the figures. */
const documentsTabsRoute = createRoute({
  getParentRoute: () => documentsRoute,
  id: "tabs",
  component: DocumentsLayout,
});

const queueRoute = createRoute({
  getParentRoute: () => documentsTabsRoute,
  path: "/queue",
  validateSearch: (search): DocumentsSearch & { decided?: string } => ({
    ...documentsSearch(search),
    decided: text(search.decided),
  }),
  component: function QueueRoute() {
    return <ReviewQueuePage search={useSearch({ from: "/app/documents/tabs/queue" })} />;
  },
});

const allDocumentsRoute = createRoute({
  getParentRoute: () => documentsTabsRoute,
  path: "/all",
  validateSearch: documentsSearch,
  component: function AllDocumentsRoute() {
    return <AllDocumentsPage search={useSearch({ from: "/app/documents/tabs/all" })} />;
  },
});

const quarantineRoute = createRoute({
  getParentRoute: () => documentsTabsRoute,
  path: "/quarantine",
  component: QuarantinePage,
});

const figuresRoute = createRoute({
  getParentRoute: () => documentsTabsRoute,
  path: "/figures",
  component: FiguresPage,
});

const documentRoute = createRoute({
  getParentRoute: () => documentsRoute,
  path: "/$documentId",
  validateSearch: (search): { decided?: string } => ({ decided: text(search.decided) }),
  component: function DocumentRoute() {
    const { documentId } = useParams({ from: "/app/documents/$documentId" });
    const { decided } = useSearch({ from: "/app/documents/$documentId" });
    return <DocumentPage key={documentId} documentId={documentId} decided={decided} />;
  },
});

/** The Documents area: the review queue, all documents, the quarantine, the figures, and one document's review. */
export const documentsRouteTree = documentsRoute.addChildren([
  documentsIndexRoute,
  documentsTabsRoute.addChildren([queueRoute, allDocumentsRoute, quarantineRoute, figuresRoute]),
  documentRoute,
]);
