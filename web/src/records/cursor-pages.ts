/**
 * Lists page by keyset cursors, which only go forward. To step back, the console remembers the
 * cursor that opened each page, per list view (filters and sort), for as long as the tab lives.
 */
const cursorsByView = new Map<string, (string | undefined)[]>();

export function viewKey(type: string, params: Record<string, string>): string {
  const { cursor: _cursor, page: _page, ...rest } = params;
  return `${type}?${new URLSearchParams(Object.entries(rest).sort()).toString()}`;
}

export function rememberCursor(view: string, page: number, cursor: string | undefined): void {
  const cursors = cursorsByView.get(view) ?? [undefined];
  cursors[page] = cursor;
  cursorsByView.set(view, cursors);
}

/** The cursor of an earlier page; `null` when this tab never saw it (e.g. after a reload). */
export function cursorOfPage(view: string, page: number): string | undefined | null {
  if (page === 0) return undefined;
  const cursors = cursorsByView.get(view);
  return cursors && page in cursors ? cursors[page] : null;
}
