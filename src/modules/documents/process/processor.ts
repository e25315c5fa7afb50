import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "../../../platform/db/database.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Records } from "../../records/index.ts";
import type { StoredDocument } from "../store/document-store.ts";
import { type ClaimedFile, claimNextFile, extendFileLease, quarantineFile } from "../store/file-store.ts";
import type { TextReader } from "../text/read-text.ts";
import type { Tolerances } from "../validate/tolerances.ts";
import { prepareDocuments } from "./prepare-documents.ts";
import { readFile } from "./read-file.ts";
import { LeaseLostError, storeOutcome } from "./store-outcome.ts";

export type ProcessorDeps = {
  db: Database;
  /** The records documents are checked against; without them, documents are checked against themselves only. */
  records?: Records | undefined;
  tolerances: (tenantId: string) => Promise<Tolerances>;
  logger: Logger;
  reader: () => TextReader;
  clock?: () => Date;
  /** How long a process holds a file it reads; another takes it over after that (the first died). */
  leaseMs?: number;
  /** How often to look for files others stored, when not poked. */
  idleMs?: number;
  /** Told of each file read, with its documents (metrics). */
  onRead?: (file: ClaimedFile, outcome: "read" | "quarantined", documents: StoredDocument[], seconds: number) => void;
};

export type Processor = {
  start(): void;
  /** A file was stored: look now. */
  poke(): void;
  /** Reads every file waiting, and those they bring (an email's attachments); resolves when none waits (tests, the CLI). */
  drain(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Reads stored files one at a time (OCR takes the cores): takes the oldest waiting under a lease
 * it keeps extending while reading, reads it, and stores what it came to. A file whose reading
 * fails unexpectedly is quarantined with the error, so one bad file never stalls the ones behind it.
 */
export function createProcessor(deps: ProcessorDeps): Processor {
  const clock = deps.clock ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? 600_000;
  const idleMs = deps.idleMs ?? 2_000;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let current: Promise<boolean> | undefined;

  async function readOne(): Promise<boolean> {
    const file = await claimNextFile(deps.db, owner, clock(), leaseMs);
    if (!file) return false;
    const started = performance.now();
    const keepLease = setInterval(() => {
      void extendFileLease(deps.db, file.id, owner, new Date(clock().getTime() + leaseMs)).catch((error) =>
        deps.logger.warn({ err: error, file: file.id }, "could not extend a document file's lease"),
      );
    }, leaseMs / 3);
    try {
      const read = await readFile(file, deps.reader());
      const outcome = read.outcome === "documents" ? await prepareDocuments(deps, file, read) : read;
      const documents = await storeOutcome(deps.db, file, owner, outcome, clock());
      deps.onRead?.(
        file,
        outcome.outcome === "quarantine" ? "quarantined" : "read",
        documents,
        (performance.now() - started) / 1000,
      );
    } catch (error) {
      if (error instanceof LeaseLostError) {
        deps.logger.warn({ file: file.id }, error.message);
      } else {
        deps.logger.error({ err: error, file: file.id }, "reading a document file failed");
        await quarantineFile(deps.db, file, owner, "failed", `Reading failed: ${(error as Error).message}`, clock());
        deps.onRead?.(file, "quarantined", [], (performance.now() - started) / 1000);
      }
    } finally {
      clearInterval(keepLease);
    }
    return true;
  }

  /** One file at a time, whoever asks (the loop or drain). */
  function next(): Promise<boolean> {
    const previous = current ?? Promise.resolve(true);
    const mine = previous.catch(() => true).then(readOne);
    current = mine;
    return mine;
  }

  async function run(): Promise<void> {
    while (running) {
      let found = false;
      try {
        found = await next();
      } catch (error) {
        deps.logger.error({ err: error }, "the document processor could not take a file");
      }
      if (!found && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    poke() {
      wake?.();
    },
    async drain() {
      while (await next()) {}
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await current?.catch(() => undefined);
    },
  };
}
