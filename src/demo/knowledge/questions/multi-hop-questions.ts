import type { Random } from "../../random.ts";
import type { CategoryCatalog } from "../catalog/category-catalog.ts";
import type { CustomerContract } from "../contracts/customer-contract.ts";
import type { SupplierAgreement } from "../contracts/supplier-agreement.ts";
import { dollars, percent, possessive, titleCase } from "../format.ts";
import type { PricingPolicy } from "../policies/pricing-policy.ts";
import type { CreditHoldSop } from "../sops/credit-hold.ts";
import type { ExpediteSop } from "../sops/expedite.ts";
import type { HazmatSop } from "../sops/hazmat-shipping.ts";
import type { ReturnsSop } from "../sops/returns.ts";
import { amountBetween } from "./customer-service-sop-questions.ts";
import { answered, type QuestionCandidate } from "./question.ts";

export type KnowledgeSet = {
  contracts: CustomerContract[];
  suppliers: SupplierAgreement[];
  catalogs: CategoryCatalog[];
  policy: PricingPolicy;
  returns: ReturnsSop;
  creditHold: CreditHoldSop;
  expedite: ExpediteSop;
  hazmat: HazmatSop;
};

/** Questions that need two documents or more: a contract with a procedure, the policy or the catalog. */
export function multiHopQuestions(set: KnowledgeSet, random: Random): QuestionCandidate[] {
  const questions: QuestionCandidate[] = [];
  const catalogRows = new Map(
    set.catalogs.flatMap((catalog) => catalog.rows.map((row) => [row.item.external_id, { catalog, row }] as const)),
  );
  for (const contract of set.contracts) {
    const { document: doc, name, terms, passages: p } = contract;
    const r = random.fork(contract.customer.external_id);

    const within = r.chance(0.6);
    const daysAgo = within ? r.int(3, terms.returns.windowDays - 2) : terms.returns.windowDays + r.int(5, 30);
    const { csrLimit, branchLimit } = set.returns.terms;
    const amount = amountBetween(r, csrLimit, branchLimit);
    questions.push(
      answered(
        "multi.return_approval",
        `${name} wants to return ${dollars(amount)} of stock invoiced ${daysAgo} days ago. Is that inside their return period, and who approves the RMA?`,
        within
          ? `Yes: ${name} may return within ${terms.returns.windowDays} days of the invoice date, and an RMA of that value needs the branch manager (over ${dollars(csrLimit)} up to ${dollars(branchLimit)}).`
          : `No: ${possessive(name)} return period is ${terms.returns.windowDays} days from the invoice date, so the return is outside it (an RMA of that value would otherwise need the branch manager, over ${dollars(csrLimit)} up to ${dollars(branchLimit)}).`,
        [
          [doc, p.returnWindow],
          [set.returns.document, set.returns.passages.branchApproval],
        ],
      ),
    );

    const row = r.sample(
      contract.exhibit.filter((line) => catalogRows.has(line.item.external_id)),
      1,
    )[0];
    const listed = row ? catalogRows.get(row.item.external_id) : undefined;
    if (row && listed?.row.listPrice) {
      const packs = listed.row.packs.startsWith("base unit") ? "" : ` (${listed.row.packs.replace(/; base unit .*$/, "")})`;
      questions.push(
        answered(
          "multi.contract_vs_list",
          `What does ${name} pay for ${row.item.sku} under its contract, and what's the list price?`,
          `${row.price} per ${row.agreement.uom} under the contract; the list price is ${listed.row.listPrice}${packs}.`,
          [
            [doc, row.passage],
            [listed.catalog.document, listed.row.passage],
          ],
        ),
      );
    }

    const discounted = contract.exhibit.find((line) =>
      p.categoryDiscounts.some((discount) => discount.category === line.item.category),
    );
    const discount = discounted ? p.categoryDiscounts.find((entry) => entry.category === discounted.item.category) : undefined;
    if (discounted && discount) {
      questions.push(
        answered(
          "multi.discount_on_contract_price",
          `${name} gets ${percent(discount.percent)} off ${titleCase(discount.category)}. Does that come off its contract price for ${discounted.item.sku} too?`,
          `No. ${name} pays the contract price of ${discounted.price} per ${discounted.agreement.uom}; price sources are never combined, so the category discount does not come off a contract price.`,
          [
            [doc, discounted.passage],
            [doc, discount.passage],
            [set.policy.document, set.policy.passages.noCombining],
          ],
        ),
      );
    } else if (contract.exhibit.length > 0) {
      const line = contract.exhibit[0];
      const margin = set.policy.passages.minimumMargins.find((entry) => entry.category === line?.item.category);
      if (line && margin) {
        questions.push(
          answered(
            "multi.contract_below_margin",
            `If ${possessive(name)} contract price on ${line.item.sku} is under the ${titleCase(margin.category)} minimum margin, does it need VP approval?`,
            `No. Prices in a signed supply agreement are honored even below the category minimum margin (${percent(margin.percent)} for ${titleCase(margin.category)}); they are reviewed at renewal.`,
            [
              [doc, line.passage],
              [set.policy.document, set.policy.passages.contractException],
              [set.policy.document, margin.passage],
            ],
          ),
        );
      }
    }

    if (p.creditLimit) {
      const credit = set.creditHold;
      const limit = /\$[\d,]+\.\d+/.exec(p.creditLimit)?.[0];
      questions.push(
        contract.keyAccount
          ? answered(
              "multi.credit_release",
              `${possessive(name)} new order would take it over its credit limit. What is the limit, and who decides on the held order?`,
              `${possessive(name)} credit limit is ${limit}. As a key account its held orders go straight to the Credit Manager, who decides the same business day.`,
              [
                [doc, p.creditLimit],
                [credit.document, credit.passages.keyAccounts],
              ],
            )
          : answered(
              "multi.credit_release",
              `${possessive(name)} open balance with a new order would be ${dollars(amountBetween(r, 0, credit.terms.analystLimit))} over its credit limit. What is the limit, and who can release the order?`,
              `${possessive(name)} credit limit is ${limit}; a credit analyst can release orders up to ${dollars(credit.terms.analystLimit)} over the limit.`,
              [
                [doc, p.creditLimit],
                [credit.document, credit.passages.analystRelease],
              ],
            ),
      );
    }

    const fee = terms.delivery.expediteFee;
    const waiver = set.expedite.terms.csrWaiver;
    questions.push(
      answered(
        "multi.expedite_waiver",
        `${name} is asking us to waive the expedite fee on a same-day order. What's the fee and can the CSR waive it?`,
        fee <= waiver
          ? `${possessive(name)} fee is ${dollars(fee)} per expedited order plus premium carrier charges; a CSR may waive up to ${dollars(waiver)} per order, so yes.`
          : `${possessive(name)} fee is ${dollars(fee)} per expedited order plus premium carrier charges; a CSR may waive only up to ${dollars(waiver)}, so the branch manager must approve.`,
        [
          [doc, p.expedite],
          [set.expedite.document, set.expedite.passages.csrWaiver],
        ],
      ),
    );

    const hazardous = r.sample(set.hazmat.passages.itemRows, 1)[0];
    if (hazardous) {
      questions.push(
        answered(
          "multi.hazmat_return",
          `Can ${name} return an unopened ${hazardous.item.name} (${hazardous.item.sku})?`,
          "Only if it is defective: hazardous materials are not returnable once delivered, and a defective one needs the Hazmat Coordinator to approve the RMA.",
          [
            [doc, p.hazardousReturns],
            [set.hazmat.document, hazardous.passage],
            [set.hazmat.document, set.hazmat.passages.returns],
          ],
        ),
      );
    }
  }

  for (const catalog of set.catalogs) {
    const hazardous = catalog.rows.find((row) => row.item.is_hazardous && row.item.status !== "discontinued");
    if (!hazardous) continue;
    questions.push(
      answered(
        "multi.hazmat_air",
        `A customer needs ${hazardous.item.sku} (${hazardous.item.name}) next-day air. Can we ship it that way?`,
        "Not without approval: it is flagged hazardous, and air shipment of a hazardous item needs the Hazmat Coordinator's written approval and an IATA-trained shipper.",
        [
          [catalog.document, hazardous.passage],
          [set.hazmat.document, set.hazmat.passages.airApproval],
        ],
      ),
    );
  }

  for (const agreement of set.suppliers) {
    const scheduled = agreement.schedule.find((row) => catalogRows.has(row.item.external_id));
    const listed = scheduled ? catalogRows.get(scheduled.item.external_id) : undefined;
    const lead = agreement.leadTimeDays;
    if (!scheduled || !listed || lead === undefined) continue;
    questions.push(
      answered(
        "multi.replenish_lead_time",
        `We're out of ${scheduled.item.name}. Who do we buy it from and how long will it take to get more?`,
        `${agreement.supplier.name}, with a standard lead time of ${lead} calendar days from receipt of the purchase order.`,
        [
          [listed.catalog.document, listed.row.passage],
          [agreement.document, scheduled.passage],
          [agreement.document, agreement.passages.leadTime],
        ],
      ),
    );
  }
  return questions;
}
