import { describe, expect, it } from "vitest";
import { paginate } from "./paginate.ts";

describe("paginate", () => {
  it("fills the first page, then the next ones", () => {
    expect(paginate(7, { first: 3, next: 4, totals: 0 })).toEqual([
      [0, 1, 2],
      [3, 4, 5, 6],
    ]);
  });

  it("moves the last rows over when the totals would not fit beneath them", () => {
    const pages = paginate(5, { first: 5, next: 10, totals: 2 });
    expect(pages).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it("keeps one page when everything fits", () => {
    expect(paginate(2, { first: 10, next: 10, totals: 3 })).toEqual([[0, 1]]);
  });
});
