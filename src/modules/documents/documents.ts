import type { Registry } from "prom-client";
import type { WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { withTenant } from "../../platform/db/tenant-scope.ts";
import { AppError } from "../../platform/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import type { Keyring } from "../../platform/secret-key.ts";
import type { Ai } from "../ai/index.ts";
import { appendAudit } from "../governance/index.ts";
import type { Records } from "../records/index.ts";
import type { DocumentQuery, DocumentSettings, FileChannel, FileQuery, Received, ReviewInput } from "./contract/documents.ts";
import { fileTypeOf } from "./intake/file-type.ts";
import { createMailboxes } from "./intake/mailboxes/mailboxes.ts";
import { createWatchedFolder } from "./intake/watched-folder.ts";
import { createCatalogues } from "./match/load-catalogue.ts";
import { createDocumentMetrics } from "./metrics.ts";
import type { HandOverEdi } from "./process/hand-over-edi.ts";
import { createProcessor } from "./process/processor.ts";
import { createModelReader } from "./process/read-with-model.ts";
import { reviewDocument } from "./process/review-document.ts";
import { tenantStats } from "./store/document-stats.ts";
import { attachRun, getDocument, listDocuments, pageWords } from "./store/document-store.ts";
import { fileBytes, fileOf, getFile, insertFile, listFiles, requeueFile } from "./store/file-store.ts";
import { documentSettings, updateDocumentSettings } from "./store/settings-store.ts";
import { createTextReader, type TextReader } from "./text/read-text.ts";

export type DocumentsDeps = {
  db: Database;
  logger: Logger;
  metricsRegistry: Registry;
  clock?: () => Date;
  /** The records documents are checked against (a supplier's invoice against its PO and receipts…). */
  records?: Records;
  /** The text reader (engines chosen from what is installed, unless a test gives its own). */
  reader?: TextReader;
  /** Seals mailboxes' passwords; without it, mailboxes cannot be added (tests of other parts). */
  keyring?: Keyring;
  /** The AI layer, for tenants that choose a model to read their documents. */
  ai?: Pick<Ai, "generateObject">;
  /** Where an EDI interchange sent as a document goes (the ingest module's EDI intake, wired in main.ts). */
  handOverEdi?: HandOverEdi;
  /** The documents inbox folder's root, and the tenants to watch a folder for there. */
  inbox?: { root: string; tenantIds: () => Promise<string[]>; settleMs?: number };
};

/** A file as it comes in, from any channel. */
export type FileIn = { name: string; bytes: Uint8Array; channel: FileChannel; sender?: string | null };

/** Files larger than this are refused at the door (a 500-page scan is about 50 MB). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * The documents module: files received from every channel, read into documents in the
 * background, routed or queued for review, and a person's review of them.
 */
export function createDocuments(deps: DocumentsDeps) {
  const clock = deps.clock ?? (() => new Date());
  let reader = deps.reader;
  const metrics = createDocumentMetrics(deps.metricsRegistry, deps.db, clock);
  const processor = createProcessor({
    db: deps.db,
    records: deps.records,
    catalogue: deps.records ? createCatalogues(deps.records) : undefined,
    handOverEdi: deps.handOverEdi,
    readWithModel: deps.ai
      ? createModelReader(deps.ai, async (tenantId) => (await documentSettings(deps.db, tenantId)).extractor === "model")
      : undefined,
    tolerances: async (tenantId) => {
      const settings = await documentSettings(deps.db, tenantId);
      return { price: settings.price_tolerance, quantity: settings.quantity_tolerance };
    },
    logger: deps.logger,
    clock,
    reader: () => {
      reader ??= createTextReader();
      return reader;
    },
    onRead: (_file, outcome, _documents, seconds) => metrics.fileRead(outcome, seconds),
  });

  const receive = async (ctx: WriteContext, file: FileIn): Promise<Received> => {
    if (file.bytes.length > MAX_FILE_BYTES) {
      throw new AppError("payload_too_large", `The file is ${file.bytes.length} bytes; at most ${MAX_FILE_BYTES} are taken`);
    }
    const name = file.name.trim().slice(0, 255) || "document";
    const { row, duplicate } = await withTenant(deps.db, ctx.tenantId, (tx) =>
      insertFile(tx, ctx, { ...file, name, type: fileTypeOf(file.bytes, name) }, clock()),
    );
    if (!duplicate) processor.poke();
    return { file: fileOf(row), duplicate };
  };
  const mailboxes = deps.keyring
    ? createMailboxes({ db: deps.db, keyring: deps.keyring, logger: deps.logger, clock, receive })
    : undefined;
  const folder = deps.inbox ? createWatchedFolder({ ...deps.inbox, logger: deps.logger, receive, clock }) : undefined;

  return {
    /**
     * Stores a file to be read (answered before reading: OCR takes seconds a page), or returns the
     * earlier file with the same bytes, marked a duplicate.
     */
    receive,
    getFile: (tenantId: string, id: string) => getFile(deps.db, tenantId, id),
    fileBytes: (tenantId: string, id: string) => fileBytes(deps.db, tenantId, id),
    listFiles: (tenantId: string, query: FileQuery) => listFiles(deps.db, tenantId, query),
    /** Reads a quarantined file again. */
    async retryFile(ctx: WriteContext, id: string) {
      const file = await requeueFile(deps.db, ctx, id);
      processor.poke();
      return file;
    },
    list: (tenantId: string, query: DocumentQuery) => listDocuments(deps.db, tenantId, query),
    get: (tenantId: string, id: string) => getDocument(deps.db, tenantId, id),
    pageWords: (tenantId: string, id: string, page: number) => pageWords(deps.db, tenantId, id, page),
    async review(ctx: WriteContext, id: string, input: ReviewInput) {
      return (await reviewDocument(deps.db, ctx, id, input, clock())).document;
    },
    /** Records the workflow run a document's route started (by the flow that takes its proposal). */
    attachRun: (ctx: WriteContext, id: string, runId: string) =>
      withTenant(deps.db, ctx.tenantId, async (tx) => {
        if (await attachRun(tx, id, runId))
          await appendAudit(tx, {
            ...ctx,
            action: "document.run_started",
            resourceType: "document",
            resourceId: id,
            data: { run_id: runId },
          });
      }),
    /** The tenant's tolerances for checks against the records. */
    settings: (tenantId: string) => documentSettings(deps.db, tenantId),
    updateSettings: (ctx: WriteContext, settings: DocumentSettings) => updateDocumentSettings(deps.db, ctx, settings, clock()),
    stats: (tenantId: string, by: "none" | "kind" | "sender" | "kind_and_sender") => tenantStats(deps.db, tenantId, by, clock()),
    /** Mailboxes polled over IMAP (when a keyring is given). */
    get mailboxes() {
      if (!mailboxes) throw new AppError("config_invalid", "Mailboxes need a secret key to seal their passwords");
      return mailboxes;
    },
    /** The inbox folder (when configured): look in it now. */
    scanInbox: () => folder?.scanNow() ?? Promise.resolve(),
    /** Starts reading files in the background, and watching the inbox folder. */
    start() {
      processor.start();
      folder?.start();
      mailboxes?.start();
    },
    /** Reads every file waiting now, and what they bring; resolves when none waits (tests, the CLI). */
    drain: () => processor.drain(),
    async stop() {
      await mailboxes?.stop();
      await folder?.stop();
      await processor.stop();
      await reader?.close();
    },
  };
}

export type Documents = ReturnType<typeof createDocuments>;
