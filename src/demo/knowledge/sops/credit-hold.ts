import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter } from "../document.ts";
import { addDays, dollars } from "../format.ts";
import { markdownTableRow } from "../render/markdown.ts";
import { type Sop, sopDocument } from "./sop.ts";
import { writeSopHeader } from "./sop-header.ts";

export type CreditHoldSopTerms = {
  pastDueDays: number;
  reviewBusinessHours: number;
  analystLimit: number;
  managerLimit: number;
  heldOrderDays: number;
};

export type CreditHoldSop = Sop<
  CreditHoldSopTerms,
  {
    overLimit: string;
    pastDue: string;
    review: string;
    keyAccounts: string;
    analystRelease: string;
    managerRelease: string;
    cfoRelease: string;
    notify: string;
    heldOrders: string;
    creditManager: string;
  }
>;

export function buildCreditHoldSop(context: KnowledgeContext, random: Random): CreditHoldSop {
  const terms: CreditHoldSopTerms = {
    pastDueDays: random.pick([15, 30]),
    reviewBusinessHours: random.pick([2, 4]),
    analystLimit: random.pick([5_000, 10_000]),
    managerLimit: random.pick([25_000, 50_000]),
    heldOrderDays: random.pick([5, 7, 10]),
  };
  const number = "SOP-FIN-110";
  const title = "Credit Hold and Release";
  const write = new BlockWriter();
  const header = writeSopHeader(write, {
    number,
    title,
    revision: random.int(1, 4),
    effective: addDays(context.index.asOf, -random.int(60, 400)),
    owner: `${context.people.creditManager}, Credit Manager`,
    appliesTo: "Credit department, customer service, sales",
  });
  write.heading("1. Purpose");
  write.paragraph(
    "When a customer's order is stopped for credit reasons, who reviews it, who may release it, and how the customer is told.",
  );
  write.heading("2. When an order goes on hold");
  const overLimit = "The ERP holds an order automatically when it would take the customer's open balance above its credit limit.";
  const pastDue = `The ERP also holds every new order of a customer with any invoice more than ${terms.pastDueDays} days past due.`;
  write.list([
    overLimit,
    pastDue,
    "Orders of an account whose status is credit hold are held until the Credit Manager changes the status.",
  ]);
  write.heading("3. Review");
  const review = `A credit analyst reviews each held order within ${terms.reviewBusinessHours} business hours of the hold.`;
  const keyAccounts = "Held orders of key accounts go straight to the Credit Manager, who decides the same business day.";
  const creditManager = `The Credit Manager is ${context.people.creditManager}.`;
  write.paragraph(`${review} ${keyAccounts} ${creditManager}`);
  write.heading("4. Who may release a held order");
  write.paragraph("Authority depends on how far the open balance, with the order, would exceed the credit limit:");
  const rows = [
    [`Up to ${dollars(terms.analystLimit)} over the limit`, "Credit analyst"],
    [`Over ${dollars(terms.analystLimit)} up to ${dollars(terms.managerLimit)} over the limit`, "Credit Manager"],
    [`Over ${dollars(terms.managerLimit)} over the limit`, "Chief Financial Officer"],
  ];
  write.table(["Amount over the credit limit", "May release"], rows, [1.6, 1]);
  const [analystRelease, managerRelease, cfoRelease] = rows.map(markdownTableRow) as [string, string, string];
  write.paragraph(
    "Orders held only for past-due invoices may be released by a credit analyst once payment is received or a payment date is confirmed in writing.",
  );
  write.heading("5. Telling the customer");
  const notify =
    "Customer service tells the customer's buyer about the hold by phone or e-mail within 1 business day, and never tells a third party.";
  const heldOrders = `Orders still on hold after ${terms.heldOrderDays} business days are cancelled after one more notice to the customer.`;
  write.list([notify, "Sales is copied on every hold of its accounts.", heldOrders], true);
  write.heading("6. Records");
  write.paragraph("Every hold and release is logged in the ERP with the releasing person and the reason.");
  return {
    document: sopDocument("knowledge/sops/sop-fin-110-credit-hold.md", number, title, write.blocks, { renditions: ["html"] }),
    number,
    title,
    terms,
    passages: {
      ...header,
      overLimit,
      pastDue,
      review,
      keyAccounts,
      analystRelease,
      managerRelease,
      cfoRelease,
      notify,
      heldOrders,
      creditManager,
    },
  };
}
