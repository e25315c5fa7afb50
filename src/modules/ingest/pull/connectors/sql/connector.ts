import type { SqlConnection, SqlResource } from "../../contract/index.ts";
import { type PullConnector, type PullCursor, PullError, type PullPage } from "../connector.ts";
import { type KeyValue, keysetQuery } from "./resources/keyset-query.ts";
import { openSqlSession, type SqlSession, sqlFailure } from "./transport.ts";

/** Where reading a SQL resource stands: the keyset of the last row read (null before the first). */
export type SqlCursor = { after: KeyValue[] | null };

function asSqlCursor(stored: PullCursor | null, resource: SqlResource): SqlCursor {
  const after = stored?.after;
  return Array.isArray(after) && after.length === resource.cursor_columns.length
    ? { after: after as KeyValue[] }
    : { after: null };
}

function keyOf(row: Record<string, unknown>, resource: SqlResource, index: number): KeyValue[] {
  return resource.cursor_columns.map((column) => {
    if (!Object.hasOwn(row, column)) {
      throw new PullError(
        `The query's rows have no column ${column} (a cursor column); its columns are ${Object.keys(row).join(", ")}`,
        {
          retryable: false,
        },
      );
    }
    const value = row[column];
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return value;
    if (typeof value === "bigint") return value.toString();
    if (value === null || value === undefined) {
      throw new PullError(
        `Row ${index + 1} of the page has no ${column}: a cursor column may not be null (coalesce it in the query, e.g. coalesce(updated_at, created_at))`,
        { retryable: false },
      );
    }
    throw new PullError(
      `The cursor column ${column} holds ${typeof value === "object" ? "binary or structured" : typeof value} values; use text, numbers or times`,
      {
        retryable: false,
      },
    );
  });
}

/**
 * The SQL-source connector, for ERPs read through their database (PostgreSQL, MySQL, MariaDB): each
 * resource is a query read in keyset pages, after the last row read. One connection per run, opened
 * at the first page, every transaction read-only.
 */
export function createSqlPullConnector(connector: {
  connection: SqlConnection;
  resources: Record<string, SqlResource>;
}): PullConnector {
  const { connection } = connector;
  let session: Promise<SqlSession> | undefined;
  return {
    async readPage(name: string, stored: PullCursor | null, signal: AbortSignal): Promise<PullPage> {
      const resource = connector.resources[name];
      if (!resource) throw new PullError(`The connector has no resource ${name}`, { retryable: false });
      const cursor = asSqlCursor(stored, resource);
      session ??= openSqlSession(connection);
      const opened = await session.catch((error: unknown) => {
        session = undefined;
        throw error;
      });
      const { text, values } = keysetQuery(
        connection.dialect,
        resource.query,
        resource.cursor_columns,
        cursor.after,
        resource.page_size,
      );
      let rows: Record<string, unknown>[];
      try {
        rows = await opened.query(text, values, signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        // The connection may be what failed: the next page opens a new one.
        session = undefined;
        await opened.close();
        throw sqlFailure(connection, error, `reading ${name}`);
      }
      const last = rows.at(-1);
      rows.forEach((row, index) => void keyOf(row, resource, index));
      const after = last ? keyOf(last, resource, rows.length - 1) : cursor.after;
      return { rows, cursor: { after }, done: rows.length < resource.page_size, requests: 1, retries: 0 };
    },
    async close() {
      const opened = await session?.catch(() => undefined);
      session = undefined;
      await opened?.close();
    },
  };
}
