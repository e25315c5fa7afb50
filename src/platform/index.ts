export { type Actor, type ActorType, actorRef, type WriteContext } from "./actor.ts";
export { Config, loadConfig } from "./config.ts";
export type { Database, DatabaseKind, Executor, Orm, Tx } from "./db/database.ts";
export { type MigrationReport, type MigrationSet, migrate } from "./db/migrations.ts";
export { openPglite } from "./db/pglite.ts";
export { openPostgres } from "./db/postgres.ts";
export { APP_ROLE, readAsTenant, rows, textArray, withSystem, withTenant } from "./db/tenant-scope.ts";
export { AppError, assertNever, type ErrorCode, type ErrorDetail, isAppError, notFound } from "./errors.ts";
export { createEventBus, type EventBus, type EventSubscriber } from "./events/event-bus.ts";
export { appendEvents, type NewEvent, type StoredEvent } from "./events/event-log.ts";
export { hasPrefix, ID_PREFIXES, newId } from "./ids.ts";
export { createLogger, type Logger } from "./logger.ts";
export { lowerThreadPriority } from "./thread-priority.ts";
export { createWorkflowEngine, type WorkflowEngine } from "./workflows/engine.ts";

export const platformMigrations = { module: "platform", directory: new URL("./migrations/", import.meta.url) };
export { newSecret, sameHash, seal, sha256, unseal } from "./crypto.ts";
export { createKeyring, type Keyring } from "./secret-key.ts";
