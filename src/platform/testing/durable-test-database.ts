import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "../db/database.ts";
import { type MigrationSet, migrate } from "../db/migrations.ts";
import { openPglite } from "../db/pglite.ts";
import { openPostgres } from "../db/postgres.ts";
import { createServerDatabase } from "./test-database.ts";

/**
 * A migrated database that outlives the process using it, for tests that kill a process and
 * start it again: a PGlite data directory in a temp folder, or, when DATABASE_URL is set, a fresh
 * database on that server. `env` is what a child process needs to open the same database through
 * `loadConfig` (CROSSDOCK_DATA_DIR, or DATABASE_URL pointing at the fresh database).
 *
 * PGlite is one process's database: open it with `open()` only while no child has it open.
 */
export type DurableTestDatabase = {
  kind: Database["kind"];
  env: Record<string, string | undefined>;
  open(): Promise<Database>;
  /** Opens, runs `work`, closes. */
  use<T>(work: (db: Database) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
};

export async function createDurableTestDatabase(
  migrations: MigrationSet[],
  setup?: (db: Database) => Promise<void>,
): Promise<DurableTestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let open: () => Promise<Database>;
  let env: Record<string, string | undefined>;
  let remove: () => Promise<void>;
  if (serverUrl) {
    const server = await createServerDatabase(serverUrl);
    open = () => openPostgres(server.url, 4, () => undefined);
    env = { DATABASE_URL: server.url, CROSSDOCK_DATA_DIR: undefined };
    remove = server.drop;
  } else {
    const dataDir = await mkdtemp(path.join(tmpdir(), "crossdock-test-"));
    open = () => openPglite(pgliteDir(dataDir));
    env = { DATABASE_URL: undefined, CROSSDOCK_DATA_DIR: dataDir };
    remove = () => rm(dataDir, { recursive: true, force: true });
  }
  async function use<T>(work: (db: Database) => Promise<T>): Promise<T> {
    const db = await open();
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }
  await use(async (db) => {
    await migrate(db, migrations);
    await setup?.(db);
  });
  return { kind: serverUrl ? "postgres" : "pglite", env, open, use, drop: remove };
}

/** Where the embedded database lives inside a data directory, as in `src/main.ts`. */
export const pgliteDir = (dataDir: string): string => path.join(dataDir, "pg");
