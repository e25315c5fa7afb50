import { setTimeout as delay } from "node:timers/promises";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import type { Database, Tx } from "../db/database.ts";
import { withSystem } from "../db/tenant-scope.ts";
import type { Logger } from "../logger.ts";
import type { EventHeader, StoredEvent } from "./event-log.ts";

/**
 * A subscriber handles each matching event once. Its `handle` runs as the body of a durable
 * workflow whose id is `<subscriber>:<event id>`: if the process dies mid-way, the run resumes
 * from its last finished step on restart, and a second dispatch of the same event is a no-op.
 *
 * Side effects inside `handle` belong in `DBOS.runStep`: a finished step is never run again. A
 * step is run at least once, though: if the process dies after a step's effect but before DBOS
 * has recorded the step, the step runs again on resume. So make each effect idempotent, keyed by
 * the event id (or `DBOS.workflowID` and `DBOS.stepID`): an upsert, an insert that ignores a
 * duplicate key, an Idempotency-Key header on a call out. A handler that throws leaves its run in
 * status ERROR, with the event as input, for someone to look at and resume; it is not retried.
 */
export type EventSubscriber = {
  name: string;
  /** Event types to receive; a trailing `*` matches a prefix (`records.*`). */
  types: string[];
  handle(event: StoredEvent): Promise<void>;
};

/**
 * A relay moves events into other tables, a batch at a time: `handle` runs in the transaction that
 * moves the relay's own cursor past the batch, so its writes and the cursor commit together, once
 * per event, without a durable workflow per event. Database work only: nothing that calls out.
 * Used to fan events out to work queues (outbound webhook deliveries); `events` are the batch's
 * events of the relay's types, possibly none, without their payloads: a relay reads the payloads
 * of the events it keeps (most events of a busy tenant go nowhere, and a payload is a whole record).
 */
export type EventRelay = {
  name: string;
  types: string[];
  handle(tx: Tx, events: EventHeader[]): Promise<void>;
};

export type EventBus = {
  /** Register before the workflow engine launches: DBOS refuses new workflows after launch. */
  subscribe(subscriber: EventSubscriber): void;
  /** Registers a relay (see EventRelay); once per name. */
  relay(relay: EventRelay): void;
  /** Starts dispatching in the background; call after the workflow engine has launched. */
  start(): Promise<void>;
  /** Stops the background dispatcher and waits for a pass in progress. Call before the engine shuts down. */
  stop(): Promise<void>;
  /**
   * Dispatches every event committed before the call and waits until the subscribers' runs have
   * finished (successfully or not), including runs left over from a crash or from earlier passes,
   * and events the handlers append meanwhile. Resolves with the number of events read; rejects
   * after `timeoutMs` (default 60 s) naming the runs still unfinished. Needs a launched engine.
   */
  drain(options?: { timeoutMs?: number }): Promise<number>;
};

type EventRow = {
  seq: number;
  tx_id: string;
  id: string;
  tenant_id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  payload: Record<string, unknown>;
  actor: string | null;
  request_id: string | null;
  occurred_at: Date;
};

const CURSOR = "event-bus";
const QUEUE = "crossdock.events";
const BATCH = 500;
/** Runs of the queue that are not finished yet. */
const UNFINISHED = ["ENQUEUED", "PENDING", "DELAYED"] as const;

function matches(patterns: string[], type: string): boolean {
  return patterns.some((pattern) => (pattern.endsWith("*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type));
}

/**
 * A subscriber's durable workflow, registered once per process (DBOS refuses a name twice, and
 * registrations after launch); a later bus's subscriber of the same name replaces the handler it
 * runs: tests build several Crossdocks in one process, each with its own dependencies.
 */
const workflows = new Map<string, (event: StoredEvent) => Promise<void>>();
const handlers = new Map<string, EventSubscriber["handle"]>();

export function createEventBus(deps: { db: Database; logger: Logger; pollMs?: number }): EventBus {
  const { db } = deps;
  const logger = deps.logger.child({ component: "event-bus" });
  const pollMs = deps.pollMs ?? 250;
  const subscribers: { subscriber: EventSubscriber; workflow: (event: StoredEvent) => Promise<void> }[] = [];
  const relays: EventRelay[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let queueReady: Promise<unknown> | undefined;
  // Dispatch passes run one at a time, whoever asks (the poller or drain): two passes over the
  // same cursor would only enqueue the same runs twice.
  let lastPass: Promise<unknown> = Promise.resolve();

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = lastPass.then(work, work);
    lastPass = result.catch(() => undefined);
    return result;
  }

  function ensureQueue(): Promise<unknown> {
    // A limit per process, not a global one: a global limit makes every worker's dequeue a
    // repeatable-read transaction that collides with the others'. A poll dequeues at most the free
    // slots, so slots and poll interval set the pace: DBOS's default of 1 s would cap the bus at
    // a few events a second; measured, 32 slots polled every 50 ms handle ~200 events/s.
    queueReady ??= DBOS.registerQueue(QUEUE, { workerConcurrency: 32, minPollingIntervalMs: 50 }).catch((error: unknown) => {
      queueReady = undefined;
      throw error;
    });
    return queueReady;
  }

  async function dispatchBatch(): Promise<number> {
    const cursor = await db.pool.query<{ tx_id: string; seq: number }>(
      "select tx_id::text, seq from platform.event_cursors where subscriber = $1",
      [CURSOR],
    );
    const from = cursor.rows[0] ?? { tx_id: "0", seq: 0 };
    // Only events of transactions older than every running one, so a later commit can never
    // slip in behind the cursor (see README.md).
    const { rows } = await db.pool.query<EventRow>(
      `select seq, tx_id::text, id, tenant_id, type, subject_type, subject_id, payload, actor, request_id, occurred_at
         from platform.events
        where (tx_id, seq) > ($1::xid8, $2) and tx_id < pg_snapshot_xmin(pg_current_snapshot())
        order by tx_id, seq limit $3`,
      [from.tx_id, from.seq, BATCH],
    );
    const last = rows.at(-1);
    if (!last) return 0;
    // Runs are enqueued before the cursor moves; a crash in between enqueues the same workflow
    // ids again, which DBOS treats as the same runs. No connection is held meanwhile: on PGlite
    // there is only one, and DBOS needs it to enqueue.
    for (const row of rows) {
      const event = toEvent(row);
      for (const { subscriber, workflow } of subscribers) {
        if (!matches(subscriber.types, event.type)) continue;
        await DBOS.startWorkflow(workflow, { workflowID: `${subscriber.name}:${event.id}`, queueName: QUEUE })(event);
      }
    }
    await db.pool.query(
      `insert into platform.event_cursors (subscriber, tx_id, seq) values ($1, $2::xid8, $3)
       on conflict (subscriber) do update set tx_id = excluded.tx_id, seq = excluded.seq, updated_at = now()
       where (event_cursors.tx_id, event_cursors.seq) < (excluded.tx_id, excluded.seq)`,
      [CURSOR, last.tx_id, last.seq],
    );
    return rows.length;
  }

  /** A relay's next batch, handled and its cursor moved in one transaction; how many events were read. */
  function relayBatch(relay: EventRelay): Promise<number> {
    return withSystem(db, async (tx) => {
      await tx.execute(sql`insert into platform.event_cursors (subscriber, tx_id, seq) values (${relay.name}, '0'::xid8, 0)
                           on conflict (subscriber) do nothing`);
      // Locked, so two processes relaying at once take turns rather than handling a batch twice.
      const cursor = await tx.execute(
        sql`select tx_id::text, seq from platform.event_cursors where subscriber = ${relay.name} for update`,
      );
      const from = cursor.rows[0] as { tx_id: string; seq: number };
      const read = await tx.execute(sql`
        select seq, tx_id::text, id, tenant_id, type, subject_type, subject_id, actor, request_id, occurred_at
          from platform.events
         where (tx_id, seq) > (${from.tx_id}::xid8, ${from.seq}) and tx_id < pg_snapshot_xmin(pg_current_snapshot())
         order by tx_id, seq limit ${BATCH}`);
      const rows = read.rows as Omit<EventRow, "payload">[];
      const last = rows.at(-1);
      if (!last) return 0;
      const events = rows
        .map((row) => toHeader({ ...row, seq: Number(row.seq) }))
        .filter((event) => matches(relay.types, event.type));
      await relay.handle(tx, events);
      await tx.execute(sql`update platform.event_cursors set tx_id = ${last.tx_id}::xid8, seq = ${last.seq}, updated_at = now()
                            where subscriber = ${relay.name}`);
      return rows.length;
    });
  }

  /** One pass: reads and enqueues until nothing committed is left, and relays likewise. */
  function dispatchAll(): Promise<number> {
    return exclusive(async () => {
      let total = 0;
      for (const relay of relays) {
        for (;;) {
          const count = await relayBatch(relay);
          total += count;
          if (count < BATCH) break;
        }
      }
      // With no subscribers, moving the cursor would only skip events for the processes that have some.
      if (subscribers.length === 0) return total;
      await ensureQueue();
      for (;;) {
        const count = await dispatchBatch();
        total += count;
        if (count < BATCH) return total;
      }
    });
  }

  async function unfinishedRuns(): Promise<string[]> {
    const runs = await DBOS.listWorkflows({
      queueName: QUEUE,
      status: [...UNFINISHED],
      limit: 10,
      loadInput: false,
      loadOutput: false,
    });
    return runs.map((run) => run.workflowID);
  }

  async function drain(options: { timeoutMs?: number } = {}): Promise<number> {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    // Every transaction that had begun writing when drain was called has ended once the oldest
    // running transaction id reaches this horizon; until then its events may still commit.
    const { rows } = await db.pool.query<{ horizon: string }>("select pg_snapshot_xmax(pg_current_snapshot())::text as horizon");
    const horizon = rows[0]?.horizon ?? "0";
    let total = 0;
    for (;;) {
      // Checked before the pass reads, so that the pass sees what they promise: every transaction
      // older than the drain has ended, and every handler (and what it appended) has finished.
      const { rows: caughtUp } = await db.pool.query<{ done: boolean }>(
        "select pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 as done",
        [horizon],
      );
      const handlersDone = (await unfinishedRuns()).length === 0;
      const read = await dispatchAll();
      total += read;
      // Checked again after: a background pass that ran just before this one enqueued runs too.
      const busy = await unfinishedRuns();
      if (caughtUp[0]?.done && handlersDone && read === 0 && busy.length === 0) return total;
      if (Date.now() > deadline) {
        const waitingFor = caughtUp[0]?.done ? "" : "; a transaction begun before the drain is still open";
        throw new Error(`Event bus did not drain in time; unfinished runs: ${busy.join(", ") || "none"}${waitingFor}`);
      }
      if (read === 0) await delay(50);
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        // An engine shut down before the bus was stopped: nothing to dispatch into.
        if (DBOS.isInitialized()) await dispatchAll();
      } catch (error) {
        logger.error({ err: error }, "event dispatch failed; retrying");
      } finally {
        schedule();
      }
    }, pollMs);
    // The poller alone never keeps a process alive.
    timer.unref();
  }

  return {
    subscribe(subscriber) {
      const name = `event.${subscriber.name}`;
      handlers.set(name, subscriber.handle);
      let workflow = workflows.get(name);
      if (!workflow) {
        workflow = DBOS.registerWorkflow(async (event: StoredEvent) => (handlers.get(name) as EventSubscriber["handle"])(event), {
          name,
        });
        workflows.set(name, workflow);
      }
      subscribers.push({ subscriber, workflow });
    },
    relay(relay) {
      if (relays.some((known) => known.name === relay.name))
        throw new Error(`an event relay named ${relay.name} is registered already`);
      relays.push(relay);
    },
    async start() {
      if ((subscribers.length === 0 && relays.length === 0) || !stopped) return;
      if (subscribers.length > 0) await ensureQueue();
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await lastPass;
    },
    drain,
  };
}

function toHeader(row: Omit<EventRow, "payload">): EventHeader {
  return {
    seq: row.seq,
    txId: row.tx_id,
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actor: row.actor,
    requestId: row.request_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
  };
}

function toEvent(row: EventRow): StoredEvent {
  return { ...toHeader(row), payload: row.payload };
}
