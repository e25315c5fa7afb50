import { copyFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../platform/db/migrations.ts";
import { platformMigrations } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../governance/index.ts";
import { workflowsMigrations } from "../index.ts";

/** Timeline entries as the engine wrote them before 0003: who did it, in the label's words. */
const BEFORE = [
  { id: "rev_1", kind: "cancelled", label: "Cancelled by olga@acme.test", actor: "user:usr_ops", detail: { reason: "gone" } },
  { id: "rev_2", kind: "retried", label: "Retried stage decided by olga@acme.test", actor: "user:usr_ops", detail: {} },
  { id: "rev_3", kind: "resumed", label: 'bea@acme.test chose "Approve"', actor: "user:usr_bea", detail: { option: "approve" } },
  { id: "rev_4", kind: "resumed", label: 'cy@acme.test chose "Reject" for bo@acme.test', actor: "user:usr_cy", detail: {} },
  { id: "rev_5", kind: "resumed", label: "Event shipment.delivered:s1 arrived", actor: "api_key:key_1", detail: {} },
  { id: "rev_6", kind: "cancelled", label: "Cancelled", actor: "operator:cli", detail: {} },
];

describe("migration 0003: who did something moves out of the timeline's words", () => {
  let test: TestDatabase;
  let before: string;

  beforeAll(async () => {
    // The workflows schema as it was before 0003, with a run whose timeline the old engine wrote.
    before = await mkdtemp(path.join(os.tmpdir(), "crossdock-workflows-0002-"));
    const folder = fileURLToPath(workflowsMigrations.directory);
    for (const name of ["0001-workflows.sql", "0002-run-functions.sql"]) {
      await copyFile(path.join(folder, name), path.join(before, name));
    }
    test = await createTestDatabase([
      platformMigrations,
      governanceMigrations,
      { module: "workflows", directory: pathToFileURL(`${before}/`) },
    ]);
    await test.db.pool.query(`insert into workflows.runs (tenant_id, id, flow, flow_version, title, status, stage, input, started_by)
      values ('ten_a', 'run_1', 'toy', 1, 'A toy run', 'cancelled', 'start', '{}', 'user:usr_ops')`);
    for (const event of BEFORE) {
      await test.db.pool.query(
        `insert into workflows.run_events (tenant_id, id, run_id, kind, label, detail, actor)
         values ('ten_a', $1, 'run_1', $2, $3, $4::jsonb, $5)`,
        [event.id, event.kind, event.label, JSON.stringify(event.detail), event.actor],
      );
    }
    await migrate(test.db, [platformMigrations, governanceMigrations, workflowsMigrations]);
  });
  afterAll(async () => {
    await test?.drop();
    if (before) await rm(before, { recursive: true, force: true });
  });

  it("keeps what happened in the label, and who did it beside the actor", async () => {
    const { rows } = await test.db.pool.query(
      "select id, kind, label, actor, actor_label, detail from workflows.run_events order by id",
    );
    expect(rows).toEqual([
      {
        id: "rev_1",
        kind: "cancelled",
        label: "Cancelled",
        actor: "user:usr_ops",
        actor_label: "olga@acme.test",
        detail: { reason: "gone" },
      },
      {
        id: "rev_2",
        kind: "retried",
        label: "Retried stage decided",
        actor: "user:usr_ops",
        actor_label: "olga@acme.test",
        detail: {},
      },
      {
        id: "rev_3",
        kind: "resumed",
        label: 'Chose "Approve"',
        actor: "user:usr_bea",
        actor_label: "bea@acme.test",
        detail: { option: "approve" },
      },
      {
        id: "rev_4",
        kind: "resumed",
        label: 'Chose "Reject"',
        actor: "user:usr_cy",
        actor_label: "cy@acme.test",
        detail: { on_behalf_of: "bo@acme.test" },
      },
      // Entries that never named anyone in their words stay as they were.
      {
        id: "rev_5",
        kind: "resumed",
        label: "Event shipment.delivered:s1 arrived",
        actor: "api_key:key_1",
        actor_label: null,
        detail: {},
      },
      { id: "rev_6", kind: "cancelled", label: "Cancelled", actor: "operator:cli", actor_label: null, detail: {} },
    ]);
  });
});
