import { sql } from "drizzle-orm";
import { withSystem } from "../../../platform/db/tenant-scope.ts";
import { type PassLoop, startPassLoop } from "./pass-loop.ts";
import { BATCH, type ClaimedReceipt, type ProcessDeps, processDueReceipts } from "./process-receipts.ts";

/**
 * How long a receipt handed over at storing is held by the process that stored it. Should that
 * process die first, any process claims the receipt once this has passed.
 */
export const HANDED_OVER_LEASE_SECONDS = 20;
/** Receipts waiting in memory at most; beyond that a webhook is stored unleased and claimed from the table. */
const HANDOVER_ROOM = 2_000;
/** A pass with fewer receipts handed over than this waits up to LINGER_MS for more (unless a claim is due). */
const LINGER_BELOW = 100;
const LINGER_MS = 20;
/** How long receipts stored unleased (by another process, a replay, an overflow) may wait while hand-overs keep a pass busy. */
const CLAIM_EVERY_MS = 500;

export type Processor = Omit<PassLoop, "poke"> & {
  /** Something was stored or replayed: look in the table now rather than at the next tick. */
  poke(): void;
  /** Whether a receipt stored now may be handed over (stored leased to this process). */
  hasRoom(): boolean;
  /** A receipt this process stored with a lease of HANDED_OVER_LEASE_SECONDS: processed from memory, not read back. */
  handOver(receipt: ClaimedReceipt): void;
};

/**
 * Processes stored receipts in the background. Webhooks this process stored are handed over with
 * their payload, leased to it as they were stored, so they are not claimed and read back from the
 * table; everything else (stored by another process, replayed, or left by a process that died) is
 * claimed from the table, at once when poked and at least every CLAIM_EVERY_MS while hand-overs
 * keep passes busy. Other processes lease different receipts.
 */
export function startProcessor(deps: ProcessDeps): Processor {
  let waiting: ClaimedReceipt[] = [];
  let lastClaim = 0;
  let claimSoon = true;
  let wake: (() => void) | undefined;
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
    const claim = claimSoon || performance.now() - lastClaim >= CLAIM_EVERY_MS;
    if (claim) {
      claimSoon = false;
      lastClaim = performance.now();
    } else if (handedOver.length === 0) {
      return 0;
    }
    try {
      const { processed, quarantined } = await processDueReceipts(deps, handedOver, claim);
      return processed + quarantined;
    } catch (error) {
      // Their leases end, and they are claimed from the table like any other.
      if (handedOver.length > 0) claimSoon = true;
      throw error;
    }
  };
  const loop = startPassLoop(pass, (error) =>
    deps.logger.error({ err: error }, "ingest: a processing pass failed; its receipts are retried when their lease ends"),
  );
  return {
    poke() {
      claimSoon = true;
      loop.poke();
    },
    hasRoom: () => waiting.length < HANDOVER_ROOM,
    handOver(receipt) {
      waiting.push(receipt);
      if (waiting.length >= LINGER_BELOW) wake?.();
      loop.poke();
    },
    drain() {
      claimSoon = true;
      return loop.drain();
    },
    async stop() {
      await loop.stop();
      // What was handed over and not processed goes back to the table now, not when its lease ends.
      const left = waiting.map((receipt) => receipt.id);
      waiting = [];
      if (left.length === 0) return;
      await withSystem(deps.db, (tx) =>
        tx.execute(sql`update ingest.receipts set leased_until = null, attempts = attempts - 1
                        where status = 'received' and id in (select jsonb_array_elements_text(${JSON.stringify(left)}::jsonb))`),
      );
    },
  };
}
