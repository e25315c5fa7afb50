/**
 * Letters OCR takes for one another in print: a misread of one for the other costs half an edit.
 */
const LOOK_ALIKE = new Set(
  ["0o", "1l", "1i", "li", "5s", "8b", "2z", "ce", "cg", "nu", "hn", "qo", "tf", "ij", "ao", "mn", "vy", "ue", "ti"].flatMap(
    (pair) => [pair, `${pair[1]}${pair[0]}`],
  ),
);

/** Two letters OCR reads as one ("It" as "H", "rn" as "m", "cl" as "d"): half an edit too. */
const MERGED: Record<string, string> = { it: "h", rn: "m", cl: "d", in: "m", ii: "u", li: "h", nt: "m", vv: "w" };

/** Edits (insertions, deletions, substitutions; a look-alike substitution or a merge half) from `a` to `b`. */
export function ocrDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1] as string;
      const y = b[j - 1] as string;
      const substitution = x === y ? 0 : LOOK_ALIKE.has(x + y) ? 0.5 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + substitution,
      );
      // Two of one read as one of the other, either way round.
      if (i >= 2 && MERGED[a.slice(i - 2, i)] === y) best = Math.min(best, (before[j - 1] as number) + 0.5);
      if (j >= 2 && MERGED[b.slice(j - 2, j)] === x) best = Math.min(best, (previous[j - 2] as number) + 0.5);
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Whether `read` is `phrase` as OCR may misread it ("oty" for "qty", "hem" for "item", "quantlty"
 * for "quantity", "pree" for "price"): within one edit for a phrase of three or four letters, one
 * and a half up to seven, two for a longer one, none for shorter ones (too many two-letter words
 * are one edit from another).
 */
export function misreadOf(read: string, phrase: string): boolean {
  if (phrase.length < 3 || read.length < 2) return false;
  const allowed = phrase.length <= 4 ? 1 : phrase.length <= 7 ? 1.5 : 2;
  return Math.abs(read.length - phrase.length) <= allowed && ocrDistance(read, phrase) <= allowed;
}
