import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Registry } from "prom-client";
import { FLOWS, routeDocumentsToFlows } from "./flows/index.ts";
import { actionsMigrations, createActions } from "./modules/actions/index.ts";
import { aiMigrations, createAi } from "./modules/ai/index.ts";
import { createDocuments, documentsMigrations } from "./modules/documents/index.ts";
import { governanceMigrations } from "./modules/governance/index.ts";
import { createIngest, createWebhooksOut, ingestMigrations } from "./modules/ingest/index.ts";
import { createRecords, recordsMigrations } from "./modules/records/index.ts";
import { createTenancy, tenancyMigrations } from "./modules/tenancy/index.ts";
import { createWorkflows, workflowsMigrations } from "./modules/workflows/index.ts";
import type { Config } from "./platform/config.ts";
import { lockDataDir } from "./platform/db/data-dir-lock.ts";
import type { Database } from "./platform/db/database.ts";
import { migrate } from "./platform/db/migrations.ts";
import { openPglite } from "./platform/db/pglite.ts";
import { schedulePgliteMaintenance } from "./platform/db/pglite-maintenance.ts";
import { openPostgres } from "./platform/db/postgres.ts";
import { createEventBus } from "./platform/events/event-bus.ts";
import { createKeyring, platformMigrations } from "./platform/index.ts";
import type { Logger } from "./platform/logger.ts";
import { createMailer } from "./platform/mail/mailer.ts";
import { createWorkflowEngine } from "./platform/workflows/engine.ts";
import { createHttpApp } from "./server/app.ts";
import { scheduleIdempotencySweep } from "./server/idempotency.ts";
import { createOperatorAccess } from "./server/operator-access.ts";

/** Every module's migrations, in dependency order. */
export const MIGRATIONS = [
  platformMigrations,
  governanceMigrations,
  tenancyMigrations,
  recordsMigrations,
  aiMigrations,
  actionsMigrations,
  workflowsMigrations,
  ingestMigrations,
  documentsMigrations,
];

async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres(config.databaseUrl, config.databasePoolSize, (error) =>
      logger.error({ err: error }, "database connection error"),
    );
  }
  await mkdir(config.dataDir, { recursive: true });
  return openPglite(path.join(config.dataDir, "pg"));
}

/**
 * The composition root: opens the database, applies migrations, and builds every module and the
 * HTTP app with explicit dependencies. `start` launches the durable machinery (workflows, event
 * dispatch); the CLI's one-off commands use the modules without it.
 */
export async function createCrossdock(options: {
  config: Config;
  logger: Logger /** an open database, e.g. a test's */;
  db?: Database;
}) {
  const { config, logger } = options;
  const lock = config.databaseUrl || options.db ? undefined : await lockDataDir(config.dataDir);
  let db: Database;
  try {
    db = options.db ?? (await openDatabase(config, logger));
    await migrate(db, MIGRATIONS, logger);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const tenancy = createTenancy({ db, sessionTtlHours: config.sessionTtlHours, mailer });
  const records = createRecords({ db });
  // One key seals every module's secrets (connector tokens, mailbox passwords, model keys).
  const keyring = createKeyring({ secretKey: config.secretKey, dataDir: config.dataDir, databaseKind: db.kind });
  const ai = createAi({ db, logger, keyring });
  const actions = createActions({ db, logger, mailer, config });
  const events = createEventBus({ db, logger });
  const engine = createWorkflowEngine({ db, config, logger });
  const metricsRegistry = new Registry();
  const ingest = createIngest({
    db,
    records,
    logger,
    metricsRegistry,
    keyring,
    fileDropsDir: config.fileDropsDir,
    // The processor thread opens its own connections to the database at that URL (a test's must be the one given).
    ...(config.databaseUrl && db.kind === "postgres"
      ? {
          processorThread: {
            databaseUrl: config.databaseUrl,
            poolSize: 4,
            logLevel: config.logLevel,
          },
        }
      : {}),
    ediInboxDir: path.join(config.dataDir, "edi-inbox"),
    ediOutboxDir: config.ediOutboxDir,
  });
  const webhooksOut = createWebhooksOut({
    db,
    logger,
    metricsRegistry,
    keyring,
  });
  // The fan-out of events to webhook subscriptions is a subscriber of the bus: registered before launch.
  webhooksOut.subscribe(events);
  const documents = createDocuments({
    db,
    records,
    ai,
    // An interchange mailed or dropped as a document goes to the EDI intake, found by its ISA's sender.
    handOverEdi: async (tenantId, file) => {
      const accepted = await ingest.edi.receive(tenantId, { body: file.bytes, contentType: "application/edi-x12" });
      return { reference: accepted.receipt_id, duplicate: accepted.duplicate };
    },
    keyring,
    logger,
    metricsRegistry,
    inbox: {
      root: config.documentsInboxDir ?? path.join(config.dataDir, "documents-inbox"),
      tenantIds: async () =>
        (await tenancy.listTenants()).filter((tenant) => tenant.status === "active").map((tenant) => tenant.id),
    },
  });
  let consoleUrl: string | null = config.publicUrl ?? null;
  const workflows = createWorkflows({
    db,
    logger,
    mailer,
    metricsRegistry,
    directory: { users: (tenantId) => tenancy.listUsers(tenantId) },
    brand: async (tenantId) => {
      const branding = await tenancy.brandingFor(tenantId);
      return { productName: branding.product_name, fromName: branding.email_from_name };
    },
    consoleUrl: () => consoleUrl,
  });
  // Flows are durable workflows: registered before the engine launches, with what their stages use.
  workflows.register([...FLOWS], { records, actions });
  // Routed documents start the flows that act on them (a customer's PO: a sales order).
  routeDocumentsToFlows({ bus: events, documents, workflows, records, logger });
  const operator = createOperatorAccess();
  let ready = false;
  let stopSweep: (() => void) | undefined;
  let stopMaintenance: (() => Promise<void>) | undefined;
  const http = createHttpApp({
    config,
    logger,
    db,
    tenancy,
    records,
    actions,
    workflows,
    ingest,
    documents,
    ai,
    webhooksOut,
    metricsRegistry,
    operator,
    isReady: () => ready,
  });

  return {
    config,
    db,
    tenancy,
    records,
    actions,
    events,
    engine,
    workflows,
    ingest,
    documents,
    ai,
    webhooksOut,
    operator,
    http,
    /** Launches workflows and event dispatch, and tells CLI processes where to find this server. */
    async start(url?: string) {
      if (url && !config.publicUrl) consoleUrl = url;
      await engine.launch();
      await events.start();
      await workflows.start();
      ingest.start();
      ingest.pull.start();
      if (config.role !== "api") ingest.files.start();
      if (config.role !== "api") ingest.edi.start();
      if (config.role !== "api") documents.start();
      webhooksOut.start();
      stopSweep = scheduleIdempotencySweep(db, config.idempotencyKeyHours, logger);
      stopMaintenance = schedulePgliteMaintenance(db, logger);
      if (url) {
        await lock?.setUrl(url);
        await operator.publish(config.dataDir);
      }
      ready = true;
    },
    async stop() {
      ready = false;
      stopSweep?.();
      await stopMaintenance?.();
      await workflows.stop();
      await ingest.pull.stop();
      await ingest.files.stop();
      await ingest.edi.stop();
      await documents.stop();
      await ingest.stop();
      await webhooksOut.stop();
      await events.stop();
      await engine.shutdown();
      mailer.close();
      await db.close();
      if (!options.db) await operator.unpublish(config.dataDir);
      await lock?.release();
    },
  };
}

export type Crossdock = Awaited<ReturnType<typeof createCrossdock>>;
