import { DBOS } from "@dbos-inc/dbos-sdk";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import { withSystem, withTenant } from "../db/tenant-scope.ts";
import { platformMigrations } from "../index.ts";
import { createLogger } from "../logger.ts";
import { createTestDatabase, type TestDatabase, usingServer } from "../testing/test-database.ts";
import { createWorkflowEngine, type WorkflowEngine } from "../workflows/engine.ts";
import { createEventBus, type EventBus } from "./event-bus.ts";
import { appendEvents, type NewEvent } from "./event-log.ts";

const TENANT = "ten_bus";
const orderEvent = (orderId: string, type = "bus_test.order.placed"): NewEvent => ({
  tenantId: TENANT,
  type,
  subjectType: "order",
  subjectId: orderId,
  payload: { orderId },
});

/** A change and its events, in one tenant transaction. */
function placeOrder(db: Database, orderId: string, events: NewEvent[]): Promise<string[]> {
  return withTenant(db, TENANT, async (tx) => {
    await tx.execute(sql`insert into bus_test.orders (tenant_id, id) values (${TENANT}, ${orderId})`);
    return appendEvents(tx, events);
  });
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** The relay below fails the batch holding this order's event, once. */
const relayFailsOnce: { order: string | undefined } = { order: undefined };

describe(`event bus (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let test: TestDatabase;
  let engine: WorkflowEngine;
  let bus: EventBus;

  /** How many times each subscriber handled each event. */
  async function handled(eventIds: string[]): Promise<Record<string, number>> {
    const { rows } = await test.db.pool.query<{ key: string; times: number }>(
      "select subscriber || ' ' || event_id as key, times from bus_test.handled where event_id = any($1) order by 1",
      [eventIds],
    );
    return Object.fromEntries(rows.map((row) => [row.key, row.times]));
  }
  const once = (subscriber: string, ids: string[]) => Object.fromEntries(ids.map((id) => [`${subscriber} ${id}`, 1]));

  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations]);
    await test.db.pool.query(`create schema bus_test;
      grant usage on schema bus_test to crossdock_app;
      create table bus_test.orders (tenant_id text not null, id text primary key);
      select platform.isolate_by_tenant('bus_test.orders');
      create table bus_test.handled (subscriber text not null, event_id text not null, times int not null, primary key (subscriber, event_id))`);
    const logger = createLogger({ level: "error" });
    const config = loadConfig({}, { databaseUrl: test.url, appVersion: "bus-test", executorId: "bus-test" });
    bus = createEventBus({ db: test.db, logger, pollMs: 20 });
    const record = (subscriber: string) => async (event: { id: string }) => {
      await DBOS.runStep(
        () =>
          test.db.pool.query(
            `insert into bus_test.handled (subscriber, event_id, times) values ($1, $2, 1)
             on conflict (subscriber, event_id) do update set times = handled.times + 1`,
            [subscriber, event.id],
          ),
        { name: "record" },
      );
    };
    bus.subscribe({ name: "every-order-event", types: ["bus_test.order.*"], handle: record("every-order-event") });
    bus.subscribe({ name: "cancellations", types: ["bus_test.order.cancelled"], handle: record("cancellations") });
    bus.relay({
      name: "cancellation-relay",
      types: ["bus_test.order.cancelled"],
      async handle(tx, events) {
        for (const event of events) {
          await tx.execute(sql`insert into bus_test.handled (subscriber, event_id, times) values ('cancellation-relay', ${event.id}, 1)
                               on conflict (subscriber, event_id) do update set times = handled.times + 1`);
        }
        if (events.some((event) => event.subjectId === relayFailsOnce.order)) {
          relayFailsOnce.order = undefined;
          throw new Error("the relay's target refused the batch");
        }
      },
    });
    engine = createWorkflowEngine({ db: test.db, config, logger });
    await engine.launch();
    await bus.start();
  });
  afterAll(async () => {
    try {
      await bus?.stop();
      await engine?.shutdown();
    } finally {
      await test?.drop();
    }
  });

  it("hands each committed event to the subscribers whose types match, once, and drain waits for them", async () => {
    const placed = await placeOrder(test.db, "o-1", [orderEvent("o-1"), orderEvent("o-1", "bus_test.order.cancelled")]);
    const other = await placeOrder(test.db, "o-2", [orderEvent("o-2", "bus_test.invoice.sent")]);
    await bus.drain({ timeoutMs: 30_000 });
    expect(await handled([...placed, ...other])).toEqual({
      ...once("every-order-event", placed),
      ...once("cancellations", [placed[1] as string]),
      ...once("cancellation-relay", [placed[1] as string]),
    });

    // Draining again finds nothing new and hands nothing out twice.
    expect(await bus.drain({ timeoutMs: 30_000 })).toBe(0);
    expect(await handled(placed)).toEqual({
      ...once("every-order-event", placed),
      ...once("cancellations", [placed[1] as string]),
      ...once("cancellation-relay", [placed[1] as string]),
    });
  });

  it("relays a batch with its cursor in one transaction: a batch that fails is relayed again, and counted once", async () => {
    relayFailsOnce.order = "o-relay";
    const cancelled = await placeOrder(test.db, "o-relay", [orderEvent("o-relay", "bus_test.order.cancelled")]);
    await bus.drain({ timeoutMs: 30_000 }).catch(() => undefined);
    await bus.drain({ timeoutMs: 30_000 });
    expect(relayFailsOnce.order).toBeUndefined();
    expect((await handled(cancelled))[`cancellation-relay ${cancelled[0]}`]).toBe(1);
  });

  it("never dispatches the events of a rolled-back transaction or savepoint", async () => {
    let rolledBack: string[] = [];
    await expect(
      withTenant(test.db, TENANT, async (tx) => {
        await tx.execute(sql`insert into bus_test.orders (tenant_id, id) values (${TENANT}, 'o-rolled-back')`);
        rolledBack = await appendEvents(tx, [orderEvent("o-rolled-back")]);
        throw new Error("payment declined");
      }),
    ).rejects.toThrow("payment declined");
    let inSavepoint: string[] = [];
    const kept = await withTenant(test.db, TENANT, async (tx) => {
      await tx.execute(sql`insert into bus_test.orders (tenant_id, id) values (${TENANT}, 'o-kept')`);
      await tx
        .transaction(async (savepoint) => {
          inSavepoint = await appendEvents(savepoint, [orderEvent("o-kept", "bus_test.order.cancelled")]);
          throw new Error("cancellation refused");
        })
        .catch(() => undefined);
      return appendEvents(tx, [orderEvent("o-kept")]);
    });
    expect(rolledBack).toHaveLength(1);
    expect(inSavepoint).toHaveLength(1);

    await bus.drain({ timeoutMs: 30_000 });
    expect(await handled([...rolledBack, ...inSavepoint, ...kept])).toEqual(once("every-order-event", kept));
    const runs = await DBOS.listWorkflows({
      workflow_id_prefix: [...rolledBack, ...inSavepoint].map((id) => `every-order-event:${id}`),
    });
    expect(runs).toEqual([]);
  });

  it("runs nothing twice when events are dispatched again, as after a crash before the cursor moved", async () => {
    const placed = await placeOrder(test.db, "o-3", [orderEvent("o-3"), orderEvent("o-3")]);
    await bus.drain({ timeoutMs: 30_000 });
    // A process that enqueued the runs but died before saving its cursor leaves exactly this.
    await bus.stop();
    await withSystem(test.db, (tx) => tx.execute(sql`update platform.event_cursors set tx_id = '0', seq = 0`));
    const read = await bus.drain({ timeoutMs: 30_000 });
    await bus.start();
    expect(read).toBeGreaterThanOrEqual(placed.length);
    expect(await handled(placed)).toEqual(once("every-order-event", placed));
  });

  // On PGlite one transaction runs at a time (a single connection), so two can never overlap there.
  it.skipIf(!usingServer())(
    "does not skip an event whose transaction began first but committed last (PostgreSQL server only: PGlite cannot run two transactions at once)",
    async () => {
      const firstAppended = deferred<string[]>();
      const letFirstCommit = deferred();
      // The first transaction takes its transaction id (with its first write) before the second begins…
      const first = withTenant(test.db, TENANT, async (tx) => {
        await tx.execute(sql`insert into bus_test.orders (tenant_id, id) values (${TENANT}, 'o-slow')`);
        firstAppended.resolve(await appendEvents(tx, [orderEvent("o-slow")]));
        await letFirstCommit.promise;
      });
      const slow = await firstAppended.promise;
      // …and the second commits while the first is still open.
      const fast = await placeOrder(test.db, "o-fast", [orderEvent("o-fast")]);

      // Events behind an open transaction wait for it: a cursor moved past the second's events now
      // would pass over the first's when they commit. drain() says so instead of returning.
      await expect(bus.drain({ timeoutMs: 1_000 })).rejects.toThrow(/still open/);
      expect(await handled(fast)).toEqual({});

      letFirstCommit.resolve();
      await first;
      await bus.drain({ timeoutMs: 30_000 });
      expect(await handled([...slow, ...fast])).toEqual(once("every-order-event", [...slow, ...fast]));
    },
  );
});
