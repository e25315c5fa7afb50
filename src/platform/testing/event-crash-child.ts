/**
 * Child process of events/event-bus-crash.db.test.ts: runs the event bus with one subscriber that
 * records each event in crash_test.handled. The parent paces it, so it can kill it mid-way for
 * certain: every handling waits for a permit (`{ type: "grant", count }`); `{ type: "finish" }`
 * lifts the gate, drains the bus, reports `drained` and exits cleanly.
 */
import { DBOS } from "@dbos-inc/dbos-sdk";
import { createEventBus } from "../events/event-bus.ts";
import { openChildPlatform } from "./child-platform.ts";
import { onParentMessage, tellParent } from "./child-process.ts";

const { db, logger, engine } = await openChildPlatform();

let permits = 0;
const waiting: (() => void)[] = [];
function release() {
  while (permits > 0 && waiting.length > 0) {
    permits--;
    waiting.shift()?.();
  }
}
const permit = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    release();
  });

const bus = createEventBus({ db, logger, pollMs: 20 });
bus.subscribe({
  name: "crash-test",
  types: ["crash_test.*"],
  async handle(event) {
    await DBOS.runStep(
      async () => {
        await permit();
        // DBOS runs a step at least once: if this process dies after the insert commits but before
        // DBOS records the step, the step runs again on restart. The key names this delivery (the
        // run and its step), so a rerun of it only counts an attempt, while a second delivery of
        // the same event (another run, another step) would count as one.
        const key = `${DBOS.workflowID}#${DBOS.stepID}`;
        await db.pool.query(
          `insert into crash_test.handled (event_id, delivery, deliveries, attempts) values ($1, $2, 1, 1)
           on conflict (event_id) do update set attempts = handled.attempts + 1,
             deliveries = handled.deliveries + (handled.delivery <> excluded.delivery)::int`,
          [event.id, key],
        );
        tellParent({ type: "handled", eventId: event.id });
      },
      { name: "record" },
    );
  },
});

onParentMessage((message) => {
  if (message.type === "grant") permits += Number(message.count);
  if (message.type === "finish") permits = Number.POSITIVE_INFINITY;
  release();
  if (message.type === "finish") void finish();
});

async function finish() {
  const read = await bus.drain({ timeoutMs: 85_000 });
  tellParent({ type: "drained", read });
  await bus.stop();
  await engine.shutdown();
  await db.close();
  process.exit(0);
}

await engine.launch();
await bus.start();
tellParent({ type: "ready" });
