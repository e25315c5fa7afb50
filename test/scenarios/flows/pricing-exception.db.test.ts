import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFlowWorld, type FlowWorld } from "../../support/flow-world.ts";

describe("flow pricing-exception: a price below the floor → manager approval", { timeout: 60_000 }, () => {
  let w: FlowWorld;
  beforeAll(async () => {
    w = await createFlowWorld();
  }, 120_000);
  afterAll(() => w?.close());

  beforeEach(() => w.erp.answer(() => ({ status: 201, body: { received: true } })));

  const requester = () => ({ type: "user", id: w.userIds.csr, label: "cy@acme.test" });

  it("lets a price at or above the contract price through untouched", async () => {
    const runId = await w.start("pricing-exception", {
      sales_order_external_id: "SO-1",
      line_number: 1,
      proposed_unit_price: "9.00",
      requested_by: requester(),
    });
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ within_policy: true, floor: "9.00" });
  });

  it("sends a price below the floor to an operations manager; a CSR cannot approve it; approved, it is written", async () => {
    const runId = await w.start("pricing-exception", {
      sales_order_external_id: "SO-1",
      line_number: 1,
      proposed_unit_price: "7.50",
      reason: "match a competitor",
      requested_by: requester(),
    });
    await w.until(runId, ["waiting"]);
    const task = await w.openTask(runId);
    // 1.50 below the 9.00 floor on 40 units.
    expect(task).toMatchObject({
      assignee: { type: "role", id: "operations_manager" },
      context: { money: { amount_minor: 6000 } },
    });
    expect(task.summary).toContain("7.50 USD a unit is below the floor of 9.00 (contract price 9.00 (agreement PA-1))");
    const csr = await w.as("csr2")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve" });
    expect(csr.status).toBe(403);
    await w.as("ops")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve", comment: "one-off" });
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ approved: true });
    expect(w.erpWrites("/orders/SO-1/changes")[0]?.json).toMatchObject({
      line_number: 1,
      unit_price: "7.50",
      reason: "match a competitor",
    });
  });

  it("fails a run on an order that is not in the records, saying which, asking nobody and writing nothing", async () => {
    const before = w.erp.received.length;
    const runId = await w.start("pricing-exception", {
      sales_order_external_id: "SO-GONE",
      line_number: 1,
      proposed_unit_price: "7.50",
      requested_by: requester(),
    });
    const { run, actions } = await w.until(runId, ["failed"]);
    expect(run.error).toBe("Step price-floor failed: No sales_order with external id SO-GONE from erp was found");
    expect(actions).toEqual([]);
    const tasks = await w.operator("GET", `/api/v1/tasks?view=all&run_id=${runId}`);
    expect(tasks.body.data).toEqual([]);
    expect(w.erp.received.length).toBe(before);
  });

  it("fails, with the ERP's reason and the approval kept, when the order was deleted in the ERP while it waited", async () => {
    const runId = await w.start("pricing-exception", {
      sales_order_external_id: "SO-1",
      line_number: 1,
      proposed_unit_price: "7.00",
      requested_by: requester(),
    });
    await w.until(runId, ["waiting"]);
    const task = await w.openTask(runId);
    w.erp.answer(() => ({ status: 404, body: { error: "sales order SO-1 does not exist" } }));
    const decided = await w.as("ops")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve" });
    expect(decided.status).toBe(200);
    const { run, actions } = await w.until(runId, ["failed"]);
    expect(run.error).toMatch(/write-price/);
    expect(run.error).toMatch(/404/);
    expect(actions.map((action: { status: string }) => action.status)).toEqual(["failed"]);
    const { task: after } = await (await w.operator("GET", `/api/v1/tasks/${task.id}`)).body;
    expect(after).toMatchObject({ status: "approved", decision: { option: "approve" } });
  });
});
