import { isUtf8 } from "node:buffer";
import { type SQL, sql } from "drizzle-orm";
import { BatchesPerKey } from "../../../platform/batches-per-key.ts";
import type { Database } from "../../../platform/db/database.ts";
import { readAsTenant, writeAsTenant } from "../../../platform/db/tenant-scope.ts";

/** A verified payload to keep, as the receipt row it becomes. */
export type NewReceipt = {
  tenantId: string;
  id: string;
  sourceId: string;
  deliveryId: string;
  receivedAt: string;
  contentType: string | null;
  body: Buffer;
  sha256: string;
  /** Set when the receipt is handed to this process's processor as it is stored. */
  leasedUntil: string | null;
  attempts: number;
};

export type StoredReceipt = { receiptId: string; duplicate: boolean };

type Pending = { receipt: NewReceipt; resolve: (stored: StoredReceipt) => void; reject: (error: unknown) => void };

/** Enough receipts per statement to absorb a burst; few enough to keep one statement quick. */
const MAX_BATCH = 200;

/**
 * Stores receipts, batching those that arrive together: a tenant has one insert in flight at a
 * time, and receipts that arrive meanwhile go together as the next one (BatchesPerKey), one
 * statement for all of them (planned once, where a statement each was planned each time: most of
 * what storing a webhook cost the database). A lone receipt goes at once. Each is stored once per
 * (source, delivery id); a delivery stored before, or twice in one batch, is answered with the
 * first receipt. A batch that fails is tried again receipt by receipt, so each is answered for itself.
 */
export class ReceiptBatches {
  readonly #db: Database;
  readonly #batches: BatchesPerKey<Pending>;

  constructor(db: Database) {
    this.#db = db;
    this.#batches = new BatchesPerKey<Pending>({
      max: MAX_BATCH,
      send: (tenantId, batch) => this.#send(tenantId, batch),
      fail: (pending, error) => pending.reject(error),
    });
  }

  store(receipt: NewReceipt): Promise<StoredReceipt> {
    return new Promise((resolve, reject) => this.#batches.add(receipt.tenantId, { receipt, resolve, reject }));
  }

  async #send(tenantId: string, batch: Pending[]): Promise<void> {
    // One row per (source, delivery): a repeat within the batch is answered with the first's receipt.
    const firstOf = new Map<string, Pending>();
    const repeats: [Pending, Pending][] = [];
    for (const pending of batch) {
      const key = `${pending.receipt.sourceId}\u0000${pending.receipt.deliveryId}`;
      const first = firstOf.get(key);
      if (first) repeats.push([pending, first]);
      else firstOf.set(key, pending);
    }
    const unique = [...firstOf.values()];
    const [result] = await writeAsTenant(this.#db, tenantId, [insertStatement(tenantId, unique)]);
    const answered = new Map(
      ((result?.rows ?? []) as { offered: string; id: string | null; duplicate: boolean }[]).map((row) => [row.offered, row]),
    );
    const stored = new Map<Pending, Promise<StoredReceipt>>();
    for (const pending of unique) {
      const row = answered.get(pending.receipt.id);
      stored.set(
        pending,
        row?.id ? Promise.resolve({ receiptId: row.id, duplicate: row.duplicate }) : this.#storedMeanwhile(pending.receipt),
      );
    }
    for (const [pending, answer] of stored) answer.then(pending.resolve, pending.reject);
    for (const [repeat, first] of repeats) {
      (stored.get(first) as Promise<StoredReceipt>).then(
        (answer) => repeat.resolve({ receiptId: answer.receiptId, duplicate: true }),
        repeat.reject,
      );
    }
  }

  /** The same delivery stored at the same moment by another process: its receipt is visible now. */
  async #storedMeanwhile(receipt: NewReceipt): Promise<StoredReceipt> {
    const [again] = await readAsTenant<{ id: string }>(
      this.#db,
      receipt.tenantId,
      sql`select id from ingest.receipts where source_id = ${receipt.sourceId} and delivery_id = ${receipt.deliveryId}`,
    );
    if (!again) throw new Error(`the receipt of delivery ${receipt.deliveryId} was neither stored nor found`);
    return { receiptId: again.id, duplicate: true };
  }
}

/**
 * A payload as bytea input text: UTF-8 text without NUL as itself (backslashes doubled, bytea's
 * escape format), half the size of hex, which is kept for anything else.
 */
function byteaText(body: Buffer): string {
  if (body.indexOf(0) === -1 && isUtf8(body)) return body.toString("utf8").replaceAll("\\", "\\\\");
  return `\\x${body.toString("hex")}`;
}

/**
 * Inserts the receipts not stored yet, and answers, for each one offered, the receipt that holds
 * its delivery: the new one, or the one stored before (`duplicate`).
 */
function insertStatement(tenantId: string, receipts: readonly Pending[]): SQL {
  const values = sql.join(
    receipts.map(
      ({ receipt: r }) =>
        sql`(${r.id}, ${r.sourceId}, ${r.deliveryId}, ${r.receivedAt}::timestamptz, ${r.contentType}::text,
             ${byteaText(r.body)}::bytea, ${r.sha256}, ${r.leasedUntil}::timestamptz, ${r.attempts}::int)`,
    ),
    sql`, `,
  );
  return sql`
    with arrived (id, source_id, delivery_id, received_at, content_type, body, body_sha256, leased_until, attempts) as (values ${values}),
    inserted as (
      insert into ingest.receipts (tenant_id, id, source_id, delivery_id, received_at, content_type, body, body_sha256, status,
                                   leased_until, attempts)
      select ${tenantId}, id, source_id, delivery_id, received_at, content_type, body, body_sha256, 'received', leased_until, attempts
        from arrived
      on conflict (source_id, delivery_id) do nothing
      returning id)
    select a.id as offered, coalesce(i.id, r.id) as id, i.id is null as duplicate
      from arrived a
      left join inserted i on i.id = a.id
      left join ingest.receipts r on i.id is null and r.source_id = a.source_id and r.delivery_id = a.delivery_id`;
}

const batchesByDatabase = new WeakMap<Database, ReceiptBatches>();

/** The receipt batches of a database: one per process, shared by every source. */
export function receiptBatchesOf(db: Database): ReceiptBatches {
  let batches = batchesByDatabase.get(db);
  if (!batches) {
    batches = new ReceiptBatches(db);
    batchesByDatabase.set(db, batches);
  }
  return batches;
}
