import { loadConfig } from "../config.ts";
import { lockDataDir } from "../db/data-dir-lock.ts";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrations.ts";
import { openPglite } from "../db/pglite.ts";
import { openPostgres } from "../db/postgres.ts";
import { platformMigrations } from "../index.ts";
import { createLogger, type Logger } from "../logger.ts";
import { createWorkflowEngine, type WorkflowEngine } from "../workflows/engine.ts";
import { pgliteDir } from "./durable-test-database.ts";

/**
 * What a crash-test child process starts with, the way the real process does: configuration from
 * the environment (CROSSDOCK_DATA_DIR or DATABASE_URL, CROSSDOCK_EXECUTOR_ID, CROSSDOCK_APP_VERSION),
 * the database, the platform's migrations, and a workflow engine that is not launched yet.
 * On PGlite it takes the data directory's lock and opens `<data dir>/pg`, as `npm start` does, so
 * a restart also shows that the lock a killed process leaves behind does not stand in the way.
 */
export async function openChildPlatform(): Promise<{ db: Database; logger: Logger; engine: WorkflowEngine }> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "crash-child" });
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.databasePoolSize, (error) =>
        logger.error({ err: error }, "database pool error"),
      )
    : await openPglite(await lockedPgliteDir(config.dataDir));
  await migrate(db, [platformMigrations], logger);
  return { db, logger, engine: createWorkflowEngine({ db, config, logger }) };
}

async function lockedPgliteDir(dataDir: string): Promise<string> {
  await lockDataDir(dataDir);
  return pgliteDir(dataDir);
}
