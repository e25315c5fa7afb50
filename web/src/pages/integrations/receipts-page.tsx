import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { formatCount } from "../../format/format.ts";
import type { ReceiptsSearch } from "../../integrations/receipt-queries.ts";
import { ReceiptsList } from "../../integrations/receipts-list.tsx";
import { sourcesQuery } from "../../integrations/source-queries.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

/** Everything every source sent, newest first; the quarantine is one status away, and its size is said up front. */
export function ReceiptsPage({ search }: { search: ReceiptsSearch }) {
  const navigate = useNavigate();
  const sources = useQuery(sourcesQuery);
  // The quarantine of the sources shown: all, or the one filtered on.
  const quarantined =
    sources.data?.data
      .filter((source) => !search.source || source.id === search.source || source.name === search.source)
      .reduce((sum, source) => sum + source.health.quarantined, 0) ?? 0;
  return (
    <>
      <PageHeader
        title="Receipts and quarantine"
        subtitle="Every payload received, as it arrived: what it became, or why it is held in quarantine until fixed and replayed."
        windowTitle="Receipts"
      />
      <ErrorBanner error={sources.error} />
      {quarantined > 0 && search.status !== "quarantined" ? (
        <p className="banner banner--warn" data-testid="quarantine-summary">
          {formatCount(quarantined)} {quarantined === 1 ? "payload is" : "payloads are"} in quarantine.{" "}
          <Link
            to="/integrations/receipts"
            search={{ source: search.source, status: "quarantined" }}
            className="button button--small"
          >
            Show the quarantine
          </Link>
        </p>
      ) : null}
      {sources.isPending ? (
        <Loading />
      ) : (
        <ReceiptsList
          search={search}
          onSearch={(next) => navigate({ to: "/integrations/receipts", search: next })}
          sources={sources.data?.data ?? []}
        />
      )}
    </>
  );
}
