import { randomBytes } from "node:crypto";
import { availableParallelism, hostname } from "node:os";
import type { Database } from "../../../platform/db/database.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Records } from "../../records/index.ts";
import type { Catalogue } from "../match/catalogue.ts";
import type { StoredDocument } from "../store/document-store.ts";
import { type ClaimedFile, claimNextFile, extendFileLease, quarantineFile } from "../store/file-store.ts";
import type { TextReader } from "../text/read-text.ts";
import type { Tolerances } from "../validate/tolerances.ts";
import { type HandOverEdi, handOver } from "./hand-over-edi.ts";
import { prepareDocuments } from "./prepare-documents.ts";
import { readFile } from "./read-file.ts";
import type { ReadWithModel } from "./read-with-model.ts";
import { LeaseLostError, storeOutcome } from "./store-outcome.ts";

export type ProcessorDeps = {
  db: Database;
  /** The records documents are checked against; without them, documents are checked against themselves only. */
  records?: Records | undefined;
  tolerances: (tenantId: string) => Promise<Tolerances>;
  /** The tenant's items as documents print them, to mend OCR'd lines with. */
  catalogue?: ((tenantId: string) => Promise<Catalogue>) | undefined;
  /** The model extractor, for tenants that chose it (`read-with-model.ts`). */
  readWithModel?: ReadWithModel | undefined;
  /** Where an EDI interchange sent as a document goes: the EDI intake (ingest), which answers with its receipt. */
  handOverEdi?: HandOverEdi | undefined;
  logger: Logger;
  reader: () => TextReader;
  clock?: () => Date;
  /** How long a process holds a file it reads; another takes it over after that (the first died). */
  leaseMs?: number;
  /** How often to look for files others stored, when not poked. */
  idleMs?: number;
  /** Files read at once (default: the cores, up to 2: OCR takes one each). */
  workers?: number;
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
 * Reads stored files, `workers` at a time (OCR takes a core each): takes the oldest waiting under a lease
 * it keeps extending while reading, reads it, and stores what it came to. A file whose reading
 * fails unexpectedly is quarantined with the error, so one bad file never stalls the ones behind it.
 */
export function createProcessor(deps: ProcessorDeps): Processor {
  const clock = deps.clock ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? 600_000;
  const idleMs = deps.idleMs ?? 2_000;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const workers = Math.max(1, deps.workers ?? Math.min(2, availableParallelism()));
  let running = false;
  let loops: Promise<void>[] = [];
  const wakers = new Set<() => void>();
  const active = new Set<Promise<boolean>>();
  let free = workers;
  const waiting: (() => void)[] = [];

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
      const outcome =
        read.outcome === "documents"
          ? await prepareDocuments(deps, file, read)
          : read.outcome === "edi"
            ? await handOver(deps.handOverEdi, file)
            : read;
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

  /** A file read in one of the `workers` slots, whoever asks (the loops or drain). */
  async function next(): Promise<boolean> {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free -= 1;
    const reading = readOne();
    active.add(reading);
    try {
      return await reading;
    } finally {
      active.delete(reading);
      const queued = waiting.shift();
      if (queued) queued();
      else free += 1;
    }
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
          const wake = () => {
            clearTimeout(timer);
            wakers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, idleMs);
          wakers.add(wake);
        });
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loops = Array.from({ length: workers }, () => run());
    },
    poke() {
      for (const wake of [...wakers]) wake();
    },
    async drain() {
      // Until nothing waits and nothing is being read (a file the loops were reading may bring more: an email's parts).
      for (;;) {
        await Promise.all(
          Array.from({ length: workers }, async () => {
            while (await next()) {}
          }),
        );
        if (active.size === 0) return;
        await Promise.all([...active].map((reading) => reading.catch(() => false)));
      }
    },
    async stop() {
      running = false;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
      await Promise.all([...active].map((reading) => reading.catch(() => undefined)));
    },
  };
}
