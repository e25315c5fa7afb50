import { z } from "zod";
import type { Invoice, PurchaseOrder, Receipt } from "../../modules/records/index.ts";
import { type FlowDefinition, PermanentError, type RunContext, type TaskResumption } from "../../modules/workflows/index.ts";
import type { FlowDeps } from "../deps.ts";
import { approvalTask } from "../shared/approval.ts";
import { Requester, SourceSystem } from "../shared/flow-inputs.ts";
import { formatMoney, fromMinor } from "../shared/money.ts";
import { decide, type FlowWrite, UNDO_ACTION, undoAction, write } from "../shared/write.ts";
import { disputeEmail } from "./dispute-email.ts";
import { type MatchResult, threeWayMatch } from "./three-way-match.ts";

const Input = z.object({
  source_system: SourceSystem,
  invoice_external_id: z.string().min(1),
  requested_by: Requester.default({ type: "system", id: "ap-intake", label: "AP intake" }),
});
type Input = z.infer<typeof Input>;
type Run = RunContext<Input, FlowDeps>;

type Facts = {
  invoice: Pick<
    Invoice,
    "id" | "external_id" | "invoice_number" | "supplier_external_id" | "purchase_order_external_id" | "currency" | "total_amount"
  >;
  po_number: string | null;
  supplier_name: string;
  supplier_email: string | null;
  match: MatchResult;
};

const OPTIONS = [
  { id: "approve", label: "Approve as billed", approves: true, requires_comment: false },
  { id: "short_pay", label: "Pay what the PO and receipts justify", approves: false, requires_comment: false },
  { id: "dispute", label: "Dispute with the supplier", approves: false, requires_comment: true },
];

const invoiceWrite = (
  facts: Facts,
  kind: "ap_invoice.post" | "ap_invoice.short_pay" | "ap_invoice.hold" | "ap_invoice.release",
  amountMinor: number,
): FlowWrite => ({
  kind,
  connector: "erp",
  payload: {
    invoice_external_id: facts.invoice.external_id,
    invoice_number: facts.invoice.invoice_number,
    supplier_external_id: facts.invoice.supplier_external_id,
    purchase_order_external_id: facts.invoice.purchase_order_external_id,
    amount: fromMinor(amountMinor),
    currency: facts.invoice.currency,
  },
  // The match is computed from the records, not read from a document: certain.
  facts: {
    amount_minor: amountMinor,
    currency: facts.invoice.currency,
    confidence: 1,
    ...(facts.invoice.supplier_external_id ? { supplier_external_id: facts.invoice.supplier_external_id } : {}),
  },
  summary: `${kind.replace("ap_invoice.", "")} invoice ${facts.invoice.invoice_number}: ${formatMoney(amountMinor, facts.invoice.currency)}`,
});

async function loadFacts(run: Run): Promise<Facts> {
  const { records } = run.deps;
  const invoice = await records.getByExternalId(run.tenantId, "invoice", run.input.source_system, run.input.invoice_external_id);
  if (invoice.kind !== "ap")
    throw new PermanentError(`Invoice ${invoice.invoice_number} is a customer (AR) invoice, not a supplier's`);
  let order: PurchaseOrder | null = null;
  let receipts: Receipt[] = [];
  if (invoice.purchase_order_external_id) {
    order = await records
      .getByExternalId(run.tenantId, "purchase_order", run.input.source_system, invoice.purchase_order_external_id)
      .catch(() => null);
    if (order) {
      receipts = (
        await records.list(run.tenantId, "receipt", {
          purchase_order_external_id: invoice.purchase_order_external_id,
          include: "lines",
          limit: "200",
        })
      ).data;
    }
  }
  const sameNumber = await records.list(run.tenantId, "invoice", {
    kind: "ap",
    invoice_number: invoice.invoice_number,
    ...(invoice.supplier_external_id ? { supplier_external_id: invoice.supplier_external_id } : {}),
    limit: "10",
  });
  const duplicates = sameNumber.data.filter((other) => other.external_id !== invoice.external_id && other.status !== "void");
  const supplier = invoice.supplier_external_id
    ? await records
        .getByExternalId(run.tenantId, "supplier", run.input.source_system, invoice.supplier_external_id)
        .catch(() => null)
    : null;
  return {
    invoice: {
      id: invoice.id,
      external_id: invoice.external_id,
      invoice_number: invoice.invoice_number,
      supplier_external_id: invoice.supplier_external_id,
      purchase_order_external_id: invoice.purchase_order_external_id,
      currency: invoice.currency,
      total_amount: invoice.total_amount,
    },
    po_number: order?.po_number ?? null,
    supplier_name: supplier?.name ?? invoice.supplier_external_id ?? "supplier",
    supplier_email: supplier?.email ?? null,
    match: threeWayMatch(invoice, order, receipts, duplicates),
  };
}

/**
 * A supplier invoice that fails the three-way match (PO price, received quantity, arithmetic,
 * duplicates) is held in the ERP and goes to a buyer with what is wrong and a drafted dispute:
 * approve as billed, short-pay what is justified, or dispute (the email goes to the supplier and
 * the invoice stays on hold). A matching invoice is posted without anyone.
 */
export const invoiceException: FlowDefinition<Input, FlowDeps> = {
  name: "invoice-exception",
  version: 1,
  title: "Invoice exception",
  description:
    "Checks a supplier invoice against its PO and receipts; a mismatch goes to a buyer to approve, short-pay or dispute.",
  input: Input,
  runTitle: (input) => `Invoice ${input.invoice_external_id}`,
  links: (input) => [{ type: "invoice", id: input.invoice_external_id, label: input.invoice_external_id }],
  stages: {
    async start(run) {
      const facts = await run.step("three-way-match", () => loadFacts(run));
      run.state.facts = facts;
      const { match } = facts;
      if (match.matched) {
        const posted = await write(run, "post", invoiceWrite(facts, "ap_invoice.post", match.invoice_total_minor));
        return run.finish({ outcome: "posted", matched: true, action: posted.id });
      }
      await write(run, "hold", invoiceWrite(facts, "ap_invoice.hold", match.invoice_total_minor));
      const atStake = match.invoice_total_minor - match.justified_minor;
      const decision = await decide(run, "policy", invoiceWrite(facts, "ap_invoice.post", match.invoice_total_minor));
      const buyerDecision = { ...decision, approver_role: decision.approver_role ?? "buyer" };
      const draft = disputeEmail({
        supplierName: facts.supplier_name,
        supplierEmail: facts.supplier_email,
        invoiceNumber: facts.invoice.invoice_number,
        poNumber: facts.po_number,
        match,
      });
      return run.waitForTask(
        {
          ...approvalTask(buyerDecision.effect === "allow" ? { ...buyerDecision, approver_role: "buyer" } : buyerDecision, {
            title: `Invoice ${facts.invoice.invoice_number} from ${facts.supplier_name} does not match`,
            summary: `${match.issues.map((issue) => issue.message).join("; ")}. Billed ${formatMoney(match.invoice_total_minor, match.currency)}, justified ${formatMoney(match.justified_minor, match.currency)}.`,
            requestedBy: run.input.requested_by,
            context: {
              money: { amount_minor: atStake, currency: match.currency },
              records: [
                { type: "invoice", id: facts.invoice.id, label: `Invoice ${facts.invoice.invoice_number}` },
                ...(facts.po_number
                  ? [
                      {
                        type: "purchase_order",
                        id: facts.invoice.purchase_order_external_id as string,
                        label: `PO ${facts.po_number}`,
                      },
                    ]
                  : []),
              ],
              summary: {
                text: match.issues.map((issue) => issue.message).join("\n"),
                sources: [{ label: `Invoice ${facts.invoice.invoice_number}`, ref: facts.invoice.id }],
                engine: "rules",
              },
              proposal: { short_pay_amount: fromMinor(match.justified_minor), dispute_email: draft },
            },
          }),
          options: OPTIONS,
        },
        { next: "reviewed", expireAfterSeconds: 10 * 86_400, onExpire: "expired" },
      );
    },
    async reviewed(run, resumed) {
      const decision = resumed as TaskResumption;
      const facts = run.state.facts as Facts;
      const proposal = (decision.decision.proposal ?? {}) as {
        short_pay_amount?: string;
        dispute_email?: { to: string | null; subject: string; text: string };
      };
      switch (decision.option) {
        case "approve": {
          await write(run, "release", invoiceWrite(facts, "ap_invoice.release", facts.match.invoice_total_minor), decision);
          const posted = await write(
            run,
            "post",
            invoiceWrite(facts, "ap_invoice.post", facts.match.invoice_total_minor),
            decision,
          );
          return run.finish({ outcome: "posted", action: posted.id });
        }
        case "short_pay": {
          const amount = Math.round(Number(proposal.short_pay_amount ?? fromMinor(facts.match.justified_minor)) * 100);
          await write(run, "release", invoiceWrite(facts, "ap_invoice.release", amount), decision);
          const paid = await write(run, "short-pay", invoiceWrite(facts, "ap_invoice.short_pay", amount), decision);
          return run.finish({ outcome: "short_paid", amount: fromMinor(amount), action: paid.id });
        }
        case "dispute": {
          const email = proposal.dispute_email;
          if (!email?.to) throw new PermanentError(`The supplier ${facts.supplier_name} has no email address to dispute with`);
          const sent = await write(
            run,
            "dispute",
            {
              kind: "supplier_message.send",
              connector: "email",
              payload: {
                to: email.to,
                subject: email.subject,
                text: `${email.text}\n\n${decision.decision.comment ?? ""}`.trim(),
              },
              facts: facts.invoice.supplier_external_id ? { supplier_external_id: facts.invoice.supplier_external_id } : {},
              summary: `Dispute of invoice ${facts.invoice.invoice_number} to ${email.to}`,
            },
            decision,
          );
          return run.finish({ outcome: "disputed", action: sent.id, on_hold: true });
        }
        default:
          return run.finish({ outcome: "left_on_hold", option: decision.option });
      }
    },
    async expired(run) {
      return run.finish({ outcome: "left_on_hold", expired: true });
    },
  },
  compensators: { [UNDO_ACTION]: undoAction },
};
