/** Receipts handed over and not yet taken by a pass, at most; beyond that webhooks are stored unleased and claimed from the table. */
export const HANDOVER_ROOM = 2_000;

const OUTSTANDING = 0;
const FROM_TABLE = 1;

/**
 * The room for hand-overs (receipts a webhook stored leased to this process, passed to its
 * processor in memory): how many are on their way to the processor or waiting in it, and whether
 * hand-overs have stopped until the table is caught up. Kept in shared memory, so the thread that
 * answers webhooks and the thread that processes them (processor-thread.ts) read one state: the
 * first decides at once whether a webhook may be handed over, the second lets hand-overs start
 * again once a claim finds the table caught up.
 */
export class HandOverRoom {
  readonly #state: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.#state = new Int32Array(buffer);
  }

  /** For another thread's HandOverRoom over the same state. */
  get buffer(): SharedArrayBuffer {
    return this.#state.buffer as SharedArrayBuffer;
  }

  /**
   * Whether a receipt stored now may be handed over. Once the room is full the answer stays no
   * until the table is caught up, so a newer payload is never processed before an older one
   * waiting in the table.
   */
  hasRoom(): boolean {
    if (Atomics.load(this.#state, FROM_TABLE) === 1) return false;
    if (Atomics.load(this.#state, OUTSTANDING) < HANDOVER_ROOM) return true;
    Atomics.store(this.#state, FROM_TABLE, 1);
    return false;
  }

  /** One more handed over. */
  added(): void {
    Atomics.add(this.#state, OUTSTANDING, 1);
  }

  /** Taken by a pass, or given back to the table. */
  taken(count: number): void {
    if (count > 0) Atomics.sub(this.#state, OUTSTANDING, count);
  }

  get outstanding(): number {
    return Atomics.load(this.#state, OUTSTANDING);
  }

  /** Hand-overs overflowed: everything goes through the table until it is caught up. */
  get fromTable(): boolean {
    return Atomics.load(this.#state, FROM_TABLE) === 1;
  }

  caughtUp(): void {
    Atomics.store(this.#state, FROM_TABLE, 0);
  }

  /** The processor is gone with what it held (its leases bring those back): start again from the table. */
  lost(): void {
    Atomics.store(this.#state, OUTSTANDING, 0);
    Atomics.store(this.#state, FROM_TABLE, 1);
  }
}
