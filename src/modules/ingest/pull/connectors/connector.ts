/**
 * The pull connector SDK: what a connector to a system Crossdock polls provides. A connector reads
 * one page of a resource at a time, from a cursor it made itself; the runner writes the page's rows
 * and then saves the cursor, so a run stopped at any point resumes from the last page written.
 *
 * A connector for a new system lives in `connectors/<system>/`: `connector.ts` (this interface),
 * `transport.ts` (how it talks to the system) and `resources/` (how each resource is paged).
 */

/** Where reading a resource stands: JSON, opaque to all but the connector that made it. */
export type PullCursor = { [key: string]: unknown };

export type PullPage = {
  /** The page's rows, each mapped on its own (a JSON item, a SQL row as an object keyed by column). */
  rows: unknown[];
  /** Where the next page starts, saved once the rows are written; when `done`, where the next run starts. */
  cursor: PullCursor;
  /** This was the last page of the run. */
  done: boolean;
  /** Requests (or queries) the page took, and how many of them were retries. */
  requests: number;
  retries: number;
};

export type PullConnector = {
  /** Reads the page `cursor` points at (`null`: the first page there is). Throws a PullError when it cannot. */
  readPage(resource: string, cursor: PullCursor | null, signal: AbortSignal): Promise<PullPage>;
  /** Lets go of connections. */
  close(): Promise<void>;
};

/**
 * Why a page could not be read. `retryable`: a later try may succeed (a timeout, 429, 5xx, a
 * connection refused); otherwise not until someone changes something (a 4xx, a bad query, a bad
 * answer). `retryAfterMs`: the source asked not to be called again before then.
 */
export class PullError extends Error {
  readonly retryable: boolean;
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor(
    message: string,
    options: { retryable: boolean; status?: number | null; retryAfterMs?: number | null; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "PullError";
    this.retryable = options.retryable;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** A failure as a run records it: a PullError as it says, anything else as retryable (a database fault, a bug). */
export function describePullFailure(error: unknown): {
  message: string;
  retryable: boolean;
  status: number | null;
  retryAfterMs: number | null;
} {
  if (error instanceof PullError) {
    return { message: error.message, retryable: error.retryable, status: error.status, retryAfterMs: error.retryAfterMs };
  }
  return { message: error instanceof Error ? error.message : String(error), retryable: true, status: null, retryAfterMs: null };
}
