import type { Database } from "../../../platform/db/database.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { FlowMetrics } from "../metrics.ts";
import type { Notifier } from "../notify/notifier.ts";

/** What a stage's segment gets when it runs: one per process, since DBOS is one per process. */
export type Runtime = {
  db: Database;
  logger: Logger;
  clock: () => Date;
  metrics: FlowMetrics;
  notifier: Notifier;
  /** The flows' own dependencies (records, actions, …), handed to every stage as `run.deps`. */
  flowDeps: unknown;
};
