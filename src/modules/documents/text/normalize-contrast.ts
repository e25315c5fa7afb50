import type { GrayImage } from "./gray-image.ts";

/** Squares this many pixels wide (at 150 dpi, a little under a line of small print) measure paper and ink. */
const BASE_BLOCK = 16;
/** A square is print when at least this share of it is this much darker than its paper. */
const PRINT_SHARE = 0.03;
const PRINT_DEPTH = 32;

/**
 * Stretches each part of the page to full contrast: its paper white, its print black. A scan's
 * faint print (light ink, blur) stands at grey 150–210 on white beside bold print at 20; OCR's
 * one threshold for the page takes the faint print for paper. Paper and print levels are measured
 * in squares of 16 pixels at 150 dpi (paper: the lightest tenth; print: the darker of the square's darker pixels);
 * a square without print takes the faintest print among its neighbours, so noise on bare paper is
 * not made print, and levels are blended between squares' middles. In place.
 */
export function normalizeContrast(image: GrayImage, scale = 1): void {
  const { width, height, data } = image;
  const BLOCK = Math.max(8, Math.round(BASE_BLOCK * scale));
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const paper = new Float32Array(columns * rows);
  const ink = new Float32Array(columns * rows).fill(Number.NaN);
  const histogram = new Uint32Array(256);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      histogram.fill(0);
      let count = 0;
      for (let y = row * BLOCK; y < Math.min(height, (row + 1) * BLOCK); y++)
        for (let x = column * BLOCK; x < Math.min(width, (column + 1) * BLOCK); x++) {
          const level = data[y * width + x] as number;
          histogram[level] = (histogram[level] as number) + 1;
          count += 1;
        }
      const at = row * columns + column;
      paper[at] = levelBelow(histogram, 256, count * 0.9);
      const dark = Math.round((paper[at] as number) - PRINT_DEPTH);
      const darkCount = countBelow(histogram, dark);
      // Print's level: the darkest fifth of the pixels darker than the paper (a speck or two do not set it).
      if (darkCount >= count * PRINT_SHARE) ink[at] = levelBelow(histogram, dark, darkCount * 0.2);
    }
  }
  const blackPoint = new Float32Array(columns * rows);
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++) {
      const at = row * columns + column;
      let level = ink[at] as number;
      if (Number.isNaN(level)) {
        // Bare paper: the faintest print among its neighbours, else no stretch at all.
        level = Number.NEGATIVE_INFINITY;
        for (let r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++)
          for (let c = Math.max(0, column - 1); c <= Math.min(columns - 1, column + 1); c++) {
            const near = ink[r * columns + c] as number;
            if (!Number.isNaN(near)) level = Math.max(level, near);
          }
        if (level === Number.NEGATIVE_INFINITY) level = (paper[at] as number) - 255;
      }
      blackPoint[at] = Math.min(level, (paper[at] as number) - PRINT_DEPTH);
    }
  const lookup = (grid: Float32Array, x: number, y: number) => {
    const gx = Math.min(columns - 1, Math.max(0, x / BLOCK - 0.5));
    const gy = Math.min(rows - 1, Math.max(0, y / BLOCK - 0.5));
    const c0 = Math.floor(gx);
    const r0 = Math.floor(gy);
    const c1 = Math.min(columns - 1, c0 + 1);
    const r1 = Math.min(rows - 1, r0 + 1);
    const fx = gx - c0;
    const fy = gy - r0;
    const top = (grid[r0 * columns + c0] as number) * (1 - fx) + (grid[r0 * columns + c1] as number) * fx;
    const bottom = (grid[r1 * columns + c0] as number) * (1 - fx) + (grid[r1 * columns + c1] as number) * fx;
    return top * (1 - fy) + bottom * fy;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x += 4) {
      // Levels change slowly: looked up once every 4 pixels of a row.
      const white = lookup(paper, x + 2, y);
      const black = lookup(blackPoint, x + 2, y);
      const span = Math.max(1, white - black);
      for (let at = y * width + x, end = y * width + Math.min(width, x + 4); at < end; at++) {
        const value = (((data[at] as number) - black) * 255) / span;
        data[at] = Math.min(255, Math.max(0, value));
      }
    }
  }
}

function countBelow(histogram: Uint32Array, level: number): number {
  let count = 0;
  for (let at = 0; at < Math.max(0, Math.min(256, level)); at++) count += histogram[at] as number;
  return count;
}

/** The grey level at which `wanted` of the pixels below `limit` are reached. */
function levelBelow(histogram: Uint32Array, limit: number, wanted: number): number {
  let seen = 0;
  for (let level = 0; level < limit; level++) {
    seen += histogram[level] as number;
    if (seen >= wanted) return level;
  }
  return limit - 1;
}
