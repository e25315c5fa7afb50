import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../platform/testing/test-database.ts";
import { databaseBefore } from "../testing/schema-before.ts";

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
  let drop: () => Promise<void>;

  beforeAll(async () => {
    // The workflows schema as it was before 0003, with a run whose timeline the old engine wrote.
    const before = await databaseBefore(3);
    ({ test, drop } = before);
    await test.db.pool.query(`insert into workflows.runs (tenant_id, id, flow, flow_version, title, status, stage, input, started_by)
      values ('ten_a', 'run_1', 'toy', 1, 'A toy run', 'cancelled', 'start', '{}', 'user:usr_ops')`);
    for (const event of BEFORE) {
      await test.db.pool.query(
        `insert into workflows.run_events (tenant_id, id, run_id, kind, label, detail, actor)
         values ('ten_a', $1, 'run_1', $2, $3, $4::jsonb, $5)`,
        [event.id, event.kind, event.label, JSON.stringify(event.detail), event.actor],
      );
    }
    await before.upgrade();
  });
  afterAll(async () => {
    await drop?.();
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
