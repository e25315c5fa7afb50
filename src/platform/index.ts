export { type Actor, type ActorType, type WriteContext, actorRef } from "./actor.ts";
export { Config, loadConfig, describeDatabase } from "./config.ts";
export { AppError, type ErrorCode, type ErrorDetail, assertNever, isAppError, notFound } from "./errors.ts";
export { ID_PREFIXES, newId, hasPrefix } from "./ids.ts";
export { createLogger, type Logger } from "./logger.ts";
export type { Database, DatabaseKind, Executor, Orm, Tx } from "./db/database.ts";
export { migrate, type MigrationSet, type MigrationReport } from "./db/migrations.ts";
export { openPglite } from "./db/pglite.ts";
export { openPostgres } from "./db/postgres.ts";
export { APP_ROLE, rows, textArray, withSystem, withTenant } from "./db/tenant-scope.ts";
export { appendEvents, type NewEvent, type StoredEvent } from "./events/event-log.ts";
export { createEventBus, type EventBus, type EventSubscriber } from "./events/event-bus.ts";
export { createWorkflowEngine, type WorkflowEngine } from "./workflows/engine.ts";

export const platformMigrations = { module: "platform", directory: new URL("./migrations/", import.meta.url) };
export { newSecret, sameHash, sha256 } from "./crypto.ts";
