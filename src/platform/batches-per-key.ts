/**
 * Batching for work that goes out one batch at a time per key (a tenant): the first item goes at
 * once, so a lone caller waits no longer than it would alone; items that arrive while a batch is in
 * flight wait for it and go together as the next (up to `max`), sharing what each batch costs
 * (a message, a plan, a commit). Items of one key go in the order they came.
 *
 * `send` answers every item of its batch, or throws; a batch that throws is sent again item by
 * item, so that each is answered for itself (the one at fault fails, the others go through), and
 * an item that fails alone is handed to `fail`.
 */
export class BatchesPerKey<T> {
  /** Keys with a batch in flight, with the items waiting for it. */
  readonly #waiting = new Map<string, T[]>();
  readonly #max: number;
  readonly #send: (key: string, batch: T[]) => Promise<void>;
  readonly #fail: (item: T, error: unknown) => void;

  constructor(options: {
    max: number;
    send: (key: string, batch: T[]) => Promise<void>;
    fail: (item: T, error: unknown) => void;
  }) {
    this.#max = options.max;
    this.#send = options.send;
    this.#fail = options.fail;
  }

  add(key: string, item: T): void {
    const waiting = this.#waiting.get(key);
    if (waiting) {
      waiting.push(item);
      return;
    }
    this.#waiting.set(key, []);
    void this.#drain(key, [item]);
  }

  async #drain(key: string, first: T[]): Promise<void> {
    const waiting = this.#waiting.get(key) as T[];
    for (let batch = first; batch.length > 0; batch = waiting.splice(0, this.#max)) {
      try {
        await this.#send(key, batch);
      } catch (error) {
        if (batch.length === 1) this.#fail(batch[0] as T, error);
        else for (const item of batch) await this.#send(key, [item]).catch((alone: unknown) => this.#fail(item, alone));
      }
    }
    this.#waiting.delete(key);
  }
}
