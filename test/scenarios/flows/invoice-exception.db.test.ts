import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlowWorld, type FlowWorld } from "../../support/flow-world.ts";

describe("flow invoice-exception: three-way match → buyer review → approve, short-pay or dispute", { timeout: 60_000 }, () => {
  let w: FlowWorld;
  beforeAll(async () => {
    w = await createFlowWorld();
  }, 120_000);
  afterAll(() => w?.close());

  it("posts an invoice that matches its PO and receipts, without anyone", async () => {
    const runId = await w.start("invoice-exception", { invoice_external_id: "AP-GOOD" });
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ outcome: "posted", matched: true });
    expect(w.erpWrites("/ap-invoices/AP-GOOD/post")).toHaveLength(1);
  });

  it("holds a mismatched invoice and gives the buyer the mismatches, the justified amount and a drafted dispute", async () => {
    const runId = await w.start("invoice-exception", { invoice_external_id: "AP-BAD" });
    await w.until(runId, ["waiting"]);
    expect(w.erpWrites("/ap-invoices/AP-BAD/hold")).toHaveLength(1);
    const task = await w.openTask(runId);
    expect(task).toMatchObject({ assignee: { type: "role", id: "buyer" } });
    expect(task.options.map((option: { id: string }) => option.id)).toEqual(["approve", "short_pay", "dispute"]);
    expect(task.summary).toContain("Billed 50 EA but 40 received");
    expect(task.summary).toContain("Billed at 5.50 a unit; the PO says 5.00");
    // 40 received × 5.00 = 200.00 justified of 275.00 billed.
    expect(task.context.proposal).toMatchObject({ short_pay_amount: "200.00", dispute_email: { to: "sales@northline.test" } });
    expect(task.context.money).toEqual({ amount_minor: 7500, currency: "USD" });

    const csr = await w.as("csr")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "short_pay" });
    expect(csr.status).toBe(403);
    const decided = await w.as("buyer")("POST", `/api/v1/tasks/${task.id}/decision`, {
      option: "short_pay",
      edits: { short_pay_amount: "195.00" },
    });
    expect(decided.status).toBe(200);
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ outcome: "short_paid", amount: "195.00" });
    expect(w.erpWrites("/ap-invoices/AP-BAD/release")).toHaveLength(1);
    expect(w.erpWrites("/ap-invoices/AP-BAD/short-pay")[0]?.json).toMatchObject({ amount: "195.00", currency: "USD" });
  });

  it("disputes with the supplier by email, the invoice staying on hold", async () => {
    const runId = await w.start("invoice-exception", { invoice_external_id: "AP-BAD" });
    await w.until(runId, ["waiting"]);
    const task = await w.openTask(runId);
    const noReason = await w.as("buyer")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "dispute" });
    expect(noReason.status).toBe(422);
    await w.as("buyer")("POST", `/api/v1/tasks/${task.id}/decision`, {
      option: "dispute",
      comment: "Please credit 10 units and the price difference.",
    });
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ outcome: "disputed", on_hold: true });
    const email = w.smtp.received.find((mail) => mail.envelope.to.includes("sales@northline.test"));
    expect(email?.subject).toBe("Invoice AP-BAD (PO PO-77): disputed");
    expect(email?.text).toContain("Billed 50 EA but 40 received");
    expect(email?.text).toContain("Please credit 10 units");
  });
});
