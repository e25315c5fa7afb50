/**
 * Child process of workflows/engine.db.test.ts. `start` starts the workflow with the given id; it
 * records step 1 in crash_test.step_runs, then waits in step 2 for a release row that only the
 * parent writes, and the parent kills this process there. `resume` starts nothing: launching the
 * engine must pick the workflow up; the child reports its result and exits cleanly.
 */
import { setTimeout as delay } from "node:timers/promises";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { openChildPlatform } from "./child-platform.ts";
import { tellParent } from "./child-process.ts";

const [mode, workflowId] = process.argv.slice(2);
if ((mode !== "start" && mode !== "resume") || !workflowId)
  throw new Error("usage: workflow-crash-child.ts start|resume <workflow id>");

const { db, engine } = await openChildPlatform();

async function recordRun(step: string): Promise<void> {
  await db.pool.query("insert into crash_test.step_runs (workflow_id, step, pid) values ($1, $2, $3)", [
    DBOS.workflowID,
    step,
    process.pid,
  ]);
}

const reserveAndConfirm = DBOS.registerWorkflow(
  async (orderId: string) => {
    const reserved = await DBOS.runStep(
      async () => {
        await recordRun("reserve");
        return `reserved ${orderId}`;
      },
      { name: "reserve" },
    );
    const confirmedBy = await DBOS.runStep(
      async () => {
        await recordRun("confirm");
        // Step 1's checkpoint is written before step 2 begins, so the parent may kill from here on.
        tellParent({ type: "waiting" });
        for (;;) {
          const { rows } = await db.pool.query<{ released_by: string }>(
            "select released_by from crash_test.releases where order_id = $1",
            [orderId],
          );
          if (rows[0]) return rows[0].released_by;
          await delay(50);
        }
      },
      { name: "confirm" },
    );
    return { reserved, confirmedBy };
  },
  { name: "crashTest.reserveAndConfirm" },
);

await engine.launch();
if (mode === "start") {
  await DBOS.startWorkflow(reserveAndConfirm, { workflowID: workflowId })("order-1");
} else {
  const result = await DBOS.retrieveWorkflow(workflowId).getResult();
  tellParent({ type: "result", result });
  await engine.shutdown();
  await db.close();
  process.exit(0);
}
