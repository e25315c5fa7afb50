/** A demand history made fit to forecast from, and what was done to it, for the planner to read. */
export type CleanHistory = { values: number[]; notes: string[] };

export type CleanOptions = {
  /** Periods the item was out of stock: what sold then is not what was wanted (censored demand). */
  stockouts?: readonly boolean[];
  /** The season's length in periods, the window missing periods are estimated over. */
  period: number;
  /** The most recent periods kept (default 520: ten years of weeks). */
  maxPeriods?: number;
};

/** Sizes above the median of the non-zero sizes by this many robust standard deviations are capped there. */
const OUTLIER_SPREAD = 12;
/** …and above this many times the sizes' 95th percentile. */
const PEAK_MULTIPLE = 4;
/** Fewer non-zero sizes than this say too little about their spread to call one an outlier. */
const OUTLIER_MIN_SIZES = 6;

const median = (sorted: number[]) => {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * A history of demand per period as the models take it: a value that is no number (a gap) or a
 * period out of stock is unknown, not zero, and estimated from the known periods around it (within
 * half a season either side, else the whole history's mean); leading unknowns are dropped; returns
 * (negative quantities) are no demand; a size far above the others (a data error, a one-off project
 * order: 12 robust standard deviations above the median size and four times the 95th percentile)
 * is read as the 95th percentile's size; only the most recent `maxPeriods` are kept. Each change is noted.
 */
export function cleanHistory(raw: readonly (number | null | undefined)[], options: CleanOptions): CleanHistory {
  const notes: string[] = [];
  const maxPeriods = options.maxPeriods ?? 520;
  // Why each unknown period is unknown: no number was given (a gap), or the shelf was empty.
  let why: ("gap" | "stockout" | null)[] = raw.map((value, index) =>
    typeof value !== "number" || !Number.isFinite(value) ? "gap" : options.stockouts?.[index] ? "stockout" : null,
  );
  let known: (number | null)[] = raw.map((value, index) => (why[index] === null ? (value as number) : null));
  const first = known.findIndex((value) => value !== null);
  if (first < 0) return { values: [], notes: raw.length > 0 ? [`no known period among ${raw.length}`] : [] };
  known = known.slice(first);
  why = why.slice(first);
  if (known.length > maxPeriods) {
    notes.push(`history cut to its last ${maxPeriods} of ${known.length} periods`);
    known = known.slice(known.length - maxPeriods);
    why = why.slice(why.length - maxPeriods);
  }
  const returns = known.filter((value) => value !== null && value < 0).length;
  if (returns > 0) notes.push(`${plural(returns, "period", "periods")} with returns (negative) read as no demand`);
  let values = known.map((value) => (value === null ? null : Math.max(0, value)));

  const sizes = values.filter((value): value is number => value !== null && value > 0).sort((a, b) => a - b);
  if (sizes.length >= OUTLIER_MIN_SIZES) {
    const middle = median(sizes);
    const spread = 1.4826 * median(sizes.map((size) => Math.abs(size - middle)).sort((a, b) => a - b));
    // A season's peak is real demand: nothing within a few times the 95th percentile is an outlier.
    const high = sizes[Math.min(sizes.length - 1, Math.floor(0.95 * sizes.length))] as number;
    const limit = Math.max(middle + OUTLIER_SPREAD * spread, PEAK_MULTIPLE * high);
    const outliers = spread > 0 ? values.filter((value) => value !== null && value > limit).length : 0;
    if (outliers > 0) {
      // Replaced by a high but ordinary size: the 95th percentile.
      values = values.map((value) => (value !== null && value > limit ? high : value));
      notes.push(
        `${plural(outliers, "outlier", "outliers")} above ${Number(limit.toFixed(2))} read as ${Number(high.toFixed(2))}`,
      );
    }
  }

  const unknown = values.filter((value) => value === null).length;
  if (unknown > 0) {
    const all = values.filter((value): value is number => value !== null);
    const overall = all.reduce((sum, value) => sum + value, 0) / all.length;
    const reach = Math.max(1, Math.floor(options.period / 2));
    values = values.map((value, index) => {
      if (value !== null) return value;
      const around = values
        .slice(Math.max(0, index - reach), index + reach + 1)
        .filter((neighbour): neighbour is number => neighbour !== null);
      return around.length > 0 ? around.reduce((sum, each) => sum + each, 0) / around.length : overall;
    });
    const gaps = why.filter((reason) => reason === "gap").length;
    const censored = why.filter((reason) => reason === "stockout").length;
    const reasons = [gaps > 0 ? plural(gaps, "gap", "gaps") : null, censored > 0 ? `${censored} out of stock` : null]
      .filter(Boolean)
      .join(", ");
    notes.push(`${plural(unknown, "period", "periods")} not known (${reasons}) estimated from the periods around`);
  }
  return { values: values as number[], notes };
}
