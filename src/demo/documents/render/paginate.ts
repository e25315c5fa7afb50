/** How many table rows fit on the first page, on the pages after it, and how many the totals take. */
type PageCapacity = { first: number; next: number; totals: number };

/**
 * Splits `count` rows into pages, each page a list of row indexes. The last page keeps room for the
 * totals block; when it has none, its last rows move to a new page so totals never stand alone.
 */
export function paginate(count: number, capacity: PageCapacity): number[][] {
  const pages: number[][] = [[]];
  for (let index = 0; index < count; index++) {
    let page = pages[pages.length - 1] as number[];
    const limit = pages.length === 1 ? capacity.first : capacity.next;
    if (page.length >= limit) {
      page = [];
      pages.push(page);
    }
    page.push(index);
  }
  const last = pages[pages.length - 1] as number[];
  const lastLimit = (pages.length === 1 ? capacity.first : capacity.next) - capacity.totals;
  if (last.length > Math.max(lastLimit, 0) && last.length > 1) {
    const moved = last.splice(Math.max(lastLimit, 1));
    pages.push(moved);
  } else if (last.length > lastLimit) {
    pages.push([]);
  }
  return pages;
}
