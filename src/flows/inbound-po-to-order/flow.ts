import type { Action, PolicyDecision } from "../../modules/actions/index.ts";
import type { FlowDefinition, RunContext, StageOutcome, TaskResumption } from "../../modules/workflows/index.ts";
import type { FlowDeps } from "../deps.ts";
import { approvalTask } from "../shared/approval.ts";
import { formatMoney, fromMinor } from "../shared/money.ts";
import { decide, type FlowWrite, UNDO_ACTION, undoAction, write } from "../shared/write.ts";
import { acknowledgment } from "./acknowledgment.ts";
import { InboundPo } from "./inputs.ts";
import { type OrderProposal, proposeOrder } from "./propose-order.ts";

type Run = RunContext<InboundPo, FlowDeps>;

/** A person may fix a proposal this many times before the run gives up and rejects it. */
const MAX_REVIEWS = 3;

/** The sales order Crossdock writes to the ERP for a proposal. */
function orderWrite(po: InboundPo, proposal: OrderProposal): FlowWrite {
  return {
    kind: "sales_order.create",
    connector: "erp",
    payload: {
      customer_external_id: proposal.customer_external_id,
      customer_po_number: proposal.customer_po_number,
      ship_to_external_id: proposal.ship_to_external_id,
      order_date: proposal.order_date,
      requested_date: proposal.requested_date,
      currency: proposal.currency,
      channel: po.source.type === "edi_850" ? "edi" : po.source.type === "api" ? "portal" : "email",
      total_amount: fromMinor(proposal.total_minor),
      lines: proposal.lines.map((line) => ({
        line_number: line.line_number,
        item_external_id: line.item_external_id,
        customer_part_number: line.customer_part_number,
        quantity: line.quantity,
        uom: line.uom,
        unit_price: line.unit_price,
        extended_price: fromMinor(line.extended_minor),
      })),
    },
    facts: {
      amount_minor: proposal.total_minor,
      currency: proposal.currency,
      confidence: po.confidence,
      customer_external_id: proposal.customer_external_id,
      ...(proposal.customer_tier ? { customer_tier: proposal.customer_tier } : {}),
    },
    summary: `Order for PO ${proposal.customer_po_number} from ${proposal.customer_name ?? proposal.customer_external_id}, ${proposal.lines.length} lines, ${formatMoney(proposal.total_minor, proposal.currency)}`,
  };
}

const errorsOf = (proposal: OrderProposal) => proposal.issues.filter((issue) => issue.severity === "error");

/** The CSR's task: what the PO says, what Crossdock proposes, what is wrong, and why policy asks. */
function review(run: Run, proposal: OrderProposal, decision: PolicyDecision, round: number): StageOutcome {
  const asked = decision.effect === "allow" ? { ...decision, approver_role: "csr" } : decision;
  const problems = proposal.issues.map(
    (issue) => `${issue.line_number === null ? "Order" : `Line ${issue.line_number}`}: ${issue.message}`,
  );
  return run.waitForTask(
    approvalTask(asked, {
      title: `Customer PO ${proposal.customer_po_number} from ${proposal.customer_name ?? proposal.customer_external_id}`,
      summary: [
        `${proposal.lines.length} lines, ${formatMoney(proposal.total_minor, proposal.currency)}, read with ${Math.round(run.input.confidence * 100)}% confidence.`,
        ...(problems.length > 0 ? [`To check: ${problems.join("; ")}.`] : []),
        ...(decision.effect === "approval_required" ? [`Policy asks for approval: ${decision.reasons.join("; ")}.`] : []),
      ].join(" "),
      requestedBy: run.input.requested_by,
      context: {
        money: { amount_minor: proposal.total_minor, currency: proposal.currency },
        records: [{ type: "customer", id: proposal.customer_external_id, label: proposal.customer_name }],
        document: run.input.source.ref
          ? { id: run.input.source.ref, label: `${run.input.source.type} ${run.input.source.ref}` }
          : null,
        summary: {
          text: problems.length > 0 ? problems.join("\n") : "Every line matched an item, a unit and a price.",
          sources: [
            { label: `${run.input.source.type} ${run.input.source.ref ?? ""}`.trim(), ref: run.input.source.ref ?? run.runId },
          ],
          engine: "rules",
        },
        proposal: {
          lines: proposal.lines,
          ship_to_external_id: proposal.ship_to_external_id,
          requested_date: proposal.requested_date,
          round,
        },
      },
    }),
    { next: "reviewed", expireAfterSeconds: 7 * 86_400, onExpire: "expired" },
  );
}

async function writeAndAcknowledge(run: Run, proposal: OrderProposal, approval?: TaskResumption): Promise<StageOutcome> {
  const order: Action = await write(run, "create-order", orderWrite(run.input, proposal), approval);
  const orderNumber = order.result?.external_id ?? null;
  run.state.order = { action: order.id, number: orderNumber };
  const ack = acknowledgment(run.input, proposal, { accepted: true, orderNumber });
  if (!ack)
    return run.finish({ outcome: "ordered", order_action: order.id, order_number: orderNumber, acknowledgment_action: null });
  // A message to the customer is read by a person first (tenant policy): the person who approved
  // the order covers it; an order that went through on its own asks a CSR to release the email.
  const policy = approval ? null : await decide(run, "acknowledgment-policy", ack);
  if (policy && policy.effect === "approval_required") {
    return run.waitForTask(
      approvalTask(policy, {
        title: `Send the acknowledgment of PO ${proposal.customer_po_number}?`,
        summary: `Order ${orderNumber ?? ""} is in the ERP. This email tells ${String(ack.payload.to ?? "the customer")} so.`,
        requestedBy: run.input.requested_by,
        options: [
          { id: "send", label: "Send it", approves: true, requires_comment: false },
          { id: "skip", label: "Do not send", approves: false, requires_comment: false },
        ],
        context: {
          records: [{ type: "customer", id: proposal.customer_external_id, label: proposal.customer_name }],
          proposal: ack.payload,
        },
      }),
      { next: "acknowledge", expireAfterSeconds: 3 * 86_400, onExpire: "acknowledge" },
    );
  }
  const acked = await write(run, "acknowledge", ack, approval);
  return run.finish({ outcome: "ordered", order_action: order.id, order_number: orderNumber, acknowledgment_action: acked.id });
}

/**
 * Tells the customer the PO was not accepted, when policy lets this run say so: over EDI within
 * its limits, by email only with a person's decision behind it; never to a customer policy blocks.
 */
async function reject(run: Run, proposal: OrderProposal, reason: string, approval?: TaskResumption): Promise<StageOutcome> {
  const ack = acknowledgment(run.input, proposal, { accepted: false, orderNumber: null, reason });
  const policy = ack ? await decide(run, "rejection-policy", ack) : null;
  const allowed = policy?.effect === "allow" || (policy?.effect === "approval_required" && approval !== undefined);
  const acked = ack && allowed ? await write(run, "acknowledge-rejection", ack, approval) : null;
  return run.finish({ outcome: "rejected", reason, acknowledgment_action: acked?.id ?? null, customer_told: acked !== null });
}

/**
 * Customer PO (from a document, an EDI 850 or the API) → validated sales order proposal → a CSR
 * reviews it when something is off or policy asks (above the tenant's thresholds, low confidence)
 * → the order is written to the ERP → the customer gets an 855 (or an email). If the
 * acknowledgment cannot be sent, the order is cancelled again.
 */
export const inboundPoToOrder: FlowDefinition<InboundPo, FlowDeps> = {
  name: "inbound-po-to-order",
  version: 1,
  title: "Inbound PO to order",
  description:
    "Turns a customer's purchase order into a sales order in the ERP, with a CSR's review where needed, and acknowledges it.",
  input: InboundPo,
  runTitle: (po) => `PO ${po.customer_po_number} from ${po.customer_external_id}`,
  links: (po) => [{ type: "customer", id: po.customer_external_id, label: po.customer_external_id }],
  stages: {
    async start(run) {
      const proposal = await run.step("propose-order", () => proposeOrder(run.deps.records, run.tenantId, run.input));
      run.state.proposal = proposal;
      const decision = await decide(run, "policy", orderWrite(run.input, proposal));
      if (decision.effect === "deny")
        return reject(run, proposal, `Policy does not allow this order: ${decision.reasons.join("; ")}`);
      if (errorsOf(proposal).length === 0 && decision.effect === "allow") return writeAndAcknowledge(run, proposal);
      return review(run, proposal, decision, 1);
    },
    async reviewed(run, resumed) {
      const decision = resumed as TaskResumption;
      const before = run.state.proposal as OrderProposal;
      if (decision.status !== "approved") return reject(run, before, decision.decision.comment ?? "rejected on review", decision);
      const edited = decision.decision.proposal as {
        lines?: OrderProposal["lines"];
        ship_to_external_id?: string | null;
        round?: number;
      } | null;
      const round = edited?.round ?? 1;
      // The reviewer's edits are proposed again, from the records: a fixed item or unit is checked, not trusted.
      const po: InboundPo = {
        ...run.input,
        ship_to_external_id: edited?.ship_to_external_id ?? run.input.ship_to_external_id,
        lines: (edited?.lines ?? before.lines).map((line) => ({
          line_number: line.line_number,
          ...(line.item_external_id ? { item_external_id: line.item_external_id } : {}),
          ...(line.customer_part_number && !line.item_external_id ? { customer_part_number: line.customer_part_number } : {}),
          quantity: line.quantity,
          uom: line.uom,
          ...(line.unit_price ? { unit_price: line.unit_price } : {}),
        })),
      };
      const proposal = await run.step("propose-again", () => proposeOrder(run.deps.records, run.tenantId, po));
      run.state.proposal = proposal;
      if (errorsOf(proposal).length > 0) {
        if (round >= MAX_REVIEWS)
          return reject(
            run,
            proposal,
            `Still not an order after ${round} reviews: ${errorsOf(proposal)
              .map((issue) => issue.message)
              .join("; ")}`,
          );
        const policy = await decide(run, `policy-${round + 1}`, orderWrite(po, proposal));
        return review(run, proposal, policy, round + 1);
      }
      return writeAndAcknowledge(run, proposal, decision);
    },
    async acknowledge(run, resumed) {
      const decision = resumed as TaskResumption | { timeout: true };
      const order = run.state.order as { action: string; number: string | null };
      const proposal = run.state.proposal as OrderProposal;
      if ("timeout" in decision || decision.status !== "approved") {
        return run.finish({
          outcome: "ordered",
          order_action: order.action,
          order_number: order.number,
          acknowledgment_action: null,
        });
      }
      const ack = acknowledgment(run.input, proposal, { accepted: true, orderNumber: order.number });
      if (!ack)
        return run.finish({
          outcome: "ordered",
          order_action: order.action,
          order_number: order.number,
          acknowledgment_action: null,
        });
      const acked = await write(
        run,
        "acknowledge",
        { ...ack, payload: { ...ack.payload, ...(decision.decision.proposal ?? {}) } },
        decision,
      );
      return run.finish({
        outcome: "ordered",
        order_action: order.action,
        order_number: order.number,
        acknowledgment_action: acked.id,
      });
    },
    async expired(run) {
      return reject(run, run.state.proposal as OrderProposal, "not reviewed in time");
    },
  },
  compensators: { [UNDO_ACTION]: undoAction },
};
