import type { PendingRecord } from "./assemble-records.ts";
import type { Batch, BatchResult } from "./send-batch.ts";

export type BatcherDeps = {
  send: (batch: Batch, batchNumber: number) => Promise<BatchResult>;
  /** Records per batch. */
  size: number;
  /** A batch goes early when its JSON would grow past this. */
  maxBytes: number;
  /** Called with each batch's answer, in batch order. */
  onResult: (result: BatchResult) => Promise<void>;
};

const empty = (): Batch => ({ records: [], json: [], bytes: 2 });

/**
 * Collects records into batches and sends them in order, one at a time, while the next batch is
 * read and mapped. Batch boundaries depend only on the records, so a re-run of the same file
 * makes the same batches (and so the same idempotency keys).
 */
export function createBatcher(deps: BatcherDeps) {
  let batch = empty();
  let inFlight: Promise<void> | undefined;
  let sent = 0;

  async function settle() {
    const sending = inFlight;
    inFlight = undefined;
    await sending;
  }

  async function flush() {
    await settle();
    if (batch.records.length === 0) return;
    const sending = batch;
    batch = empty();
    sent += 1;
    inFlight = deps.send(sending, sent).then(deps.onResult);
    // Awaited at the next flush; this only keeps a failure from counting as unhandled meanwhile.
    inFlight.catch(() => undefined);
  }

  return {
    async add(pending: PendingRecord): Promise<void> {
      const json = JSON.stringify(pending.record);
      if (batch.records.length > 0 && batch.bytes + json.length + 1 > deps.maxBytes) await flush();
      batch.records.push(pending);
      batch.json.push(json);
      batch.bytes += json.length + 1;
      if (batch.records.length >= deps.size) await flush();
    },
    /** Sends what is left and waits for every answer. */
    async finish(): Promise<void> {
      await flush();
      await settle();
    },
    /** After a failure: waits for the batch on its way, so what it did is still counted. */
    async abandon(): Promise<void> {
      await inFlight?.catch(() => undefined);
    },
    /** Batches sent (or on their way). */
    sent: () => sent,
  };
}
