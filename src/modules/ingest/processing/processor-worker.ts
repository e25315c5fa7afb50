import { parentPort, workerData } from "node:worker_threads";
import { openPostgres } from "../../../platform/db/postgres.ts";
import { createLogger } from "../../../platform/logger.ts";
import { lowerThreadPriority } from "../../../platform/thread-priority.ts";
import { createRecords } from "../../records/index.ts";
import type { IngestMetrics } from "../metrics.ts";
import { HandOverRoom } from "./handover-room.ts";
import { startProcessor } from "./processor.ts";
import type { ProcessorThreadData, ToProcessor } from "./processor-messages.ts";

/**
 * The processor thread (processor-thread.ts): a processor of its own, on connections of its own,
 * taking the receipts the webhook thread hands over, and saying what it processed for the metrics.
 */
const data = workerData as ProcessorThreadData;
const port = parentPort;
if (!port) throw new Error("processor-worker.ts runs as a worker thread");
const logger = createLogger({ level: data.logLevel, name: "crossdock-processor" });
// Webhooks are answered on the main thread; when both cores are busy they go first, and processing
// takes what is left (the accept latency's tail was 10-20 ms shorter in the ingest bench).
const priority = lowerThreadPriority(10);
if (!priority.lowered) logger.info(`processor thread: runs at the process's priority, as ${priority.reason}`);
const db = await openPostgres(data.databaseUrl, data.poolSize, (error) =>
  logger.error({ err: error }, "processor thread: database connection error"),
);
const metrics: IngestMetrics = {
  webhookAnswered: () => undefined,
  processed: (outcome, count) => {
    if (count > 0) port.postMessage({ type: "processed", outcome, count });
  },
};
const processor = startProcessor(
  { db, records: createRecords({ db }), logger, clock: () => new Date(), metrics },
  new HandOverRoom(data.room),
);
port.on("message", (message: ToProcessor) => {
  switch (message.type) {
    case "receipt":
      processor.accept(message.receipt);
      return;
    case "poke":
      processor.poke();
      return;
    case "drain":
      processor.drain().then(
        () => port.postMessage({ type: "done", id: message.id }),
        (error: unknown) => port.postMessage({ type: "done", id: message.id, error: String(error) }),
      );
      return;
    case "stop":
      processor
        .stop()
        .finally(() => db.close())
        .then(
          () => port.postMessage({ type: "done", id: message.id }),
          (error: unknown) => port.postMessage({ type: "done", id: message.id, error: String(error) }),
        );
      return;
  }
});
port.postMessage({ type: "ready" });
