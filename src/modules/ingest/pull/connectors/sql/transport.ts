import mysql from "mysql2/promise";
import pg from "pg";
import type { SqlConnection } from "../../contract/index.ts";
import { PullError } from "../connector.ts";

/** One connection to a source database, reading only. */
export type SqlSession = {
  query(text: string, values: readonly unknown[], signal: AbortSignal): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

// Dates and times come back as the text the database wrote, never as a JS Date: a Date would lose
// microseconds (a keyset value read back rounded would read its own row again) and shift values
// without a time zone by this machine's.
const TEXT_TYPES = new Set([
  1082, // date
  1083, // time
  1114, // timestamp
  1184, // timestamptz
  1266, // timetz
]);
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    TEXT_TYPES.has(oid)
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

// PostgreSQL error classes a later try may get past: connection (08), resources (53), operator
// intervention and cancelled statements, i.e. timeouts (57), serialization and deadlocks (40).
const PG_RETRYABLE_CLASSES = new Set(["08", "53", "57", "40"]);
const MYSQL_PERMANENT =
  /^(ER_PARSE_ERROR|ER_BAD_FIELD_ERROR|ER_NO_SUCH_TABLE|ER_BAD_DB_ERROR|ER_.*ACCESS_DENIED.*|ER_SP_DOES_NOT_EXIST|ER_NON_UNIQ_ERROR|ER_WRONG_.*|ER_CANT_.*)$/;

/** A database error as a PullError: bad SQL, unknown columns, refused credentials will not pass on their own; the rest may. */
export function sqlFailure(connection: SqlConnection, error: unknown, doing: string): PullError {
  if (error instanceof PullError) return error;
  const { code, sqlState, message } = error as { code?: string; sqlState?: string; message?: string };
  const where = `${connection.dialect} ${connection.host}:${connection.port ?? defaultPort(connection)}/${connection.database}`;
  const text = `${where}: ${doing} failed: ${message ?? String(error)}${code ? ` (${code})` : ""}`;
  let retryable: boolean;
  if (connection.dialect === "postgres" && typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
    retryable = PG_RETRYABLE_CLASSES.has(code.slice(0, 2));
  } else if (connection.dialect === "mysql" && typeof code === "string" && code.startsWith("ER_")) {
    retryable = !MYSQL_PERMANENT.test(code) && !sqlState?.startsWith("42");
  } else {
    // No answer from the database: refused, reset, timed out, unreachable.
    retryable = true;
  }
  return new PullError(text, { retryable, cause: error });
}

const defaultPort = (connection: SqlConnection) => (connection.dialect === "postgres" ? 5432 : 3306);

const tlsOf = (connection: SqlConnection) =>
  connection.tls === "disable" ? undefined : { rejectUnauthorized: connection.tls === "verify" };

async function openPostgres(connection: SqlConnection): Promise<SqlSession> {
  const client = new pg.Client({
    host: connection.host,
    port: connection.port ?? 5432,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: tlsOf(connection) ?? false,
    connectionTimeoutMillis: connection.timeout_ms,
    statement_timeout: connection.timeout_ms,
    query_timeout: connection.timeout_ms + 1_000,
    application_name: "crossdock-pull",
    // Every transaction reads only; times are written in UTC.
    options: "-c default_transaction_read_only=on -c TimeZone=UTC",
    types: pgTypes,
  });
  client.on("error", () => undefined);
  await client.connect();
  return {
    async query(text, values, signal) {
      const abort = () => void client.end().catch(() => undefined);
      signal.addEventListener("abort", abort, { once: true });
      try {
        return (await client.query(text, values as unknown[])).rows as Record<string, unknown>[];
      } finally {
        signal.removeEventListener("abort", abort);
      }
    },
    close: () => client.end().catch(() => undefined),
  };
}

async function openMysql(connection: SqlConnection): Promise<SqlSession> {
  const session = await mysql.createConnection({
    host: connection.host,
    port: connection.port ?? 3306,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: tlsOf(connection),
    connectTimeout: connection.timeout_ms,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    charset: "utf8mb4",
  });
  session.on("error", () => undefined);
  await session.query("set session transaction read only");
  await session.query("set time_zone = '+00:00'");
  return {
    async query(text, values, signal) {
      const abort = () => session.destroy();
      signal.addEventListener("abort", abort, { once: true });
      try {
        const [rows] = await session.query({ sql: text, timeout: connection.timeout_ms }, values as unknown[]);
        return rows as Record<string, unknown>[];
      } finally {
        signal.removeEventListener("abort", abort);
      }
    },
    close: () => session.end().catch(() => undefined),
  };
}

/** Connects to the source database (PostgreSQL, or MySQL/MariaDB), for reading only. */
export async function openSqlSession(connection: SqlConnection): Promise<SqlSession> {
  try {
    return connection.dialect === "postgres" ? await openPostgres(connection) : await openMysql(connection);
  } catch (error) {
    throw sqlFailure(connection, error, "connecting");
  }
}
