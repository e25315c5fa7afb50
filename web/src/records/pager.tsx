import { formatCount } from "../format/format.ts";

export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** "Showing 51–100 of 10,000", first / previous / next, and the page size. */
export function Pager({
  page,
  pageSize,
  shown,
  total,
  hasNext,
  canGoBack,
  onFirst,
  onPrevious,
  onNext,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  shown: number;
  total: number | undefined;
  hasNext: boolean;
  canGoBack: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
}) {
  const from = shown === 0 ? 0 : page * pageSize + 1;
  const to = page * pageSize + shown;
  return (
    <nav className="pager" aria-label="Pages">
      <span className="pager__status" data-testid="pager-status">
        {shown === 0
          ? "No records"
          : `Showing ${formatCount(from)}–${formatCount(to)}${total === undefined ? "" : ` of ${formatCount(total)}`}`}
      </span>
      <span className="pager__buttons">
        <button type="button" className="button button--small" onClick={onFirst} disabled={page === 0}>
          First
        </button>
        <button type="button" className="button button--small" onClick={onPrevious} disabled={page === 0 || !canGoBack}>
          Previous
        </button>
        <button type="button" className="button button--small" onClick={onNext} disabled={!hasNext}>
          Next
        </button>
        <label className="pager__size">
          <span>Rows</span>
          <select value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </span>
    </nav>
  );
}
