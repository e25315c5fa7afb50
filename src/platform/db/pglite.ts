import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import pg from "pg";
import { type Database, wrapPool } from "./database.ts";
import { typeParsers } from "./type-parsers.ts";

/**
 * PGlite runs each message (a statement, or a batch of them) synchronously on this thread, and
 * node-postgres carries on from its answer in microtasks, so a transaction of many statements would
 * hold the event loop from its first to its last: requests waited behind every processing pass, and
 * Node accepts one new connection per turn of the loop, so a burst of new connections waited seconds.
 * Each answer is handed on after a turn of the loop instead, which costs about 2 µs when nothing
 * else waits (webhook bench on PGlite: p99 1.5 s → about 0.1 s, and 540 → 900 webhooks/s end to
 * end; a turn only every 5 ms left p99 at 0.23 s). The connection stays exclusive meanwhile.
 */
function letTheEventLoopTurnAfterEachAnswer(pglite: PGlite): void {
  const exec = pglite.execProtocolStream.bind(pglite);
  pglite.execProtocolStream = async (message, options) => {
    const answer = await exec(message, options);
    await new Promise((resolve) => setImmediate(resolve));
    return answer;
  };
}

/**
 * Embedded PostgreSQL. `dataDir` is a folder on disk, or `memory://` for a throwaway database.
 * PGlite is one session, so the pool has one connection: a checked-out client (and so an open
 * transaction) has the database to itself until it is released.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir));
  letTheEventLoopTurnAfterEachAnswer(pglite);
  const pgConfig = createPgConfig(pglite);
  // node-postgres hands `parse` the query's type-parser object under `types`, where the real
  // wire serializer ignores anything that is not an array of parameter type OIDs; PGlite's
  // serializer calls `types.forEach` and throws. Pass on only what the protocol means.
  const parse = pgConfig.connection.parse.bind(pgConfig.connection);
  pgConfig.connection.parse = (query: { types?: unknown }) =>
    parse({ ...query, types: Array.isArray(query.types) ? query.types : undefined });
  const pool = new pg.Pool({ ...pgConfig, max: 1, types: typeParsers });
  const description = inMemory ? "embedded PostgreSQL (PGlite, in memory)" : `embedded PostgreSQL (PGlite) in ${dataDir}`;
  return wrapPool("pglite", pool, description, async () => {
    await pool.end();
    await pglite.close();
  });
}
