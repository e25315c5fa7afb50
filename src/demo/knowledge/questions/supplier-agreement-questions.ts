import type { Random } from "../../random.ts";
import type { SupplierAgreement } from "../contracts/supplier-agreement.ts";
import { dollars, longDate, percent, possessive } from "../format.ts";
import { joinAnd } from "../wording.ts";
import { questionsOn } from "./ask.ts";
import type { QuestionCandidate } from "./question.ts";

/** Questions a buyer asks about one supplier's agreement. */
export function supplierAgreementQuestions(agreement: SupplierAgreement, random: Random): QuestionCandidate[] {
  const { document: doc, name, passages: p, terms, supplier } = agreement;
  const { questions, ask } = questionsOn(doc, random);
  const lead = agreement.leadTimeDays;
  if (lead !== undefined) {
    ask(
      "supplier.lead_time",
      [`What's our standard lead time from ${name}?`, `How long does ${name} take to deliver a PO?`],
      `${lead} calendar days from receipt of the purchase order to delivery at our warehouse.`,
      p.leadTime,
    );
  }
  if (p.leadTimeReliability) {
    const days = /within (\d+) calendar days/.exec(p.leadTimeReliability)?.[1];
    ask(
      "supplier.lead_time_reliability",
      [`Within how many days should 95% of ${possessive(name)} order lines arrive?`],
      `Within ${days} calendar days of the order date.`,
      p.leadTimeReliability,
    );
  }
  ask(
    "supplier.minimum_quantity",
    [`Is there a minimum order quantity per line with ${name}?`, `What's ${possessive(name)} MOQ?`],
    p.minimumQuantity.startsWith("No ")
      ? "No, no minimum quantity applies to a purchase order line."
      : `Yes, ${/at least ([\d,.]+)/.exec(p.minimumQuantity)?.[1]} units of the ordered unit of measure per line.`,
    p.minimumQuantity,
  );
  ask(
    "supplier.minimum_amount",
    [`What's the minimum PO value for ${name}?`, `Is there a minimum order amount with ${name}?`],
    p.minimumAmount.startsWith("No ")
      ? "There is none: no minimum purchase order value applies."
      : `${/\$[\d,]+\.\d+/.exec(p.minimumAmount)?.[0]} per purchase order.`,
    p.minimumAmount,
  );
  ask(
    "supplier.order_multiple",
    [`Do orders to ${name} have to be in multiples?`],
    p.orderMultiple.startsWith("Order quantities")
      ? `Yes, in multiples of ${/multiples of ([\d,.]+)/.exec(p.orderMultiple)?.[1]}.`
      : "Only in whole purchase units as listed in Schedule 1; no other multiple is set.",
    p.orderMultiple,
  );
  if (supplier.payment_terms) {
    ask(
      "supplier.payment_terms",
      [`What payment terms do we have with ${name}?`],
      (p.paymentTerms ?? "").replace(/^Payment terms are /, ""),
      p.paymentTerms,
    );
  }
  if (supplier.incoterms)
    ask("supplier.shipping_terms", [`What are the shipping terms with ${name}?`], `${supplier.incoterms}.`, p.shippingTerms);
  ask(
    "supplier.late_penalty",
    [`What do we get from ${name} when a delivery is late?`, `Does ${name} owe us anything for late deliveries?`],
    `A delivery is late after ${terms.late.graceDays} days past the confirmed date; ${name} credits ${percent(terms.late.penaltyPercent)} of the line value per full week late, up to ${percent(terms.late.capPercent)}.`,
    p.lateDefinition,
    p.latePenalty,
  );
  ask(
    "supplier.late_cancel",
    [`When can we cancel a late ${name} line without a charge?`],
    `When it is more than ${terms.late.cancelDays} days late.`,
    p.lateCancel,
  );
  ask(
    "supplier.price_increase_notice",
    [`How much notice must ${name} give before raising prices?`],
    `${terms.prices.increaseNoticeDays} days' written notice; orders placed before the increase takes effect keep the old price.`,
    p.priceIncreaseNotice,
  );
  ask(
    "supplier.price_protection",
    [`If ${name} lowers a price, do we get credit for stock we already bought?`],
    `Yes, the difference on units bought in the previous ${terms.prices.decreaseLookbackDays} days that are still in our stock.`,
    p.priceDecrease,
  );
  if (terms.rebate && p.rebatePayment) {
    const tiers = p.rebateTiers.map((tier) => `${percent(tier.percent)} from ${dollars(tier.threshold)}`);
    ask(
      "supplier.rebate",
      [`What volume rebate does ${name} pay us?`],
      `${joinAnd(tiers)} of net purchases per calendar year, at the highest tier reached, paid by ${terms.rebate.form} within ${terms.rebate.paymentDays} days after year end.`,
      ...p.rebateTiers.map((tier) => tier.passage),
      p.rebatePayment,
    );
  }
  const { allowancePercent, period } = terms.stockRotation;
  ask(
    "supplier.stock_rotation",
    [`How much slow-moving stock can we send back to ${name}?`, `What's our stock rotation allowance with ${name}?`],
    `Up to ${percent(allowancePercent)} of the previous ${period}'s purchases, once per ${period}. ${p.stockRotationFee}`,
    p.stockRotation,
    p.stockRotationFee,
  );
  ask(
    "supplier.rga",
    [`How fast does ${name} have to issue an RGA?`],
    `Within ${terms.stockRotation.rgaBusinessDays} business days of our request.`,
    p.rga,
  );
  ask(
    "supplier.acknowledgment",
    [`How quickly must ${name} acknowledge a purchase order?`],
    `Within ${terms.acknowledgeBusinessDays} business ${terms.acknowledgeBusinessDays === 1 ? "day" : "days"} of receipt.`,
    p.acknowledgment,
  );
  if (supplier.buyer) ask("supplier.buyer", [`Who is our buyer for ${name}?`], `${supplier.buyer}.`, p.buyer);
  ask(
    "supplier.expiry",
    [`When does our supply agreement with ${name} expire?`],
    `On ${longDate(agreement.expires)}, then it renews for one-year periods.`,
    p.expires,
  );
  for (const row of random.sample(
    agreement.schedule.filter((row) => row.supplierPartNumber),
    2,
  )) {
    ask(
      "supplier.part_number",
      [
        `What's ${possessive(name)} part number for our SKU ${row.item.sku}?`,
        `Which ${name} part number do we order for ${row.item.name}?`,
      ],
      `${row.supplierPartNumber} (purchase unit ${row.purchaseUnit}).`,
      row.passage,
    );
  }
  return questions;
}
