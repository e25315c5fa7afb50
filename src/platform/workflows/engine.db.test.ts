import { DBOS } from "@dbos-inc/dbos-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { platformMigrations } from "../index.ts";
import { createLogger } from "../logger.ts";
import { type Child, startChild } from "../testing/child-process.ts";
import { createDurableTestDatabase, type DurableTestDatabase } from "../testing/durable-test-database.ts";
import { createTestDatabase, usingServer } from "../testing/test-database.ts";
import { createWorkflowEngine } from "./engine.ts";

const CHILD = new URL("../testing/workflow-crash-child.ts", import.meta.url);
const WORKFLOW_ID = "wf_crash_test_reserve_and_confirm";
// A restarted process recovers the runs of its own executor id and application version only.
const PROCESS_ENV = { CROSSDOCK_EXECUTOR_ID: "crash-test-executor", CROSSDOCK_APP_VERSION: "crash-test-1", LOG_LEVEL: "warn" };

type StepRun = { step: string; pid: number };

describe(`a workflow interrupted by a killed process (${process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite on disk"})`, () => {
  let database: DurableTestDatabase;
  const children: Child[] = [];
  const start = (mode: "start" | "resume") => {
    const child = startChild(CHILD, { args: [mode, WORKFLOW_ID], env: { ...database.env, ...PROCESS_ENV } });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    database = await createDurableTestDatabase([platformMigrations], async (db) => {
      await db.pool.query(`create schema crash_test;
        create table crash_test.step_runs (run serial primary key, workflow_id text not null, step text not null, pid int not null);
        create table crash_test.releases (order_id text primary key, released_by text not null)`);
    });
  });
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await database?.drop();
  });

  it("resumes after its last finished step when the process starts again, and runs that step once", async () => {
    const first = start("start");
    await first.waitFor("waiting", { timeoutMs: 60_000 });
    await first.kill();

    // The run is left mid-way: step 1 done, step 2 begun, the workflow still pending.
    await database.use(async (db) => {
      const status = await db.pool.query<{ status: string; application_version: string; executor_id: string }>(
        "select status, application_version, executor_id from dbos.workflow_status where workflow_uuid = $1",
        [WORKFLOW_ID],
      );
      expect(status.rows).toEqual([
        { status: "PENDING", application_version: "crash-test-1", executor_id: "crash-test-executor" },
      ]);
      // What step 2 waits for arrives while no process is running.
      await db.pool.query("insert into crash_test.releases (order_id, released_by) values ('order-1', 'parent')");
    });

    const second = start("resume");
    const { result } = await second.waitFor("result", { timeoutMs: 60_000 });
    expect(result).toEqual({ reserved: "reserved order-1", confirmedBy: "parent" });
    expect(await second.exitCode()).toBe(0);

    await database.use(async (db) => {
      const runs = await db.pool.query<StepRun>(
        "select step, pid from crash_test.step_runs where workflow_id = $1 order by run",
        [WORKFLOW_ID],
      );
      // Step 1 ran once, in the killed process; step 2 began there and ran again after the restart.
      expect(runs.rows).toEqual([
        { step: "reserve", pid: first.pid },
        { step: "confirm", pid: first.pid },
        { step: "confirm", pid: second.pid },
      ]);
      const status = await db.pool.query<{ status: string }>("select status from dbos.workflow_status where workflow_uuid = $1", [
        WORKFLOW_ID,
      ]);
      expect(status.rows).toEqual([{ status: "SUCCESS" }]);
    });
  }, 180_000);
});

// Registered before any launch, as DBOS requires.
let stepRuns = 0;
const double = DBOS.registerWorkflow(
  async (value: number) =>
    DBOS.runStep(
      async () => {
        stepRuns++;
        return value * 2;
      },
      { name: "double" },
    ),
  { name: "engineTest.double" },
);

describe(`the workflow engine in this process (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("launches, shuts down and launches again, keeping what ran before", async () => {
    const test = await createTestDatabase([platformMigrations]);
    const config = loadConfig({}, { databaseUrl: test.url, appVersion: "engine-test", executorId: "engine-test" });
    const engine = createWorkflowEngine({ db: test.db, config, logger: createLogger({ level: "error" }) });
    try {
      await engine.launch();
      await engine.launch();
      expect(await (await DBOS.startWorkflow(double, { workflowID: "wf_engine_test_1" })(21)).getResult()).toBe(42);
      await engine.shutdown();
      expect(DBOS.isInitialized()).toBe(false);

      await engine.launch();
      expect(await (await DBOS.startWorkflow(double, { workflowID: "wf_engine_test_2" })(5)).getResult()).toBe(10);
      // Starting the first run again answers with its recorded result; nothing runs twice.
      expect(await (await DBOS.startWorkflow(double, { workflowID: "wf_engine_test_1" })(21)).getResult()).toBe(42);
      expect(stepRuns).toBe(2);
    } finally {
      await engine.shutdown().finally(() => test.drop());
    }
  });

  it("refuses a server database without DATABASE_URL rather than let DBOS pick a default one", async () => {
    const serverDb = {
      kind: "postgres" as const,
      pool: undefined as never,
      orm: undefined as never,
      description: "a server",
      close: async () => {},
    };
    const engine = createWorkflowEngine({ db: serverDb, config: loadConfig({}), logger: createLogger({ level: "warn" }) });
    await expect(engine.launch()).rejects.toMatchObject({ code: "config_invalid" });
    expect(DBOS.isInitialized()).toBe(false);
  });
});
