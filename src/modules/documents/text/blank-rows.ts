import type { GrayImage } from "./gray-image.ts";
import type { Box } from "./page-text.ts";

/** A strip of the page kept for OCR: page rows `from` to `to` (exclusive), from row `at` of the cut image. */
type Strip = { from: number; to: number; at: number };

/** A page with its blank stretches cut out, and how to put what is found on it back on the page. */
export type CutPage = { image: GrayImage; place: (box: Box) => Box };

/**
 * Cuts a prepared page down to its print: the margins left and right of all ink, and every
 * stretch of blank rows taller than `tallest` shortened to `keep` rows (a purchase order's table
 * often ends halfway down, with only "Page 1 of 1" below). OCR's time goes with the pixels it is
 * given; the print, and its rows' order, stay as they were. `place` takes a box on the cut image
 * back to the page.
 */
export function cutBlank(page: GrayImage, tallest: number, keep: number, dark = 128): CutPage {
  const { width, height, data } = page;
  const inkRow = new Uint8Array(height);
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0, at = y * width; x < width; x++, at++) {
      if ((data[at] as number) >= dark) continue;
      inkRow[y] = 1;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  if (right < 0) return { image: page, place: (box) => box };
  left = Math.max(0, left - keep);
  right = Math.min(width - 1, right + keep);
  // Strips between the blank stretches cut out; each stretch keeps half of `keep` rows on either side.
  const strips: Strip[] = [];
  let at = 0;
  let from = 0;
  let blankFrom = -1;
  const keepStrip = (to: number) => {
    if (to > from) strips.push({ from, to, at });
    at += Math.max(0, to - from);
  };
  for (let y = 0; y <= height; y++) {
    if (y < height && inkRow[y] === 0) {
      if (blankFrom < 0) blankFrom = y;
      continue;
    }
    if (blankFrom >= 0 && y - blankFrom > tallest) {
      keepStrip(blankFrom + Math.floor(keep / 2));
      from = y - Math.floor(keep / 2);
    }
    blankFrom = -1;
  }
  keepStrip(height);
  const cutWidth = right - left + 1;
  const image: GrayImage = { width: cutWidth, height: at, data: new Uint8Array(cutWidth * at) };
  for (const strip of strips)
    for (let y = strip.from; y < strip.to; y++)
      image.data.set(data.subarray(y * width + left, y * width + right + 1), (strip.at + y - strip.from) * cutWidth);
  const pageRow = (row: number) => {
    const strip = strips.findLast((candidate) => candidate.at <= row) ?? strips[0];
    return strip ? strip.from + (row - strip.at) : row;
  };
  return {
    image,
    place: (box) => ({ x0: box.x0 + left, x1: box.x1 + left, y0: pageRow(box.y0), y1: pageRow(box.y1) }),
  };
}
