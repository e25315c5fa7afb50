/**
 * Characters OCR takes for one another on a poor scan; swapping two of a group costs less than any
 * other change, so "HIS-FAS-1OO56" is nearer HIS-FAS-10056 than HIS-FAS-10066.
 */
const CONFUSED = ["0ODQo", "1Il|i!", "5S$s", "8B", "2Zz", "6Gb", "9gq", "ce", "hbn", "rn", "uv", "ao", "MHWN", ".,", "/7"];
const GROUP = new Map<string, number>();
for (const [index, group] of CONFUSED.entries()) for (const char of group) GROUP.set(char, index);

/** What reading `printed` as `read` costs: 0 for the same, 0.1 for case, 0.4 for a confusable pair, else 1. */
function substitution(read: string, printed: string): number {
  if (read === printed) return 0;
  if (read.toLowerCase() === printed.toLowerCase()) return 0.1;
  const group = GROUP.get(read);
  return group !== undefined && group === GROUP.get(printed) ? 0.4 : 1;
}

/** The edit distance from `read` to `known`, OCR's usual mistakes costing less. */
export function ocrDistance(read: string, known: string): number {
  return bestPrefix(read, known, false).cost;
}

/**
 * How near `read` is to `known` or (with `prefixes`) to the start of it, as a text cut short by a
 * narrow column prints it: the cost, and how many of `known`'s characters it stands for. Of two
 * lengths at the same cost, the longer; `wholeCost` is what reading all of `known` costs.
 */
export function bestPrefix(read: string, known: string, prefixes = true): { cost: number; length: number; wholeCost: number } {
  const n = read.length;
  const m = known.length;
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    const char = read[i - 1] as string;
    for (let j = 1; j <= m; j++) {
      const replace = (previous[j - 1] as number) + substitution(char, known[j - 1] as string);
      const drop = (previous[j] as number) + 1;
      const add = (current[j - 1] as number) + 1;
      current[j] = Math.min(replace, drop, add);
    }
    [previous, current] = [current, previous];
  }
  const wholeCost = previous[m] as number;
  let best = { cost: wholeCost, length: m, wholeCost };
  if (!prefixes) return best;
  for (let j = m - 1; j >= 1; j--)
    if ((previous[j] as number) < best.cost - 1e-9) best = { cost: previous[j] as number, length: j, wholeCost };
  return best;
}
