import type { GrayImage } from "./gray-image.ts";

/** Squares each side of a square that judge it: 15 across and 5 down, at 150 dpi 60 × 20 pixels (a table's header bar is 25 high). */
const REACH_X = 7;
const REACH_Y = 2;

/**
 * Turns dark bands light: a page's banner, a table's header bar, a "Grand Total" box print white
 * on dark, which OCR, looking for dark on light, reads as noise (and whose darkness makes it take
 * faint print elsewhere for paper). The page is looked at in squares of 4 pixels at 150 dpi: a square whose
 * neighbourhood (15 × 5 squares) is more than half dark pixels is band, white letters and all (print
 * on paper covers far less of its neighbourhood). Band squares are inverted in place, stretched so the band's
 * own dark comes out white and its print black. Returns how many squares were band.
 */
export function invertDarkBands(image: GrayImage, scale = 1): number {
  const { width, height, data } = image;
  const CELL = Math.max(2, Math.round(4 * scale));
  const columns = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);
  // Dark pixels and all pixels per square, then summed over the neighbourhood with a summed-area table.
  const darkSum = new Float64Array((columns + 1) * (rows + 1));
  const allSum = new Float64Array((columns + 1) * (rows + 1));
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      let count = 0;
      let dark = 0;
      for (let y = row * CELL; y < Math.min(height, (row + 1) * CELL); y++)
        for (let x = column * CELL; x < Math.min(width, (column + 1) * CELL); x++) {
          count += 1;
          if ((data[y * width + x] as number) < 128) dark += 1;
        }
      const at = (row + 1) * (columns + 1) + column + 1;
      darkSum[at] =
        dark + (darkSum[at - 1] as number) + (darkSum[at - columns - 1] as number) - (darkSum[at - columns - 2] as number);
      allSum[at] =
        count + (allSum[at - 1] as number) + (allSum[at - columns - 1] as number) - (allSum[at - columns - 2] as number);
    }
  }
  const sum = (table: Float64Array, r0: number, c0: number, r1: number, c1: number) =>
    (table[r1 * (columns + 1) + c1] as number) -
    (table[r0 * (columns + 1) + c1] as number) -
    (table[r1 * (columns + 1) + c0] as number) +
    (table[r0 * (columns + 1) + c0] as number);
  const isBand = new Uint8Array(columns * rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const r0 = Math.max(0, row - REACH_Y);
      const r1 = Math.min(rows, row + REACH_Y + 1);
      const c0 = Math.max(0, column - REACH_X);
      const c1 = Math.min(columns, column + REACH_X + 1);
      if (sum(darkSum, r0, c0, r1, c1) * 2 > sum(allSum, r0, c0, r1, c1)) isBand[row * columns + column] = 1;
    }
  }
  // A band is a rectangle (the page is levelled first), and a long word of white print leaves its
  // middle less than half dark: each connected patch of band that fills most of its bounding box is
  // taken as the whole box.
  fillRectangles(isBand, columns, rows);
  const band: number[] = [];
  for (let square = 0; square < isBand.length; square++) if (isBand[square] === 1) band.push(square);
  // The band's own levels: its paper (the dark side) and its print (the light side), from its pixels.
  const histogram = new Uint32Array(256);
  forEachPixel(band, columns, CELL, width, height, (at) => {
    const level = data[at] as number;
    histogram[level] = (histogram[level] as number) + 1;
  });
  const paper = medianOf(histogram, 0, 128) ?? 64;
  const print = medianOf(histogram, 128, 256) ?? 255;
  // The band's own dark, with its noise, comes out white: the last quarter of the way to it is taken as paper.
  const span = Math.max(32, (print - paper) * 0.75);
  forEachPixel(band, columns, CELL, width, height, (at) => {
    const value = ((print - (data[at] as number)) * 255) / span;
    data[at] = Math.min(255, Math.max(0, value));
  });
  return band.length;
}

function forEachPixel(
  squares: number[],
  columns: number,
  cell: number,
  width: number,
  height: number,
  visit: (at: number) => void,
): void {
  for (const square of squares) {
    const row = Math.floor(square / columns);
    const column = square % columns;
    for (let y = row * cell; y < Math.min(height, (row + 1) * cell); y++)
      for (let x = column * cell; x < Math.min(width, (column + 1) * cell); x++) visit(y * width + x);
  }
}

/** The median grey level among levels from…to (exclusive) of a histogram; null when it holds none. */
function medianOf(histogram: Uint32Array, from: number, to: number): number | null {
  let count = 0;
  for (let level = from; level < to; level++) count += histogram[level] as number;
  if (count === 0) return null;
  let seen = 0;
  for (let level = from; level < to; level++) {
    seen += histogram[level] as number;
    if (seen * 2 >= count) return level;
  }
  return to - 1;
}

/** Each 4-connected patch of marked squares that covers at least half its bounding box is made the whole box. */
function fillRectangles(marked: Uint8Array, columns: number, rows: number): void {
  const seen = new Uint8Array(marked.length);
  const stack: number[] = [];
  for (let start = 0; start < marked.length; start++) {
    if (marked[start] !== 1 || seen[start] === 1) continue;
    let [top, bottom, left, right, count] = [rows, -1, columns, -1, 0];
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const square = stack.pop() as number;
      const row = Math.floor(square / columns);
      const column = square % columns;
      count += 1;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, column);
      right = Math.max(right, column);
      for (const next of [
        column > 0 ? square - 1 : -1,
        column < columns - 1 ? square + 1 : -1,
        square - columns,
        square + columns,
      ]) {
        if (next < 0 || next >= marked.length || marked[next] !== 1 || seen[next] === 1) continue;
        seen[next] = 1;
        stack.push(next);
      }
    }
    if (count * 2 < (bottom - top + 1) * (right - left + 1)) continue;
    for (let row = top; row <= bottom; row++) marked.fill(1, row * columns + left, row * columns + right + 1);
  }
}
