import type { Logger } from "../logger.ts";
import { repeatEvery } from "../repeat-every.ts";
import type { Database } from "./database.ts";

/** How often every table of an embedded database is vacuumed and analysed. */
export const PGLITE_MAINTENANCE_EVERY_MS = 10 * 60_000;

/**
 * Every table, the system catalogs too: freezing old transaction ids is only done once each has been
 * vacuumed. Temporary tables belong to their session.
 */
const TABLES = `
  select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind in ('r', 'm') and c.relpersistence <> 't'
   order by n.nspname, c.relname`;

const turnOfTheLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * One pass of what autovacuum would do: VACUUM (ANALYZE) each table in turn, one statement at a time
 * with a turn of the event loop between, so the single connection is held for one table at most and
 * requests interleave. A table that cannot be vacuumed (dropped meanwhile) is logged and skipped.
 * Returns how many tables were vacuumed.
 */
export async function maintainPglite(db: Database, logger: Logger): Promise<number> {
  const { rows } = await db.pool.query<{ name: string }>(TABLES);
  let vacuumed = 0;
  for (const { name } of rows) {
    await turnOfTheLoop();
    try {
      await db.pool.query(`vacuum (analyze) ${name}`);
      vacuumed += 1;
    } catch (error) {
      logger.warn({ err: error, table: name }, "could not vacuum a table; the next pass tries again");
    }
  }
  return vacuumed;
}

/**
 * PGlite runs PostgreSQL as one backend, without a server's autovacuum workers: left alone, dead row
 * versions are never reclaimed (tables and indexes grow, and scans wade through them), statistics
 * are never gathered, and transaction ids are never frozen, so a busy embedded database would in
 * time refuse writes to protect itself from wraparound. This runs `maintainPglite` every
 * `everyMs`; on a PostgreSQL server it does nothing (autovacuum is the server's). Returns a stop.
 */
export function schedulePgliteMaintenance(
  db: Database,
  logger: Logger,
  everyMs: number = PGLITE_MAINTENANCE_EVERY_MS,
): () => Promise<void> {
  if (db.kind !== "pglite") return async () => undefined;
  const repeated = repeatEvery(everyMs, async () => {
    const started = performance.now();
    await maintainPglite(db, logger).then(
      (tables) => logger.debug({ tables, ms: Math.round(performance.now() - started) }, "vacuumed the embedded database"),
      (error: unknown) => logger.warn({ err: error }, "embedded database maintenance failed; the next pass tries again"),
    );
  });
  return () => repeated.stop();
}
