/** One row of a source file, as read, before any mapping. */
export type SourceRow = {
  /** The 1-based line of the file the row starts on. */
  line: number;
  /** Column (or key) → value: strings from a CSV, JSON values from JSON and JSONL. */
  values: Record<string, unknown>;
  /** The row as it was, for the rejects file: the CSV cells in file order, or the JSON value. */
  original: readonly string[] | unknown;
  /** What makes the row unreadable (too many cells, not a JSON object); rejected as it is. */
  problem?: string;
};

/** A file being read row by row. */
export type RowSource = {
  format: "csv" | "jsonl" | "json";
  /** The CSV header; for JSON, the keys of the first rows. */
  columns: readonly string[];
  rows: AsyncIterable<SourceRow>;
  /** Bytes read from the file so far, for progress. */
  bytesRead(): number;
  size: number;
  close(): void;
};

/** Reads up to `count` items ahead so a source can look at its first rows before handing them on. */
export async function peek<T>(iterable: AsyncIterable<T>, count: number): Promise<{ first: T[]; all: AsyncIterable<T> }> {
  const iterator = iterable[Symbol.asyncIterator]();
  const first: T[] = [];
  let done = false;
  while (first.length < count) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value);
  }
  async function* all(): AsyncGenerator<T> {
    try {
      yield* first;
      while (!done) {
        const next = await iterator.next();
        if (next.done) done = true;
        else yield next.value;
      }
    } finally {
      // A consumer that stops early closes the file behind it.
      if (!done) await iterator.return?.();
    }
  }
  return { first, all: all() };
}
