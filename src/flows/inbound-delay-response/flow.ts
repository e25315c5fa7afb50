import { z } from "zod";
import { type FlowDefinition, PermanentError, type RunContext, type TaskResumption } from "../../modules/workflows/index.ts";
import type { FlowDeps } from "../deps.ts";
import { approvalTask } from "../shared/approval.ts";
import { Requester, SourceSystem } from "../shared/flow-inputs.ts";
import { formatMoney } from "../shared/money.ts";
import { decide, type FlowWrite, UNDO_ACTION, undoAction, write } from "../shared/write.ts";
import { affectedOrders } from "./affected-orders.ts";
import { type PlannedLine, recoveryOptions } from "./recovery-options.ts";

const Input = z.object({
  source_system: SourceSystem,
  shipment_external_id: z.string().min(1),
  /** The new arrival, when the event reports one; otherwise the shipment's own estimate. */
  new_eta: z.string().min(10).optional(),
  requested_by: Requester.default({ type: "system", id: "shipment-monitor", label: "inbound shipment monitor" }),
});
type Input = z.infer<typeof Input>;
type Run = RunContext<Input, FlowDeps>;

type Plan = {
  shipment_number: string;
  supplier_external_id: string | null;
  eta: string;
  lines: PlannedLine[];
  at_risk_minor: number;
  currency: string;
};

const byOrder = (lines: readonly PlannedLine[]) => {
  const orders = new Map<string, PlannedLine[]>();
  for (const line of lines) orders.set(line.order_external_id, [...(orders.get(line.order_external_id) ?? []), line]);
  return orders;
};

const planWrite = (plan: Plan): FlowWrite => ({
  kind: "sales_order.update",
  connector: "erp",
  payload: { shipment: plan.shipment_number, changes: plan.lines.length },
  facts: { amount_minor: plan.at_risk_minor, currency: plan.currency, confidence: 1 },
  summary: `Recover ${plan.lines.length} order lines at risk from late shipment ${plan.shipment_number}`,
});

/** The plan's changes to customer orders, each written to the ERP. */
async function applyChanges(run: Run, plan: Plan, approval?: TaskResumption): Promise<string[]> {
  const written: string[] = [];
  for (const [orderId, lines] of byOrder(plan.lines)) {
    const changes = lines.filter((line) => line.recovery.option !== "expedite");
    if (changes.length === 0) continue;
    const action = await write(
      run,
      `update-order:${orderId}`,
      {
        kind: "sales_order.update",
        connector: "erp",
        payload: {
          order_external_id: orderId,
          order_number: lines[0]?.order_number,
          lines: changes.map((line) => ({
            line_number: line.line_number,
            item_external_id: line.item_external_id,
            quantity: line.quantity,
            ...line.recovery,
          })),
        },
        facts: {
          confidence: 1,
          amount_minor: changes.reduce((sum, line) => sum + line.value_minor, 0),
          currency: plan.currency,
          ...(lines[0] ? { customer_external_id: lines[0].customer_external_id } : {}),
        },
        summary: `Order ${lines[0]?.order_number}: ${changes.map((line) => `line ${line.line_number} ${line.recovery.option}`).join(", ")}`,
      },
      approval,
    );
    written.push(action.id);
  }
  return written;
}

/** The messages the plan sends: the supplier asked to expedite, each customer told what changes. */
async function draftMessages(run: Run, plan: Plan): Promise<FlowWrite[]> {
  const messages: FlowWrite[] = [];
  const expedite = plan.lines.filter((line) => line.recovery.option === "expedite");
  if (expedite.length > 0 && plan.supplier_external_id) {
    const supplier = await run.step("supplier", () =>
      run.deps.records
        .getByExternalId(run.tenantId, "supplier", run.input.source_system, plan.supplier_external_id as string)
        .catch(() => null),
    );
    if (supplier?.email) {
      messages.push({
        kind: "supplier_message.send",
        connector: "email",
        payload: {
          to: supplier.email,
          subject: `Please expedite shipment ${plan.shipment_number}`,
          text: `Shipment ${plan.shipment_number} is now due ${plan.eta.slice(0, 10)}, too late for ${expedite.length} customer order lines (${expedite.map((line) => `${line.item_external_id} ×${line.quantity}`).join(", ")}). Can you ship faster, or ship part now?`,
        },
        facts: { supplier_external_id: plan.supplier_external_id },
        summary: `Expedite request for shipment ${plan.shipment_number}`,
      });
    }
  }
  for (const lines of byOrder(plan.lines).values()) {
    const first = lines[0] as PlannedLine;
    const customer = await run.step(`customer:${first.customer_external_id}`, () =>
      run.deps.records
        .getByExternalId(run.tenantId, "customer", run.input.source_system, first.customer_external_id)
        .catch(() => null),
    );
    if (!customer?.email) continue;
    messages.push({
      kind: "customer_message.send",
      connector: "email",
      payload: {
        to: customer.email,
        subject: `Your order ${first.order_number}`,
        text: [
          `Dear ${customer.name},`,
          `Part of your order ${first.order_number} depends on a supplier shipment that is running late. What we are doing:`,
          ...lines.map((line) => `- Line ${line.line_number} (${line.item_external_id} ×${line.quantity}): ${describe(line)}`),
          "We will let you know if anything else changes.",
        ].join("\n"),
      },
      facts: { customer_external_id: first.customer_external_id },
      summary: `Delay notice for order ${first.order_number} to ${customer.email}`,
    });
  }
  return messages;
}

/** Sends the drafted messages with a person's approval behind them (tenant policy: people read what goes out). */
async function sendMessages(run: Run, messages: readonly FlowWrite[], approval: TaskResumption): Promise<string[]> {
  const sent: string[] = [];
  for (const [index, message] of messages.entries()) sent.push((await write(run, `message:${index}`, message, approval)).id);
  return sent;
}

function describe(line: PlannedLine): string {
  switch (line.recovery.option) {
    case "reallocate":
      return `shipping from our ${line.recovery.from_location} warehouse instead`;
    case "split":
      return `shipping ${line.recovery.ship_now} now and ${line.recovery.ship_later} when the shipment arrives`;
    case "substitute":
      return `offering ${line.recovery.item_external_id} in its place`;
    case "expedite":
      return "asking the supplier to expedite";
  }
}

/**
 * An inbound shipment is late → the customer order lines it puts at risk are found → for each, the
 * best recovery (reallocate from another warehouse, split, substitute, or expedite) → approval by
 * the value at risk → the orders are changed, the supplier asked, the customers told.
 */
export const inboundDelayResponse: FlowDefinition<Input, FlowDeps> = {
  name: "inbound-delay-response",
  version: 1,
  title: "Inbound delay response",
  description:
    "When an inbound shipment is late, finds the customer orders at risk and proposes how to keep them; approved, carries it out.",
  input: Input,
  runTitle: (input) => `Late shipment ${input.shipment_external_id}`,
  links: (input) => [{ type: "shipment", id: input.shipment_external_id, label: input.shipment_external_id }],
  stages: {
    async start(run) {
      const plan = await run.step("plan", async (): Promise<Plan> => {
        const shipment = await run.deps.records.getByExternalId(
          run.tenantId,
          "shipment",
          run.input.source_system,
          run.input.shipment_external_id,
        );
        if (shipment.direction !== "inbound")
          throw new PermanentError(`Shipment ${shipment.shipment_number} is outbound, not inbound`);
        const eta = run.input.new_eta ?? shipment.estimated_delivery_at;
        if (!eta) throw new PermanentError(`Shipment ${shipment.shipment_number} has no estimated arrival`);
        const affected = await affectedOrders(run.deps.records, run.tenantId, shipment, eta);
        const lines = await recoveryOptions(run.deps.records, run.tenantId, affected);
        return {
          shipment_number: shipment.shipment_number,
          supplier_external_id: shipment.supplier_external_id,
          eta,
          lines,
          at_risk_minor: lines.reduce((sum, line) => sum + line.value_minor, 0),
          currency: lines[0]?.currency ?? shipment.currency ?? "USD",
        };
      });
      run.state.plan = plan;
      if (plan.lines.length === 0) return run.finish({ affected: 0 });
      const decision = await decide(run, "policy", planWrite(plan));
      if (decision.effect === "deny")
        return run.finish({ affected: plan.lines.length, carried_out: false, reasons: decision.reasons });
      if (decision.effect === "allow") {
        const changed = await applyChanges(run, plan);
        const messages = await draftMessages(run, plan);
        run.state.messages = messages;
        if (messages.length === 0)
          return run.finish({ affected: plan.lines.length, carried_out: true, actions: changed, autonomous: true });
        return run.waitForTask(
          approvalTask(
            {
              ...decision,
              effect: "approval_required",
              approver_role: "csr",
              reasons: ["Messages to customers and suppliers are read by a person first"],
            },
            {
              title: `Send ${messages.length} delay notices for shipment ${plan.shipment_number}?`,
              summary: `The orders are changed. ${messages.map((message) => message.summary).join("; ")}.`,
              requestedBy: run.input.requested_by,
              options: [
                { id: "send", label: "Send them", approves: true, requires_comment: false },
                { id: "skip", label: "Do not send", approves: false, requires_comment: false },
              ],
              context: { proposal: { messages: messages.map((message) => message.payload) } },
            },
          ),
          { next: "notify", expireAfterSeconds: 2 * 86_400, onExpire: "notify" },
        );
      }
      const customers = new Set(plan.lines.map((line) => line.customer_external_id)).size;
      return run.waitForTask(
        approvalTask(decision, {
          title: `Late shipment ${plan.shipment_number}: ${plan.lines.length} order lines at risk`,
          summary: `Now due ${plan.eta.slice(0, 10)}. ${formatMoney(plan.at_risk_minor, plan.currency)} of orders for ${customers} customers. Proposed: ${plan.lines.map((line) => `${line.order_number}/${line.line_number} ${line.recovery.option}`).join(", ")}.`,
          requestedBy: run.input.requested_by,
          context: {
            money: { amount_minor: plan.at_risk_minor, currency: plan.currency },
            records: [
              { type: "shipment", id: run.input.shipment_external_id, label: `Shipment ${plan.shipment_number}` },
              ...[...byOrder(plan.lines).entries()].map(([id, lines]) => ({
                type: "sales_order",
                id,
                label: `Order ${lines[0]?.order_number}`,
              })),
            ],
            summary: {
              text: plan.lines.map((line) => `${line.order_number} line ${line.line_number}: ${describe(line)}`).join("\n"),
              sources: [{ label: `Shipment ${plan.shipment_number}`, ref: run.input.shipment_external_id }],
              engine: "rules",
            },
            proposal: { lines: plan.lines },
          },
        }),
        { next: "decided", expireAfterSeconds: 3 * 86_400, onExpire: "expired" },
      );
    },
    async decided(run, resumed) {
      const decision = resumed as TaskResumption;
      const plan = run.state.plan as Plan;
      if (decision.status !== "approved")
        return run.finish({ affected: plan.lines.length, carried_out: false, comment: decision.decision.comment });
      const edited = (decision.decision.proposal as { lines?: PlannedLine[] } | null)?.lines;
      const approved = { ...plan, lines: edited ?? plan.lines };
      const changed = await applyChanges(run, approved, decision);
      const sent = await sendMessages(run, await draftMessages(run, approved), decision);
      return run.finish({ affected: plan.lines.length, carried_out: true, actions: [...changed, ...sent] });
    },
    async notify(run, resumed) {
      const decision = resumed as TaskResumption | { timeout: true };
      const plan = run.state.plan as Plan;
      if ("timeout" in decision || decision.status !== "approved")
        return run.finish({ affected: plan.lines.length, carried_out: true, notified: false });
      const sent = await sendMessages(run, run.state.messages as FlowWrite[], decision);
      return run.finish({ affected: plan.lines.length, carried_out: true, notified: true, actions: sent });
    },
    async expired(run) {
      return run.finish({ affected: (run.state.plan as Plan).lines.length, carried_out: false, expired: true });
    },
  },
  compensators: { [UNDO_ACTION]: undoAction },
};
