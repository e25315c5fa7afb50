import type { GrayImage } from "./gray-image.ts";

/**
 * How many degrees a scan's lines of print run clockwise of level (a sheet laid crooked on the
 * glass), from −`limit` to `limit`, to a twentieth of a degree: the angle at which the dark pixels'
 * rows are sharpest (the sum of squares of their counts per row is highest). 0 for a blank page.
 */
export function skewOf(image: GrayImage, limit = 3): number {
  const { width, height, data } = image;
  // Dark pixels, every other column and row (plenty to find rows of print).
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += 2)
    for (let x = 0; x < width; x += 2)
      if ((data[y * width + x] as number) < 128) {
        xs.push(x);
        ys.push(y);
      }
  if (xs.length < 50) return 0;
  const bins = new Float64Array(height + 2 * width);
  const sharpness = (degrees: number) => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    for (let index = 0; index < xs.length; index++) {
      const row = Math.round((ys[index] as number) - (xs[index] as number) * slope + width) >> 1;
      bins[row] = (bins[row] as number) + 1;
    }
    let sum = 0;
    for (const count of bins) sum += count * count;
    return sum;
  };
  let best = 0;
  let bestSharpness = sharpness(0);
  for (let degrees = -limit; degrees <= limit + 1e-9; degrees += 0.25) {
    const found = sharpness(degrees);
    if (found > bestSharpness) [best, bestSharpness] = [degrees, found];
  }
  const coarse = best;
  for (let degrees = coarse - 0.2; degrees <= coarse + 0.2 + 1e-9; degrees += 0.05) {
    const found = sharpness(degrees);
    if (found > bestSharpness) [best, bestSharpness] = [degrees, found];
  }
  return Math.round(best * 100) / 100;
}
