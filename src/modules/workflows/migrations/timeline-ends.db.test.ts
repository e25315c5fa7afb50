import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../platform/testing/test-database.ts";
import { getRun } from "../runs/get-run.ts";
import { databaseBefore } from "../testing/schema-before.ts";

const timelineOf = async (test: TestDatabase, runId: string) =>
  (await getRun(test.db, "ten_a", runId, { steps: false })).timeline.map((event) => `${event.kind}:${event.label}`);

describe("migration 0006: a run's first and last timeline entries come from its row", () => {
  let test: TestDatabase;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    // The workflows schema as it was before 0006, with runs whose first and last entries were stored.
    const before = await databaseBefore(6);
    ({ test, drop } = before);
    const at = "2026-12-01T10:00:00Z";
    await test.db.pool.query(`
      select workflows.record_run('ten_a', 'run_done', 'toy', 1, 'Done before', '{}', null, 'user:usr_ops', 'olga@acme.test',
        '${at}', '[]', 'rev_1', 'Started Toy (v1)');
      select workflows.finish_run('run_done', 1, '{}', '{"ok": true}', '${at}', 'rev_2');
      select workflows.record_run('ten_a', 'run_open', 'toy', 1, 'Running across the upgrade', '{}', null, 'user:usr_ops',
        'olga@acme.test', '${at}', '[]', 'rev_3', 'Started Toy (v1)');`);
    await before.upgrade();
  });
  afterAll(async () => {
    await drop?.();
  });

  it("shows a run recorded before it with its stored entries, once each", async () => {
    expect(await timelineOf(test, "run_done")).toEqual(["started:Started Toy (v1)", "succeeded:Finished"]);
  });

  it("finishes a run started before it with one last entry", async () => {
    await test.db.pool.query(`select workflows.finish_run('run_open', 1, '{}', '{"ok": 2}', now())`);
    const run = await getRun(test.db, "ten_a", "run_open", { steps: false });
    expect(run.timeline.map((event) => `${event.kind}:${event.label}`)).toEqual([
      "started:Started Toy (v1)",
      "succeeded:Finished",
    ]);
    expect(run.timeline.at(-1)?.detail).toEqual({ output: { ok: 2 } });
  });

  it("reads a new run's entries from its row: who started it, and its output", async () => {
    await test.db.pool.query(`
      select workflows.record_run('ten_a', 'run_new', 'toy', 2, 'After', '{}', null, 'user:usr_bea', 'bea@acme.test',
        '2026-12-02T09:00:00Z', '[]', 'Started Toy (v2)');
      insert into workflows.run_events (tenant_id, id, run_id, kind, label, actor) values ('ten_a', 'rev_9', 'run_new', 'stage', 'Stage decided', null);
      select workflows.finish_run('run_new', 1, '{}', '{"n": 3}', '2026-12-02T09:00:01Z');`);
    expect(
      await test.db.pool.query("select count(*)::int as n from workflows.run_events where run_id = 'run_new'"),
    ).toMatchObject({
      rows: [{ n: 1 }],
    });
    const { run, timeline } = await getRun(test.db, "ten_a", "run_new", { steps: false });
    expect(run.status).toBe("succeeded");
    expect(timeline).toEqual([
      {
        at: "2026-12-02T09:00:00.000Z",
        kind: "started",
        label: "Started Toy (v2)",
        detail: {},
        actor: "user:usr_bea",
        actor_label: "bea@acme.test",
      },
      expect.objectContaining({ kind: "stage", label: "Stage decided" }),
      {
        at: "2026-12-02T09:00:01.000Z",
        kind: "succeeded",
        label: "Finished",
        detail: { output: { n: 3 } },
        actor: null,
        actor_label: null,
      },
    ]);
  });
});
