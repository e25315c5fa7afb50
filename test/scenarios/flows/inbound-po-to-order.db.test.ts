import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFlowWorld, type FlowWorld } from "../../support/flow-world.ts";

const po = (overrides: Record<string, unknown> = {}) => ({
  source: { type: "edi_850", ref: "ISA-000000101" },
  customer_external_id: "C-100",
  customer_po_number: `BAX-${Math.random().toString(36).slice(2, 8)}`,
  order_date: "2026-12-01",
  lines: [{ line_number: 1, item_external_id: "I-1", quantity: "10", uom: "EA", unit_price: "9.00" }],
  acknowledge: { via: "edi" },
  ...overrides,
});

describe("flow inbound-po-to-order: customer PO → sales order in the ERP → acknowledgment", { timeout: 60_000 }, () => {
  let w: FlowWorld;
  beforeAll(async () => {
    w = await createFlowWorld();
  }, 120_000);
  afterAll(() => w?.close());
  beforeEach(() => {
    w.erp.answer((_request, count) => ({ status: 201, body: { data: { id: `SO-${1000 + count}` } } }));
    w.edi.answer(() => ({ status: 200, body: { received: true } }));
  });

  it("writes a small, clean PO on its own at the contract price, and answers the 850 with an 855", async () => {
    const input = po();
    const runId = await w.start("inbound-po-to-order", input);
    const { run, actions } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ outcome: "ordered", order_number: expect.stringMatching(/^SO-\d+$/) });
    const orders = w
      .erpWrites("/orders")
      .filter((request) => (request.json as { customer_po_number?: string }).customer_po_number === input.customer_po_number);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.json).toMatchObject({
      customer_external_id: "C-100",
      lines: [{ item_external_id: "I-1", quantity: "10", unit_price: "9" }],
    });
    expect(orders[0]?.headers.authorization).toBe("Bearer erp-token-123456");
    const x12 = w.edi.received.find((request) => request.body.includes(input.customer_po_number));
    expect(x12?.body).toMatch(/ST\*855\*/);
    expect(x12?.body).toMatch(/ACK\*IA\*/);
    expect(actions.map((action: { kind: string; status: string }) => `${action.kind}:${action.status}`).sort()).toEqual([
      "edi.send:succeeded",
      "sales_order.create:succeeded",
    ]);
    expect(actions[0].decision.policies.length).toBeGreaterThan(0);
  });

  it("asks a CSR above the autonomy limit; the requester may not approve their own PO; the approval covers the email", async () => {
    const input = po({
      source: { type: "email", ref: "msg-42" },
      lines: [{ line_number: 1, customer_part_number: "BAX-BRG-2", quantity: "500", uom: "EA" }],
      acknowledge: { via: "email", email: "orders@baxter.test" },
      requested_by: { type: "user", id: w.userIds.csr2, label: "cass@acme.test" },
    });
    const runId = await w.start("inbound-po-to-order", input);
    await w.until(runId, ["waiting"]);
    const task = await w.openTask(runId);
    expect(task).toMatchObject({
      assignee: { type: "role", id: "csr" },
      context: { money: { amount_minor: 1_500_000, currency: "USD" }, policy: { approver_role: "csr" } },
    });
    expect(task.context.proposal.lines[0]).toMatchObject({
      item_external_id: "I-2",
      price_source: "list_price",
      unit_price: "30",
    });
    expect(
      w
        .erpWrites("/orders")
        .some((request) => (request.json as { customer_po_number?: string }).customer_po_number === input.customer_po_number),
    ).toBe(false);

    const own = await w.as("csr2")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve" });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/your own request/);
    const viewer = await w.as("viewer")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve" });
    expect(viewer.status).toBe(403);

    const approved = await w.as("csr")("POST", `/api/v1/tasks/${task.id}/decision`, {
      option: "approve",
      comment: "checked with Baxter",
    });
    expect(approved.status).toBe(200);
    const { run, actions } = await w.until(runId, ["succeeded"]);
    expect(run.output.outcome).toBe("ordered");
    expect(actions.find((action: { kind: string }) => action.kind === "sales_order.create").approval).toMatchObject({
      approved_by: { id: w.userIds.csr },
      task_id: task.id,
    });
    const email = w.smtp.received.find(
      (mail) => mail.envelope.to.includes("orders@baxter.test") && mail.subject.includes(input.customer_po_number as string),
    );
    expect(email?.envelope.to).toEqual(["orders@baxter.test"]);
    expect(email?.text).toContain(run.output.order_number);
    const again = await w.as("csr")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve" });
    expect(again.status).toBe(409);
  });

  it("gives a CSR the lines the records cannot place, and checks their correction against the records again", async () => {
    const input = po({
      lines: [{ line_number: 1, customer_part_number: "NO-SUCH-PART", quantity: "2", uom: "EA", unit_price: "12.50" }],
    });
    const runId = await w.start("inbound-po-to-order", input);
    await w.until(runId, ["waiting"]);
    const task = await w.openTask(runId);
    expect(task.summary).toContain("No item for the customer's part NO-SUCH-PART");
    const lines = task.context.proposal.lines.map((line: Record<string, unknown>) => ({ ...line, item_external_id: "I-4" }));
    const decided = await w.as("csr")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve", edits: { lines } });
    expect(decided.status).toBe(200);
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output.outcome).toBe("ordered");
    const order = w
      .erpWrites("/orders")
      .find((request) => (request.json as { customer_po_number?: string }).customer_po_number === input.customer_po_number);
    expect(order?.json).toMatchObject({ lines: [{ item_external_id: "I-4", unit_price: "12.5" }] });
  });

  it("refuses a customer that policy blocks, writing nothing and sending nothing", async () => {
    const input = po({ customer_external_id: "C-666" });
    const runId = await w.start("inbound-po-to-order", input);
    const { run, actions } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ outcome: "rejected", customer_told: false });
    expect(run.output.reason).toMatch(/Policy does not allow/);
    expect(actions).toEqual([]);
  });

  it("fails the run when the ERP keeps answering 500, having written nothing", async () => {
    w.erp.answer(() => ({ status: 500, body: { error: "database is down" } }));
    const input = po();
    const runId = await w.start("inbound-po-to-order", input);
    const { run, actions } = await w.until(runId, ["failed"]);
    expect(run.error).toMatch(/create-order/);
    expect(actions.map((action: { status: string }) => action.status)).toEqual(["failed"]);
    const attempts = w.erp.received.filter(
      (request) => (request.json as { customer_po_number?: string } | undefined)?.customer_po_number === input.customer_po_number,
    );
    expect(attempts.length).toBeGreaterThan(1);
    expect(new Set(attempts.map((request) => request.headers["idempotency-key"])).size).toBe(1);
  });

  it("cancels the order again when the acknowledgment cannot be sent", async () => {
    w.edi.answer(() => ({ status: 400, body: { error: "unknown trading partner" } }));
    const input = po();
    const runId = await w.start("inbound-po-to-order", input);
    const { run, actions, timeline } = await w.until(runId, ["failed"]);
    const created = actions.find((action: { kind: string }) => action.kind === "sales_order.create");
    expect(created.status).toBe("compensated");
    expect(w.erp.received.some((request) => request.path === `/orders/${created.result.external_id}/cancel`)).toBe(true);
    expect(run.error).toMatch(/acknowledge/);
    expect(timeline.map((event: { kind: string }) => event.kind)).toEqual(
      expect.arrayContaining(["step_failed", "compensation", "failed"]),
    );
  });
});
