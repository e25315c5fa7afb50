import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { DecidedBanner } from "../../documents/decided-banner.tsx";
import { KIND_LABELS, STATUS_LABELS } from "../../documents/document-labels.ts";
import { documentQuery } from "../../documents/document-queries.ts";
import { ReviewWorkspace } from "../../documents/review-workspace.tsx";
import { formatMoney } from "../../format/format.ts";
import { Badge } from "../../ui/badge.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

/** One document: reviewed here when it waits, else shown with what became of it. */
export function DocumentPage({ documentId, decided }: { documentId: string; decided?: string }) {
  const result = useQuery(documentQuery(documentId));
  if (result.isPending) return <Loading />;
  if (result.error) return <ErrorBanner error={result.error} title="This document could not be loaded" />;
  const detail = result.data;
  const status = STATUS_LABELS[detail.status];
  const title = `${KIND_LABELS[detail.kind]} ${detail.document_number ?? "without a number"}`;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={detail.status === "review" ? "/documents/queue" : "/documents/all"} search={{}}>
          {detail.status === "review" ? "Review queue" : "Documents"}
        </Link>
      </nav>
      <DecidedBanner id={decided} />
      <PageHeader
        title={
          <>
            {title} <Badge tone={status.tone}>{status.label}</Badge>
          </>
        }
        subtitle={
          <>
            {detail.sender_name ?? "Sender unknown"}
            {detail.total !== null ? <> · total {formatMoney(detail.total, null)}</> : null} ·{" "}
            <a href={`/api/v1/documents/files/${encodeURIComponent(detail.file_id)}/content`} target="_blank" rel="noreferrer">
              {detail.file_name}
            </a>
            {detail.last_page > detail.first_page
              ? ` pages ${detail.first_page}–${detail.last_page}`
              : detail.first_page > 1
                ? ` page ${detail.first_page}`
                : ""}{" "}
            · received <TimeAgo value={detail.created_at} />
            {detail.duplicate_of ? (
              <>
                {" "}
                · repeats{" "}
                <Link to="/documents/$documentId" params={{ documentId: detail.duplicate_of }} search={{}}>
                  an earlier one
                </Link>
              </>
            ) : null}
          </>
        }
        windowTitle={title}
      />
      <ReviewWorkspace key={`${detail.id}:${detail.status}`} detail={detail} />
    </>
  );
}
