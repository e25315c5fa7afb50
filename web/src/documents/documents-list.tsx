import { useQuery } from "@tanstack/react-query";
import type { DocumentStatus } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { DOCUMENT_KINDS, type DocumentKind, KIND_LABELS } from "./document-labels.ts";
import { DOCUMENTS_SHOWN, type DocumentsSearch, documentsQuery } from "./document-queries.ts";
import { DocumentsTable } from "./documents-table.tsx";

/** Documents of a status (or all) with their kind and sender filters; `onSearch` puts a change in the URL. */
export function DocumentsList({
  status,
  search,
  onSearch,
  empty,
}: {
  status: DocumentStatus | undefined;
  search: DocumentsSearch;
  onSearch: (next: DocumentsSearch) => void;
  empty: string;
}) {
  const documents = useQuery(documentsQuery(status, search));
  return (
    <>
      <div className="filter-bar">
        <label className="field field--inline">
          <span className="field__label">Kind</span>
          <select
            value={search.kind ?? ""}
            onChange={(event) => onSearch({ ...search, kind: (event.target.value || undefined) as DocumentKind | undefined })}
          >
            <option value="">any</option>
            {DOCUMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline search-box">
          <span className="field__label">Sender</span>
          <input
            type="search"
            data-shortcut="search"
            placeholder="name contains…"
            defaultValue={search.sender ?? ""}
            onChange={(event) => onSearch({ ...search, sender: event.target.value.trim() || undefined })}
          />
        </label>
      </div>
      <ErrorBanner error={documents.error} />
      {documents.isPending ? <Loading /> : null}
      {documents.data ? (
        documents.data.data.length === 0 ? (
          <p className="panel empty" data-testid="documents-empty">
            {search.kind || search.sender ? "No documents match." : empty}
          </p>
        ) : (
          <DocumentsTable documents={documents.data.data} queue={status === "review"} />
        )
      ) : null}
      {documents.data && documents.data.data.length >= DOCUMENTS_SHOWN ? (
        <p className="small muted" data-testid="documents-more">
          The first {DOCUMENTS_SHOWN} are shown: narrow the list by kind or sender to see the others.
        </p>
      ) : null}
    </>
  );
}
