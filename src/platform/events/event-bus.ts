import { DBOS } from "@dbos-inc/dbos-sdk";
import type { Database } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import type { StoredEvent } from "./event-log.ts";

/**
 * A subscriber handles each matching event once. Its `handle` runs as the body of a durable
 * workflow whose id is `<subscriber>:<event id>`: if the process dies mid-way, the run resumes
 * from its last finished step on restart, and a second dispatch of the same event is a no-op.
 * Side effects inside `handle` belong in `DBOS.runStep`, so they are not repeated on resume.
 */
export type EventSubscriber = {
  name: string;
  /** Event types to receive; a trailing `*` matches a prefix (`records.*`). */
  types: string[];
  handle(event: StoredEvent): Promise<void>;
};

export type EventBus = {
  /** Register before the workflow engine launches. */
  subscribe(subscriber: EventSubscriber): void;
  /** Starts dispatching; call after the workflow engine has launched. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Reads and dispatches everything committed so far; resolves when nothing is left. */
  drain(): Promise<number>;
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

function matches(patterns: string[], type: string): boolean {
  return patterns.some((pattern) => (pattern.endsWith("*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type));
}

export function createEventBus(deps: { db: Database; logger: Logger; pollMs?: number }): EventBus {
  const { db } = deps;
  const logger = deps.logger.child({ component: "event-bus" });
  const pollMs = deps.pollMs ?? 250;
const QUEUE = "crossdock.events";
  const subscribers: { subscriber: EventSubscriber; workflow: (event: StoredEvent) => Promise<void> }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

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

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await dispatchBatch();
      total += count;
      if (count < BATCH) return total;
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      running = drain();
      try {
        await running;
      } catch (error) {
        logger.error({ err: error }, "event dispatch failed; retrying");
      } finally {
        running = undefined;
        schedule();
      }
    }, pollMs);
  }

  return {
    subscribe(subscriber) {
      const workflow = DBOS.registerWorkflow(async (event: StoredEvent) => subscriber.handle(event), {
        name: `event.${subscriber.name}`,
      });
      subscribers.push({ subscriber, workflow });
    },
    async start() {
      if (subscribers.length === 0 || !stopped) return;
      await DBOS.registerQueue(QUEUE, { concurrency: 8 });
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
    drain,
  };
}

function toEvent(row: EventRow): StoredEvent {
  return {
    seq: row.seq,
    txId: row.tx_id,
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    payload: row.payload,
    actor: row.actor,
    requestId: row.request_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
  };
}
