import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useCallback, useEffect } from "react";
import type { RecordType } from "../../contract.ts";
import { formatCount } from "../../format/format.ts";
import { RECORD_VIEWS } from "../../records/columns.ts";
import { cursorOfPage, rememberCursor, viewKey } from "../../records/cursor-pages.ts";
import { FilterBar } from "../../records/filter-bar.tsx";
import { typeByPath } from "../../records/find-type.ts";
import { pluralLabel } from "../../records/labels.ts";
import { PAGE_SIZES, Pager } from "../../records/pager.tsx";
import { recordPageQuery } from "../../records/record-queries.ts";
import { RecordTable } from "../../records/record-table.tsx";
import { UnknownRecordType } from "../../records/unknown-record-type.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

export type RecordListSearch = Record<string, string>;

export function RecordListPage({ typePath, search }: { typePath: string; search: RecordListSearch }) {
  const type = typeByPath(typePath);
  if (!type) return <UnknownRecordType typePath={typePath} />;
  return <RecordList type={type} search={search} />;
}

function RecordList({ type, search }: { type: RecordType; search: RecordListSearch }) {
  const navigate = useNavigate();
  const page = Number(search.page ?? 0) || 0;
  const pageSize = Number(search.limit ?? 50) || 50;
  const { page: _page, ...apiParams } = search;
  const view = viewKey(type.name, search);
  const result = useQuery(recordPageQuery(type, { ...apiParams, limit: String(pageSize) }));
  useEffect(() => rememberCursor(view, page, search.cursor), [view, page, search.cursor]);
  const columns = RECORD_VIEWS[type.name as keyof typeof RECORD_VIEWS]?.columns ?? Object.keys(type.fields).slice(0, 6);

  const update = useCallback(
    (changes: Record<string, string | undefined>, keepPage = false) =>
      navigate({
        to: "/records/$type",
        params: { type: type.path },
        search: (previous: Record<string, string | undefined>) => {
          const next: RecordListSearch = {};
          const merged = keepPage ? { ...previous, ...changes } : { ...previous, cursor: undefined, page: undefined, ...changes };
          for (const [name, value] of Object.entries(merged)) if (value !== undefined && value !== "") next[name] = value;
          return next;
        },
      }),
    [navigate, type.path],
  );

  const previousCursor = cursorOfPage(view, page - 1);
  return (
    <>
      <PageHeader
        title={pluralLabel(type)}
        subtitle={
          result.data?.total !== undefined
            ? `${formatCount(result.data.total)} ${type.plural.replaceAll("_", " ")}`
            : type.description
        }
        windowTitle={pluralLabel(type)}
      />
      <FilterBar type={type} params={search} onChange={(changes) => update(changes)} />
      <ErrorBanner error={result.error} title="The list could not be loaded" />
      {result.isPending ? <Loading /> : null}
      {result.data ? (
        <div className={result.isPlaceholderData ? "is-refreshing" : undefined} aria-busy={result.isFetching}>
          {result.data.data.length === 0 ? (
            <p className="panel empty" data-testid="empty-list">
              No {type.plural.replaceAll("_", " ")} match{search.q ? ` "${search.q}"` : ""}
              {Object.keys(search).some((name) => !["sort", "limit", "cursor", "page", "q"].includes(name))
                ? " these filters"
                : ""}
              .
            </p>
          ) : (
            <RecordTable
              type={type}
              columns={columns}
              rows={result.data.data}
              sort={search.sort}
              onSort={(sort) => update({ sort })}
            />
          )}
          <Pager
            page={page}
            pageSize={pageSize}
            shown={result.data.data.length}
            total={result.data.total}
            hasNext={result.data.next_cursor !== null}
            canGoBack={previousCursor !== null}
            onFirst={() => update({})}
            onPrevious={() =>
              update({ cursor: previousCursor ?? undefined, page: page - 1 > 0 ? String(page - 1) : undefined }, true)
            }
            onNext={() => update({ cursor: result.data.next_cursor ?? undefined, page: String(page + 1) }, true)}
            onPageSize={(size) => update({ limit: PAGE_SIZES.includes(size as never) && size !== 50 ? String(size) : undefined })}
          />
        </div>
      ) : null}
    </>
  );
}
