import { useQuery } from "@tanstack/react-query";
import type { ReceiptStatus, Source } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { type ReceiptsSearch, receiptsQuery } from "./receipt-queries.ts";
import { RECEIPT_STATUS_CHOICES } from "./receipt-status.tsx";
import { ReceiptsTable } from "./receipts-table.tsx";

/**
 * Receipts with their filters — status (quarantined first), and the source when across sources —
 * and forward paging; `onSearch` puts a change in the URL.
 */
export function ReceiptsList({
  search,
  onSearch,
  sources,
}: {
  search: ReceiptsSearch;
  onSearch: (next: ReceiptsSearch) => void;
  /** Every source, for the source filter and column; left out, the list is one source's. */
  sources?: readonly Source[];
}) {
  const receipts = useQuery(receiptsQuery(search));
  const byId = sources ? new Map(sources.map((source) => [source.id, source])) : undefined;
  return (
    <>
      <div className="filter-bar">
        <label className="field field--inline">
          <span className="field__label">Status</span>
          <select
            value={search.status ?? ""}
            onChange={(event) =>
              onSearch({ ...search, status: (event.target.value || undefined) as ReceiptStatus | undefined, cursor: undefined })
            }
          >
            <option value="">any</option>
            {RECEIPT_STATUS_CHOICES.map((choice) => (
              <option key={choice.status} value={choice.status}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        {sources ? (
          <label className="field field--inline">
            <span className="field__label">Source</span>
            <select
              value={search.source ?? ""}
              onChange={(event) => onSearch({ ...search, source: event.target.value || undefined, cursor: undefined })}
            >
              <option value="">any</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {search.cursor ? (
          <button type="button" className="button button--small" onClick={() => onSearch({ ...search, cursor: undefined })}>
            Newest
          </button>
        ) : null}
      </div>
      <ErrorBanner error={receipts.error} />
      {receipts.isPending ? <Loading /> : null}
      {receipts.data ? (
        receipts.data.data.length === 0 ? (
          <p className="panel empty">{search.status === "quarantined" ? "Nothing in quarantine." : "No receipts match."}</p>
        ) : (
          <ReceiptsTable receipts={receipts.data.data} sources={byId} />
        )
      ) : null}
      {receipts.data?.next_cursor ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => onSearch({ ...search, cursor: receipts.data?.next_cursor ?? undefined })}
        >
          Older receipts
        </button>
      ) : null}
    </>
  );
}
