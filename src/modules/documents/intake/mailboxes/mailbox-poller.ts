import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { PollOutcome } from "./mailbox-contract.ts";
import { activeMailboxRows } from "./mailbox-store.ts";
import { type PollDeps, pollMailbox } from "./poll-mailbox.ts";

export type PollerDeps = PollDeps & {
  /** How often the mailboxes are looked at for one due (its last poll is poll_seconds old). */
  tickMs?: number | undefined;
  /** Mailboxes polled at once by this process. */
  concurrency?: number | undefined;
};

/**
 * Polls every tenant's active mailboxes, each when its last poll is `poll_seconds` old (from the
 * database: restarts and other processes keep the rhythm; a lease keeps two from polling one
 * mailbox at once). Each poll runs on its own: a mailbox that fails or is slow (bounded by the
 * connection timeouts) records its error and holds up no other.
 */
export function createMailboxPoller(deps: PollerDeps) {
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const tickMs = deps.tickMs ?? 5_000;
  const concurrency = deps.concurrency ?? 4;
  const inFlight = new Map<string, Promise<PollOutcome>>();
  let runs = 0;
  // Aborted by stop(): polls in flight stop between two messages. A new one serves after it.
  let closing = new AbortController();
  let looping = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;

  /** Polls the mailbox after any poll of it this process has in flight. */
  function poll(tenantId: string, id: string, signal?: AbortSignal): Promise<PollOutcome> {
    const key = `${tenantId}/${id}`;
    const before = inFlight.get(key) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(() => pollMailbox(deps, tenantId, id, `${owner}:${++runs}`, signal));
    inFlight.set(key, next);
    const forget = () => {
      if (inFlight.get(key) === next) inFlight.delete(key);
    };
    next.then(forget, forget);
    return next;
  }

  async function tick(signal: AbortSignal): Promise<void> {
    const now = deps.clock().getTime();
    const due = (await activeMailboxRows(deps.db)).filter(
      (row) =>
        !inFlight.has(`${row.tenant_id}/${row.id}`) &&
        (row.last_polled_at === null || new Date(row.last_polled_at).getTime() + row.poll_seconds * 1000 <= now),
    );
    for (const row of due) {
      if (signal.aborted || inFlight.size >= concurrency) return;
      poll(row.tenant_id, row.id, signal).catch((error) =>
        deps.logger.error({ err: error, tenant: row.tenant_id, mailbox: row.id }, "mailbox: poll could not be recorded"),
      );
    }
  }

  function schedule(signal: AbortSignal, delayMs: number) {
    if (signal.aborted) return;
    timer = setTimeout(() => {
      ticking = tick(signal)
        .catch((error) => deps.logger.error({ err: error }, "mailboxes: cannot read the mailboxes"))
        .finally(() => {
          ticking = undefined;
          schedule(signal, tickMs);
        });
    }, delayMs);
    timer.unref();
  }

  return {
    poll: (tenantId: string, id: string) => poll(tenantId, id, closing.signal),
    /** Wakes the loop now (a mailbox was added or changed). */
    poke() {
      if (!looping || ticking) return;
      clearTimeout(timer);
      schedule(closing.signal, 0);
    },
    start() {
      if (looping) return;
      looping = true;
      schedule(closing.signal, 0);
    },
    /** Stops the loop; resolves when the polls in flight have stopped (each between two messages). */
    async stop() {
      const current = closing;
      closing = new AbortController();
      looping = false;
      current.abort();
      clearTimeout(timer);
      await ticking;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
