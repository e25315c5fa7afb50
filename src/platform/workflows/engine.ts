import { DBOS, type DLogger } from "@dbos-inc/dbos-sdk";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";

/**
 * Durable workflows run on DBOS Transact, with their state in the same PostgreSQL as everything
 * else (schema `dbos`). On a server DBOS keeps its own pool and LISTEN/NOTIFY; on PGlite it shares
 * the single in-process connection and polls, since a listening client would hold that
 * connection forever.
 *
 * DBOS is one per process: register every workflow (module code does it at import or in its
 * factory) before `launch`, which also recovers the runs this executor left unfinished.
 */
export type WorkflowEngine = {
  launch(): Promise<void>;
  shutdown(): Promise<void>;
};

function dbosLogger(logger: Logger): DLogger {
  const child = logger.child({ component: "dbos" });
  return {
    info: (entry, meta) => child.info(meta ?? {}, String(entry)),
    debug: (entry, meta) => child.debug(meta ?? {}, String(entry)),
    warn: (entry, meta) => child.warn(meta ?? {}, String(entry)),
    error: (error, meta) => child.error({ ...(meta ?? {}), err: error }, error instanceof Error ? error.message : String(error)),
  };
}

/**
 * DBOS caps idle transactions on its connections; asked in the URL it is a startup parameter,
 * where otherwise DBOS sends a SET on every new connection, overlapping the borrower's first
 * query (which pg deprecates with a warning per connection).
 */
function withIdleTransactionTimeout(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const options = url.searchParams.get("options") ?? "";
  if (options.includes("idle_in_transaction_session_timeout")) return databaseUrl;
  url.searchParams.set("options", `${options} -c idle_in_transaction_session_timeout=60000`.trim());
  return url.toString();
}

export function createWorkflowEngine(deps: { db: Database; config: Config; logger: Logger }): WorkflowEngine {
  const { db, config, logger } = deps;
  const common = {
    name: "crossdock",
    executorID: config.executorId,
    logger: dbosLogger(logger),
    applicationVersion: config.appVersion,
  };
  let launched = false;
  return {
    async launch() {
      // DBOS refuses a second setConfig while launched; a second launch is simply a no-op.
      if (launched) return;
      if (db.kind === "pglite") {
        DBOS.setConfig({
          ...common,
          // Required by DBOS's config check; the pool below is what it actually uses.
          systemDatabaseUrl: "postgresql://postgres@pglite.local/postgres",
          systemDatabasePool: db.pool,
          useListenNotify: false,
          systemDatabasePollingConcurrency: 1,
          maxConcurrentQueueDispatches: 1,
        });
      } else {
        // Without a URL DBOS would quietly fall back to a database of its own on localhost.
        if (!config.databaseUrl)
          throw new AppError("config_invalid", "The workflow engine needs DATABASE_URL to run on a PostgreSQL server");
        DBOS.setConfig({
          ...common,
          systemDatabaseUrl: withIdleTransactionTimeout(config.databaseUrl),
          systemDatabasePoolSize: Math.max(4, Math.ceil(config.databasePoolSize / 2)),
        });
      }
      await DBOS.launch();
      launched = true;
    },
    async shutdown() {
      if (!launched) return;
      launched = false;
      await DBOS.shutdown();
    },
  };
}
