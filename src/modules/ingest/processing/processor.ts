import { sql } from "drizzle-orm";
import { withSystem } from "../../../platform/db/tenant-scope.ts";
import { HandOverRoom } from "./handover-room.ts";
import { type PassLoop, startPassLoop } from "./pass-loop.ts";
import { BATCH, type ClaimedReceipt, commitPass, type PreparedPass, type ProcessDeps, preparePass } from "./process-receipts.ts";

/**
 * How long a receipt handed over at storing is held by the process that stored it. Should that
 * process die first, any process claims the receipt once this has passed.
 */
export const HANDED_OVER_LEASE_SECONDS = 20;
/** How long receipts stored unleased (by another process, a replay) may wait while hand-overs keep passes busy. */
const CLAIM_EVERY_MS = 500;
/** A pass with fewer receipts handed over than this waits up to LINGER_MS for more (unless a claim is due). */
const LINGER_BELOW = 100;
const LINGER_MS = 20;

export type Processor = Omit<PassLoop, "poke"> & {
  /** Something was stored or replayed: look in the table now rather than at the next tick. */
  poke(): void;
  /**
   * Whether a receipt stored now may be handed over (stored leased to this process). Once the
   * room is full, the answer stays no until the table is caught up.
   */
  hasRoom(): boolean;
  /** A receipt this process stored with a lease of HANDED_OVER_LEASE_SECONDS: processed from memory, not read back. */
  handOver(receipt: ClaimedReceipt): void;
};

/** The processor as the thread it runs in sees it: `accept` takes a receipt another thread counted as handed over. */
export type LocalProcessor = Processor & { accept(receipt: ClaimedReceipt): void };

/**
 * Processes stored receipts in the background. Webhooks this process stored are handed over with
 * their payload, leased to it as they were stored, so they are not claimed and read back from the
 * table; everything else (stored by another process, replayed, or left by a process that died) is
 * claimed from the table, at once when poked and at least every CLAIM_EVERY_MS while hand-overs
 * keep passes busy. Other processes lease different receipts.
 *
 * A pass reads and maps its receipts while the pass before it writes, and writes after it, so
 * records are written in the order their webhooks arrived. When hand-overs overflow, later webhooks
 * are stored unleased; hand-overs then stop until the table is caught up, so a newer payload of a
 * record is never written before an older one waiting in the table.
 */
export function startProcessor(deps: ProcessDeps, room: HandOverRoom = new HandOverRoom()): LocalProcessor {
  let waiting: ClaimedReceipt[] = [];
  let lastClaim = 0;
  let claimSoon = true;
  let wake: (() => void) | undefined;
  /** The pass writing now; the next one writes after it. */
  let writing: Promise<void> = Promise.resolve();
  const failed = (error: unknown) =>
    deps.logger.error({ err: error }, "ingest: a processing pass failed; its receipts are retried when their lease ends");

  const pass = async (): Promise<number> => {
    if (waiting.length > 0 && waiting.length < LINGER_BELOW && !claimSoon) {
      // A pass costs a few transactions however few receipts it holds: a moment's wait fills it.
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, LINGER_MS);
      });
      wake = undefined;
    }
    const handedOver = waiting.splice(0, BATCH);
    room.taken(handedOver.length);
    const claim = claimSoon || room.fromTable || performance.now() - lastClaim >= CLAIM_EVERY_MS;
    if (claim) {
      claimSoon = false;
      lastClaim = performance.now();
    } else if (handedOver.length === 0) {
      return 0;
    }
    let prepared: PreparedPass;
    try {
      prepared = await preparePass(deps, handedOver, claim);
    } catch (error) {
      // Their leases end, and they are claimed from the table like any other.
      if (handedOver.length > 0) claimSoon = true;
      throw error;
    }
    // The table is caught up once a claim finds fewer than it could take, with no hand-over waiting or on its way.
    if (room.fromTable && room.outstanding === 0 && claim && prepared.claimed < BATCH - handedOver.length) room.caughtUp();
    const before = writing;
    writing = (async () => {
      await before;
      await commitPass(deps, prepared);
    })().catch((error: unknown) => {
      if (handedOver.length > 0) claimSoon = true;
      failed(error);
    });
    // The next pass reads and maps while this one writes, but not before the one before has written.
    await before;
    return prepared.receipts;
  };
  const loop = startPassLoop(pass, failed);
  const accept = (receipt: ClaimedReceipt) => {
    waiting.push(receipt);
    if (waiting.length >= LINGER_BELOW) wake?.();
    loop.poke();
  };
  return {
    poke() {
      claimSoon = true;
      loop.poke();
    },
    hasRoom: () => room.hasRoom(),
    handOver(receipt) {
      room.added();
      accept(receipt);
    },
    accept,
    async drain() {
      claimSoon = true;
      await loop.drain();
      await writing;
    },
    async stop() {
      await loop.stop();
      await writing;
      // What was handed over and not processed goes back to the table now, not when its lease ends.
      const left = waiting.map((receipt) => receipt.id);
      waiting = [];
      room.taken(left.length);
      if (left.length === 0) return;
      await withSystem(deps.db, (tx) =>
        tx.execute(sql`update ingest.receipts set leased_until = null, attempts = attempts - 1
                        where status = 'received' and id in (select jsonb_array_elements_text(${JSON.stringify(left)}::jsonb))`),
      );
    },
  };
}
