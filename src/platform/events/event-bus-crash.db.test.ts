import { randomInt } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../db/tenant-scope.ts";
import { platformMigrations } from "../index.ts";
import { type Child, startChild } from "../testing/child-process.ts";
import { createDurableTestDatabase, type DurableTestDatabase } from "../testing/durable-test-database.ts";
import { appendEvents } from "./event-log.ts";

const CHILD = new URL("../testing/event-crash-child.ts", import.meta.url);
const PROCESS_ENV = { CROSSDOCK_EXECUTOR_ID: "event-crash-executor", CROSSDOCK_APP_VERSION: "event-crash-1", LOG_LEVEL: "warn" };
const TENANT = "ten_crash";
const TRANSACTIONS = 20;
const EVENTS_PER_TRANSACTION = 10;
const KILLS = 2;

type Handled = { event_id: string; deliveries: number; attempts: number };

describe(`events handled by a process killed mid-way (${process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite on disk"})`, () => {
  let database: DurableTestDatabase;
  const children: Child[] = [];
  const start = () => {
    const child = startChild(CHILD, { env: { ...database.env, ...PROCESS_ENV } });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    database = await createDurableTestDatabase([platformMigrations], async (db) => {
      await db.pool.query(`create schema crash_test;
        grant usage on schema crash_test to crossdock_app;
        create table crash_test.orders (tenant_id text not null, id text primary key);
        select platform.isolate_by_tenant('crash_test.orders');
        create table crash_test.handled (event_id text primary key, delivery text not null, deliveries int not null, attempts int not null)`);
    });
  });
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await database?.drop();
  });

  it("handles every event exactly once, however often the process dies", async () => {
    // Each transaction makes a change and appends its events with it (the outbox).
    const appended = await database.use(async (db) => {
      const ids: string[] = [];
      for (let order = 0; order < TRANSACTIONS; order++) {
        const orderId = `order-${order}`;
        const batch = await withTenant(db, TENANT, async (tx) => {
          await tx.execute(sql`insert into crash_test.orders (tenant_id, id) values (${TENANT}, ${orderId})`);
          return appendEvents(
            tx,
            Array.from({ length: EVENTS_PER_TRANSACTION }, (_, line) => ({
              tenantId: TENANT,
              type: "crash_test.order_line.added",
              subjectType: "order",
              subjectId: orderId,
              payload: { line },
            })),
          );
        });
        ids.push(...batch);
      }
      return ids;
    });

    // Kill the process at a random point while it is handling events: after it has been allowed
    // a random number of handlings and has done a random part of them, the rest still in flight.
    const plan: string[] = [];
    const handledBeforeFinish = new Set<string>();
    // First, a kill at a random moment of the first dispatch pass, before anything is handled:
    // the runs enqueued so far must neither be lost nor enqueued twice.
    const early = start();
    await early.waitFor("ready", { timeoutMs: 60_000 });
    const after = randomInt(0, 600);
    plan.push(`first: killed ${after} ms after ready`);
    await delay(after);
    await early.kill();
    for (let round = 0; round < KILLS; round++) {
      const child = start();
      await child.waitFor("ready", { timeoutMs: 60_000 });
      const granted = randomInt(10, 41);
      const killAfter = randomInt(1, granted + 1);
      plan.push(`round ${round}: granted ${granted}, killed after ${killAfter} handled`);
      child.send({ type: "grant", count: granted });
      await child.waitForCount("handled", killAfter, 60_000);
      await child.kill();
      for (const message of child.messages) if (message.type === "handled") handledBeforeFinish.add(String(message.eventId));
    }
    // The kills came mid-way: the permits granted so far cover fewer handlings than there are events.
    expect(handledBeforeFinish.size, plan.join("; ")).toBeLessThan(appended.length);

    const last = start();
    await last.waitFor("ready", { timeoutMs: 60_000 });
    last.send({ type: "finish" });
    await last.waitFor("drained", { timeoutMs: 90_000 });
    expect(await last.exitCode()).toBe(0);

    await database.use(async (db) => {
      const handled = (await db.pool.query<Handled>("select event_id, deliveries, attempts from crash_test.handled")).rows;
      // None missing, none extra.
      expect(handled.map((row) => row.event_id).sort(), plan.join("; ")).toEqual([...appended].sort());
      // None delivered twice. (A step interrupted between its insert and DBOS's checkpoint runs
      // again; `attempts` counts those reruns of the same delivery, which its key makes harmless.)
      expect(
        handled.filter((row) => row.deliveries !== 1),
        plan.join("; "),
      ).toEqual([]);

      // One run per event, finished, with its one step recorded once.
      const runs = await db.pool.query<{ workflow_uuid: string; status: string; steps: string }>(
        `select s.workflow_uuid, s.status, (select count(*) from dbos.operation_outputs o where o.workflow_uuid = s.workflow_uuid) as steps
           from dbos.workflow_status s where s.name = 'event.crash-test'`,
      );
      expect(runs.rows.map((run) => run.workflow_uuid).sort()).toEqual(appended.map((id) => `crash-test:${id}`).sort());
      expect(runs.rows.filter((run) => run.status !== "SUCCESS" || Number(run.steps) !== 1)).toEqual([]);
    });
  }, 180_000);
});
