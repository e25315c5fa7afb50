import type { Random } from "../../random.ts";
import { dollars, percent } from "../format.ts";
import type { CreditHoldSop } from "../sops/credit-hold.ts";
import type { ExpediteSop } from "../sops/expedite.ts";
import type { ReturnsSop } from "../sops/returns.ts";
import { questionsOn } from "./ask.ts";
import type { QuestionCandidate } from "./question.ts";

/** A round amount strictly between two limits, for "who approves $X?" questions. */
export function amountBetween(random: Random, low: number, high: number): number {
  const step = high - low > 1_000 ? 100 : 10;
  return Math.min(high - step, Math.max(low + step, Math.round(random.int(low + 1, high - 1) / step) * step));
}

export function returnsSopQuestions(sop: ReturnsSop, random: Random): QuestionCandidate[] {
  const { questions, ask } = questionsOn(sop.document, random);
  const { terms: t, passages: p } = sop;
  ask(
    "returns_sop.default_terms",
    ["What return period and restocking fee apply to a customer without a supply agreement?"],
    `Returns within ${t.defaultWindowDays} days of the invoice date, with a default restocking fee of ${percent(t.defaultRestockingPercent)}.`,
    p.defaultWindow,
    p.defaultFee,
  );
  ask(
    "returns_sop.csr_limit",
    ["Up to what value can a CSR approve an RMA on their own?"],
    `Up to ${dollars(t.csrLimit)}.`,
    p.csrApproval,
  );
  ask(
    "returns_sop.approver",
    [`Who has to approve an RMA worth ${dollars(amountBetween(random, t.csrLimit, t.branchLimit))}?`],
    `The branch manager (RMAs over ${dollars(t.csrLimit)} up to ${dollars(t.branchLimit)}).`,
    p.branchApproval,
  );
  ask(
    "returns_sop.director",
    [`Who approves an RMA above ${dollars(t.branchLimit)}?`],
    "The Director of Operations.",
    p.directorApproval,
  );
  ask(
    "returns_sop.rma_validity",
    ["How long is an RMA number good for?"],
    `${t.rmaValidDays} calendar days; goods arriving later are refused.`,
    p.rmaValid,
  );
  ask(
    "returns_sop.credit_timing",
    ["After a return arrives, how long until the customer gets the credit memo?"],
    `Receiving inspects within ${t.inspectionBusinessDays} business days of arrival, and the credit memo is issued within ${t.creditBusinessDays} business days after the inspection passes.`,
    p.inspection,
    p.credit,
  );
  ask(
    "returns_sop.precedence",
    ["If a customer's contract has different return terms than the returns SOP, which wins?"],
    "The customer's supply agreement takes precedence over the SOP defaults.",
    p.precedence,
  );
  ask("returns_sop.owner", ["Who owns the customer returns procedure?"], p.owner.replace(/^Owner: /, ""), p.owner);
  return questions;
}

export function creditHoldSopQuestions(sop: CreditHoldSop, random: Random): QuestionCandidate[] {
  const { questions, ask } = questionsOn(sop.document, random);
  const { terms: t, passages: p } = sop;
  ask(
    "credit_sop.past_due",
    ["When does a customer's new order go on hold for past-due invoices?"],
    `When the customer has any invoice more than ${t.pastDueDays} days past due.`,
    p.pastDue,
  );
  ask(
    "credit_sop.review",
    ["How quickly is a held order reviewed?"],
    `Within ${t.reviewBusinessHours} business hours of the hold, by a credit analyst.`,
    p.review,
  );
  ask(
    "credit_sop.release",
    [
      `An order would put a customer ${dollars(amountBetween(random, t.analystLimit, t.managerLimit))} over its credit limit. Who can release it?`,
    ],
    `The Credit Manager (over ${dollars(t.analystLimit)} up to ${dollars(t.managerLimit)} over the limit).`,
    p.managerRelease,
  );
  ask(
    "credit_sop.analyst",
    ["How far over the credit limit can a credit analyst release an order?"],
    `Up to ${dollars(t.analystLimit)} over the limit.`,
    p.analystRelease,
  );
  ask(
    "credit_sop.cfo",
    [`Who releases an order more than ${dollars(t.managerLimit)} over the credit limit?`],
    "The Chief Financial Officer.",
    p.cfoRelease,
  );
  ask(
    "credit_sop.held_orders",
    ["What happens to an order that stays on credit hold?"],
    `After ${t.heldOrderDays} business days on hold it is cancelled, after one more notice to the customer.`,
    p.heldOrders,
  );
  ask(
    "credit_sop.notify",
    ["How soon do we tell a customer its order is on credit hold?"],
    "Within 1 business day, by phone or e-mail to the customer's buyer.",
    p.notify,
  );
  ask(
    "credit_sop.manager",
    ["Who is our Credit Manager?"],
    p.creditManager.replace(/^The Credit Manager is /, ""),
    p.creditManager,
  );
  return questions;
}

export function expediteSopQuestions(sop: ExpediteSop, random: Random): QuestionCandidate[] {
  const { questions, ask } = questionsOn(sop.document, random);
  const { terms: t, passages: p } = sop;
  ask(
    "expedite_sop.cutoff",
    ["What's the cutoff for a same-day expedite request?"],
    `${t.sameDayCutoff} local time at the shipping warehouse.`,
    p.sameDayCutoff,
  );
  ask(
    "expedite_sop.default_fee",
    ["What expedite fee do we charge a customer that has no supply agreement?"],
    `${dollars(t.defaultFee)} per expedited order plus premium carrier charges.`,
    p.defaultFee,
  );
  ask(
    "expedite_sop.csr_waiver",
    ["Can a CSR waive an expedite fee?"],
    `Yes, up to ${dollars(t.csrWaiver)} per order; larger waivers need the branch manager.`,
    p.csrWaiver,
  );
  ask(
    "expedite_sop.our_error",
    ["Do we charge an expedite fee when the expedite fixes our own short shipment?"],
    "No fee is charged and no approval is needed.",
    p.errorWaiver,
  );
  ask(
    "expedite_sop.confirm",
    ["How fast must a CSR confirm an expedite to the customer?"],
    `Within ${t.confirmMinutes} minutes of the request.`,
    p.confirm,
  );
  ask(
    "expedite_sop.premium_freight",
    ["Who approves premium inbound freight on a supplier expedite?"],
    `The Director of Purchasing, above ${dollars(t.premiumFreightApproval)} per shipment.`,
    p.premiumFreight,
  );
  ask(
    "expedite_sop.supplier_contact",
    ["When a customer order waits on an open PO, how soon does the buyer contact the supplier?"],
    `Within ${t.supplierContactHours} business hours.`,
    p.supplierContact,
  );
  return questions;
}
