import { describe, expect, it } from "vitest";
import { settleLineNumbers } from "./line-numbers.ts";

describe("an OCR'd table's line numbers settled by their sequence", () => {
  it("fills a lost number and mends one out of step with both neighbours", () => {
    expect(settleLineNumbers([null, 3, 3, 14, null, 6, 7])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(settleLineNumbers([10, 11, null, 13])).toEqual([10, 11, 12, 13]);
  });

  it("keeps numbering that skips, and leaves a table whose numbers follow no sequence", () => {
    expect(settleLineNumbers([1, 2, 4, 5])).toEqual([1, 2, 4, 5]);
    // A skip no neighbour confirms cannot be told from a misread: read as the sequence gives it.
    expect(settleLineNumbers([1, 2, 4, null])).toEqual([1, 2, 3, 4]);
    expect(settleLineNumbers([10, 20, 30, null])).toEqual([10, 20, 30, null]);
    expect(settleLineNumbers([7, 3, 12, 5])).toEqual([7, 3, 12, 5]);
    expect(settleLineNumbers([null, 2, null])).toEqual([null, 2, null]);
  });
});
