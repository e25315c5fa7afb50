import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { TenantReadPool } from "./tenant-read-pool.ts";

export type DatabaseKind = "pglite" | "postgres";
export type Orm = NodePgDatabase;
/** A transaction handle; every query made through it runs inside that transaction. */
export type Tx = Parameters<Parameters<Orm["transaction"]>[0]>[0];
/** Anything queries can run on: the pool or an open transaction. */
export type Executor = Orm | Tx;

/**
 * One database, whichever engine runs it. Both engines are reached through a node-postgres pool,
 * so every query in Crossdock runs the same code on embedded PGlite and on a PostgreSQL server;
 * on PGlite the pool has exactly one in-process connection.
 */
export type Database = {
  kind: DatabaseKind;
  pool: pg.Pool;
  orm: Orm;
  /** On a PostgreSQL server, the connections readAsTenant uses; PGlite has only its one connection. */
  tenantReads?: TenantReadPool;
  /** Human-readable: which engine and where. */
  description: string;
  close(): Promise<void>;
};

export function wrapPool(
  kind: DatabaseKind,
  pool: pg.Pool,
  description: string,
  close: () => Promise<void>,
  tenantReads?: TenantReadPool,
): Database {
  return { kind, pool, orm: drizzle(pool), description, close, ...(tenantReads ? { tenantReads } : {}) };
}
