import type { GrayImage } from "./gray-image.ts";

/**
 * Whitens a scan's specks: dark spots (dust, toner, a fax line's noise) no bigger than `size`
 * pixels across with no other ink within `clearance` pixels. OCR reads a speck as a "." or a ","
 * beside a number, or a line of them as a line of junk it spends time reading. A decimal point is
 * never clear of its digits, so it stays. In place; returns the specks whitened.
 */
export function removeSpecks(image: GrayImage, size: number, clearance: number, dark = 128): number {
  const { width, height, data } = image;
  const label = new Int32Array(width * height);
  const stack: number[] = [];
  let removed = 0;
  let next = 0;
  for (let start = 0; start < data.length; start++) {
    if (label[start] !== 0 || (data[start] as number) >= dark) continue;
    next += 1;
    // The spot's pixels (8-connected), given up on as soon as it is larger than a speck.
    const pixels: number[] = [];
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    let small = true;
    label[start] = next;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop() as number;
      const x = at % width;
      const y = (at - x) / width;
      if (small) pixels.push(at);
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      if (x1 - x0 >= size || y1 - y0 >= size) small = false;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const neighbour = ny * width + nx;
          if (label[neighbour] !== 0 || (data[neighbour] as number) >= dark) continue;
          label[neighbour] = next;
          stack.push(neighbour);
        }
      }
    }
    if (!small || !clear(data, width, height, x0 - clearance, y0 - clearance, x1 + clearance, y1 + clearance, label, next, dark))
      continue;
    for (const at of pixels) data[at] = 255;
    removed += 1;
  }
  return removed;
}

/** Whether the rectangle holds no dark pixel but the spot's own. */
function clear(
  data: Uint8Array,
  width: number,
  height: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  label: Int32Array,
  own: number,
  dark: number,
): boolean {
  for (let y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++)
    for (let x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
      const at = y * width + x;
      if ((data[at] as number) < dark && label[at] !== own) return false;
    }
  return true;
}
