import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlowWorld, type FlowWorld } from "../../support/flow-world.ts";

const proposal = (quantity: string, unitCost: string, item = "I-1") => ({
  supplier_external_id: "S-1",
  location_external_id: "DC1",
  currency: "USD",
  order_date: "2026-12-01",
  lines: [{ item_external_id: item, quantity, uom: "EA", unit_cost: unitCost, reason: "stockout risk on 2026-12-09" }],
});

describe("flow replenishment-approval: proposals → buyer approval in bulk → purchase orders", { timeout: 60_000 }, () => {
  let w: FlowWorld;
  beforeAll(async () => {
    w = await createFlowWorld();
  }, 120_000);
  afterAll(() => w?.close());

  it("places a small proposal within autonomy at once", async () => {
    const runId = await w.start("replenishment-approval", proposal("20", "8.00"));
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ placed: true, autonomous: true });
  });

  it("rounds up to the supplier's multiple, asks a buyer above the limit, and places what the bulk approval kept", async () => {
    const runs = [
      await w.start("replenishment-approval", proposal("395", "8.00")),
      await w.start("replenishment-approval", proposal("600", "20.00", "I-2")),
    ];
    for (const runId of runs) await w.until(runId, ["waiting"]);
    const tasks = await Promise.all(runs.map((runId) => w.openTask(runId)));
    expect(tasks[0].summary).toContain("I-1: 395 rounded up to 400 (multiples of 10)");
    const inbox = await w.as("buyer")("GET", "/api/v1/tasks");
    expect(inbox.body.data.map((task: { id: string }) => task.id)).toEqual(expect.arrayContaining(tasks.map((task) => task.id)));
    const bulk = await w.as("buyer")("POST", "/api/v1/tasks/decisions", {
      task_ids: tasks.map((task) => task.id),
      option: "approve",
    });
    expect(bulk.body.results.map((result: { ok: boolean }) => result.ok)).toEqual([true, true]);
    for (const runId of runs) expect((await w.until(runId, ["succeeded"])).run.output).toMatchObject({ placed: true });
    const placed = w
      .erpWrites("/purchase-orders")
      .map((request) => request.json as { total_amount: string; lines: { quantity: string }[] });
    expect(placed.some((order) => order.lines[0]?.quantity === "400" && order.total_amount === "3200.00")).toBe(true);
    expect(placed.some((order) => order.total_amount === "12000.00")).toBe(true);
  });
});
