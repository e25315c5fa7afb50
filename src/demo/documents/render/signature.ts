import type { Random } from "../../random.ts";

type Point = [number, number];

/**
 * A hurried signature within a `width` × `height` box: a tall capital, a run of uneven connected
 * strokes that now and then loop back, and often an underline flourish. Each stroke is a list of
 * quadratic curves: the start point, then control point and end point pairs.
 */
export function signatureStrokes(random: Random, x: number, y: number, width: number, height: number): Point[][] {
  const baseline = y + height * 0.7;
  const capital: Point[] = [
    [x, baseline],
    [x + width * 0.02, y - height * 0.15],
    [x + width * 0.08, y + height * 0.05],
    [x + width * 0.16, y + height * (0.2 + random.next() * 0.4)],
    [x + width * 0.03, y + height * 0.45],
  ];
  const body: Point[] = [[x + width * 0.12, baseline - height * 0.1]];
  let cursor = x + width * 0.12;
  const step = (width * 0.75) / random.int(6, 10);
  while (cursor < x + width * 0.88) {
    const loop = random.chance(0.2);
    const dx = loop ? -step * 0.3 : step * (0.6 + random.next() * 0.8);
    const high = random.chance(0.5);
    const endY = high ? y + height * (0.05 + random.next() * 0.35) : baseline - height * (random.next() * 0.25);
    const control: Point = [
      cursor + dx / 2 + (random.next() - 0.5) * step,
      (body[body.length - 1]?.[1] ?? baseline) + (endY - baseline) * 1.4,
    ];
    cursor += dx;
    body.push(control, [cursor + (loop ? step * 0.5 : 0), endY]);
    if (loop) cursor += step * 0.5;
  }
  const strokes = [capital, body];
  if (random.chance(0.6)) {
    const end = x + width * (0.9 + random.next() * 0.1);
    strokes.push([
      [end, baseline + height * 0.05],
      [x + width * 0.5, baseline + height * (0.35 + random.next() * 0.2)],
      [x + width * (0.1 + random.next() * 0.1), baseline + height * 0.2],
    ]);
  }
  return strokes;
}
