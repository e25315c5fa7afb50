import type { GrayImage } from "./gray-image.ts";

/**
 * Whitens a table's rules and boxes: runs of dark pixels, across or down, at least `length` long
 * and mostly no thicker than `thickness` (a word's letters, blurred into one another, make long
 * runs too, but thick ones). OCR takes a rule that touches print for part of a letter, and a boxed
 * cell's sides for "|" or "l". The grey fringe a blurred rule leaves either side goes with it.
 * In place; returns the pixels whitened.
 */
export function removeRules(image: GrayImage, length: number, thickness: number, dark = 128): number {
  const { width, height, data } = image;
  const isDark = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && (data[y * width + x] as number) < dark;
  const rule = new Uint8Array(width * height);
  /** Whether the dark pixels at (x, y) reach no farther than `thickness` across the run (dx, dy is the run's direction). */
  const thin = (x: number, y: number, dx: number, dy: number) => {
    let extent = 1;
    for (let step = 1; extent <= thickness && isDark(x - dy * step, y - dx * step); step++) extent += 1;
    for (let step = 1; extent <= thickness && isDark(x + dy * step, y + dx * step); step++) extent += 1;
    return extent <= thickness;
  };
  const mark = (x: number, y: number, dx: number, dy: number, run: number) => {
    let thinCount = 0;
    for (let step = 0; step < run; step++) if (thin(x + dx * step, y + dy * step, dx, dy)) thinCount += 1;
    if (thinCount * 10 < run * 7) return;
    for (let step = 0; step < run; step++) rule[(y + dy * step) * width + x + dx * step] = 1;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; ) {
      if (!isDark(x, y)) {
        x += 1;
        continue;
      }
      let end = x;
      while (end < width && isDark(end, y)) end += 1;
      if (end - x >= length) mark(x, y, 1, 0, end - x);
      x = end;
    }
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; ) {
      if (!isDark(x, y)) {
        y += 1;
        continue;
      }
      let end = y;
      while (end < height && isDark(x, end)) end += 1;
      if (end - y >= length) mark(x, y, 0, 1, end - y);
      y = end;
    }
  }
  let whitened = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rule[y * width + x] !== 1) continue;
      whitened += 1;
      data[y * width + x] = 255;
      // The fringe: a pixel either side that is not itself dark print.
      for (const [dx, dy] of FRINGE) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const at = ny * width + nx;
        if (rule[at] !== 1 && (data[at] as number) >= dark) data[at] = 255;
      }
    }
  }
  return whitened;
}

const FRINGE = [
  [0, -1],
  [0, 1],
  [-1, 0],
  [1, 0],
  [0, -2],
  [0, 2],
  [-2, 0],
  [2, 0],
] as const;
