import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlowWorld, type FlowWorld } from "../../support/flow-world.ts";

describe("flow inbound-delay-response: late shipment → orders at risk → options → approval → customers told", {
  timeout: 60_000,
}, () => {
  let w: FlowWorld;
  beforeAll(async () => {
    w = await createFlowWorld();
  }, 120_000);
  afterAll(() => w?.close());

  it("changes what is within its autonomy on its own, then asks a CSR to release the customer notices", async () => {
    // Due 4 December: only SO-1 (promised the 3rd, 40 × 9.00) is at risk; 360.00 is within autonomy.
    const runId = await w.start("inbound-delay-response", { shipment_external_id: "ASN-9", new_eta: "2026-12-04T00:00:00Z" });
    await w.until(runId, ["waiting"]);
    expect(w.erpWrites("/orders/SO-1/changes")[0]?.json).toMatchObject({
      lines: [{ option: "reallocate", from_location: "DC2" }],
    });
    const task = await w.openTask(runId);
    expect(task.title).toBe("Send 1 delay notices for shipment ASN-9?");
    expect(task.context.proposal.messages[0]).toMatchObject({ to: "orders@baxter.test", subject: "Your order SO-1" });
    expect(w.smtp.received.some((mail) => mail.subject === "Your order SO-1")).toBe(false);
    await w.as("csr")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "send" });
    expect((await w.until(runId, ["succeeded"])).run.output).toMatchObject({ notified: true });
    const notice = w.smtp.received.find((mail) => mail.subject === "Your order SO-1");
    expect(notice?.text).toContain("shipping from our DC2 warehouse instead");
  });

  it("asks for approval by the value at risk, proposing the best recovery per line, and carries out what is approved", async () => {
    const runId = await w.start("inbound-delay-response", { shipment_external_id: "ASN-9", new_eta: "2026-12-20T12:00:00Z" });
    await w.until(runId, ["waiting"]);
    const task = await w.openTask(runId);
    const lines = task.context.proposal.lines as {
      order_number: string;
      recovery: { option: string; from_location?: string; ship_now?: string };
    }[];
    // SO-1 and SO-3 (I-1): Houston has 500 → reallocate. SO-2 (10 × I-3): Dallas has 4 → split.
    expect(lines.find((line) => line.order_number === "SO-3")?.recovery).toMatchObject({
      option: "reallocate",
      from_location: "DC2",
    });
    expect(lines.find((line) => line.order_number === "SO-2")?.recovery).toMatchObject({ option: "split", ship_now: "4" });
    // 40 × 9.00 + 10 × 8.00 + 150 × 9.00 at risk.
    expect(task.context.money).toEqual({ amount_minor: 179_000, currency: "USD" });
    expect(task.context.policy.approver_role).toBe("csr");

    await w.as("csr")("POST", `/api/v1/tasks/${task.id}/decision`, { option: "approve" });
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toMatchObject({ affected: 3, carried_out: true });
    expect(w.erpWrites("/orders/SO-2/changes")[0]?.json).toMatchObject({
      lines: [{ option: "split", ship_now: "4", ship_later: "6" }],
    });
    expect(w.erpWrites("/orders/SO-3/changes")).toHaveLength(1);
    expect(
      w.smtp.received
        .filter((mail) => mail.envelope.to.includes("buy@globex.test"))
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual(["Your order SO-2", "Your order SO-3"]);
  });

  it("does nothing when the new arrival is still in time", async () => {
    const runId = await w.start("inbound-delay-response", { shipment_external_id: "ASN-9", new_eta: "2026-12-02T08:00:00Z" });
    const { run } = await w.until(runId, ["succeeded"]);
    expect(run.output).toEqual({ affected: 0 });
  });
});
