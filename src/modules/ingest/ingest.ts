import { tmpdir } from "node:os";
import path from "node:path";
import type { Registry } from "prom-client";
import type { WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import type { Logger } from "../../platform/logger.ts";
import type { Keyring } from "../../platform/secret-key.ts";
import type { Records } from "../records/index.ts";
import type { BulkReplayInput, MappingTrial, ReceiptQuery, ReplayInput, SourceInput, SourceUpdate } from "./contract/index.ts";
import { createEdiIntake } from "./edi-intake/index.ts";
import { createFileDrops } from "./files/files.ts";
import { READY_MAPPINGS } from "./mapping/index.ts";
import { createIngestMetrics } from "./metrics.ts";
import { type Processor, startProcessor } from "./processing/processor.ts";
import { startProcessorThread } from "./processing/processor-thread.ts";
import { createPull } from "./pull/index.ts";
import { getReceipt, listReceipts } from "./receipts/receipt-reads.ts";
import { replayQuarantined, replayReceipt } from "./receipts/replay-receipt.ts";
import {
  createSource,
  getSource,
  listSources,
  rotateSourceSecret,
  type SourceDeps,
  updateSource,
  webhookSource,
} from "./sources/source-store.ts";
import { tryMapping } from "./sources/try-mapping.ts";
import { receiveWebhook, type WebhookAnswer, type WebhookDelivery } from "./webhooks-in/receive-webhook.ts";
import { createSourceCache } from "./webhooks-in/source-cache.ts";

export type IngestDeps = {
  db: Database;
  records: Records;
  logger: Logger;
  keyring: Keyring;
  metricsRegistry: Registry;
  clock?: () => Date;
  /** Where local file drops' folders are (CROSSDOCK_FILE_DROPS_DIR); a temporary folder when left out. */
  fileDropsDir?: string;
  /** Roots of the EDI partners' watched inbox folders and outbox folders (edi-intake/README.md); none watched or written without them. */
  ediInboxDir?: string;
  ediOutboxDir?: string;
  /**
   * On a PostgreSQL server: process receipts in a thread of their own, on connections of its own
   * (processing/processor-thread.ts). Not with an injected clock, which the thread could not share.
   */
  processorThread?: { databaseUrl: string; poolSize: number; logLevel: string };
};

/** The ingest module: sources, webhooks in, the receipts kept of everything received, processing, quarantine and replay. */
export function createIngest(deps: IngestDeps) {
  const clock = deps.clock ?? (() => new Date());
  const sourceDeps: SourceDeps = { db: deps.db, keyring: deps.keyring, clock };
  const metrics = createIngestMetrics(deps.metricsRegistry, deps.db, clock);
  let processor: Processor | undefined;
  const webhookSources = createSourceCache((id) => webhookSource(sourceDeps, id), clock);
  const changed = async <T extends { id: string }>(source: Promise<T>): Promise<T> => {
    const done = await source;
    webhookSources.forget(done.id);
    return done;
  };
  return {
    /** File drops: folders and SFTP directories of CSV, XLSX and JSONL exports (files/README.md); started and stopped on their own. */
    files: createFileDrops({ ...deps, clock, root: deps.fileDropsDir ?? path.join(tmpdir(), "crossdock-file-drops") }),
    /** EDI: trading partners, interchanges in (API, watched folders, CLI) with their 997s, 855/856/810 out (edi-intake/README.md); started and stopped on their own. */
    edi: createEdiIntake({
      db: deps.db,
      records: deps.records,
      logger: deps.logger,
      clock,
      inboxDir: deps.ediInboxDir,
      outboxDir: deps.ediOutboxDir,
      counted: (outcome, count) => metrics.processed(outcome, count),
    }),
    /** Pull connectors: REST APIs and SQL databases polled on a schedule (pull/README.md); started and stopped on their own. */
    pull: createPull({
      db: deps.db,
      records: deps.records,
      logger: deps.logger,
      keyring: deps.keyring,
      metricsRegistry: deps.metricsRegistry,
      clock,
    }),
    sources: {
      create: (ctx: WriteContext, input: SourceInput) => createSource(sourceDeps, ctx, input),
      list: (tenantId: string) => listSources(deps.db, tenantId, clock()),
      get: (tenantId: string, idOrName: string) => getSource(deps.db, tenantId, idOrName, clock()),
      update: (ctx: WriteContext, idOrName: string, update: SourceUpdate) =>
        changed(updateSource(sourceDeps, ctx, idOrName, update)),
      rotateSecret: (ctx: WriteContext, idOrName: string) => changed(rotateSourceSecret(sourceDeps, ctx, idOrName)),
    },
    /** The ready mappings a source can use by name, with an example payload of each. */
    readyMappings: () =>
      Object.entries(READY_MAPPINGS).map(([name, mapping]) => ({
        name,
        title: mapping.title,
        description: mapping.description,
        spec: mapping.spec,
        example: mapping.example,
      })),
    /** What a payload maps to under a mapping (or a source's), written nowhere. */
    tryMapping: (tenantId: string, trial: MappingTrial) => tryMapping(deps.db, tenantId, trial, clock()),
    /** A webhook as it arrived: checked, stored, answered; processed after. */
    async receiveWebhook(sourceId: string, delivery: WebhookDelivery): Promise<WebhookAnswer> {
      const answer = await receiveWebhook(sourceDeps, webhookSources.get, sourceId, delivery, processor);
      metrics.webhookAnswered(answer.status);
      return answer;
    },
    receipts: {
      list: (tenantId: string, query: ReceiptQuery) => listReceipts(deps.db, tenantId, query),
      get: (tenantId: string, receiptId: string) => getReceipt(deps.db, tenantId, receiptId),
      async replay(ctx: WriteContext, receiptId: string, input: ReplayInput) {
        await replayReceipt(deps.db, ctx, receiptId, input);
        processor?.poke();
        return getReceipt(deps.db, ctx.tenantId, receiptId);
      },
      /** Every quarantined receipt of a source (of one stage), sent through again as it is. */
      async replayQuarantined(ctx: WriteContext, input: BulkReplayInput) {
        const source = await getSource(deps.db, ctx.tenantId, input.source, clock());
        const result = await replayQuarantined(deps.db, ctx, source.id, input.stage);
        processor?.poke();
        return result;
      },
    },
    /** Starts processing stored receipts in the background (after launch). */
    start() {
      if (processor) return;
      processor =
        deps.processorThread && !deps.clock
          ? startProcessorThread({ ...deps.processorThread, logger: deps.logger, metrics })
          : startProcessor({ db: deps.db, records: deps.records, logger: deps.logger, clock, metrics });
    },
    /** Waits until everything stored so far is processed or quarantined (tests, the CLI). */
    drain: () => processor?.drain() ?? Promise.resolve(),
    async stop() {
      await processor?.stop();
      processor = undefined;
    },
  };
}

export type Ingest = ReturnType<typeof createIngest>;
