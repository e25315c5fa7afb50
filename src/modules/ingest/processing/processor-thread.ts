import { Worker } from "node:worker_threads";
import type { Logger } from "../../../platform/logger.ts";
import type { IngestMetrics } from "../metrics.ts";
import { HandOverRoom } from "./handover-room.ts";
import type { Processor } from "./processor.ts";
import type { FromProcessor, ToProcessor } from "./processor-messages.ts";

/** How long a processor thread that died waits before the next one starts (its receipts come back with their leases). */
const RESTART_MS = 1_000;

export type ProcessorThreadOptions = {
  databaseUrl: string;
  /** Connections the thread opens for itself. */
  poolSize: number;
  logLevel: string;
  logger: Logger;
  metrics: IngestMetrics;
};

/**
 * The processor in a thread of its own, on a PostgreSQL server: mapping payloads and writing
 * records is most of a webhook's work, and on its own thread it no longer holds up the answers to
 * the webhooks arriving meanwhile (nor uses one core only). Same behaviour as startProcessor's:
 * receipts are handed over with their payload, the room for them is shared memory both threads
 * read (handover-room.ts), and anything else is claimed from the table. A thread that dies is
 * started again; what it held comes back when its leases end, and hand-overs wait until the table
 * is caught up, so payloads are still processed in the order they arrived.
 */
export function startProcessorThread(options: ProcessorThreadOptions): Processor {
  const room = new HandOverRoom();
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let stopping = false;
  let alive = false;
  let worker = spawn();

  function spawn(): Worker {
    const thread = new Worker(new URL("./processor-worker.mjs", import.meta.url), {
      workerData: { databaseUrl: options.databaseUrl, poolSize: options.poolSize, logLevel: options.logLevel, room: room.buffer },
    });
    thread.on("message", (message: FromProcessor) => {
      if (message.type === "processed") options.metrics.processed(message.outcome, message.count);
      else if (message.type === "done") {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error));
        else waiter?.resolve();
      }
    });
    thread.on("error", (error) => options.logger.error({ err: error }, "ingest: the processor thread failed"));
    alive = true;
    thread.on("exit", (code) => {
      alive = false;
      for (const waiter of pending.values()) waiter.reject(new Error(`the processor thread stopped (exit code ${code})`));
      pending.clear();
      if (stopping) return;
      options.logger.error({ code }, "ingest: the processor thread stopped; starting another");
      room.lost();
      setTimeout(() => {
        if (!stopping) worker = spawn();
      }, RESTART_MS).unref();
    });
    return thread;
  }

  const post = (message: ToProcessor) => worker.postMessage(message);
  const ask = (type: "drain" | "stop") =>
    new Promise<void>((resolve, reject) => {
      if (!alive) {
        reject(new Error("the processor thread is starting again"));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      post({ type, id });
    });

  return {
    poke: () => post({ type: "poke" }),
    hasRoom: () => room.hasRoom(),
    handOver(receipt) {
      room.added();
      post({ type: "receipt", receipt });
    },
    drain: () => ask("drain"),
    async stop() {
      stopping = true;
      if (!alive) return;
      try {
        await ask("stop");
      } finally {
        await worker.terminate();
      }
    },
  };
}
