import type { Random } from "../../random.ts";
import type { CustomerContract } from "../contracts/customer-contract.ts";
import { dollars, longDate, percent, possessive, titleCase } from "../format.ts";
import { joinAnd } from "../wording.ts";
import { questionsOn } from "./ask.ts";
import type { QuestionCandidate } from "./question.ts";

/** Questions a CSR asks about one customer's agreement. */
export function customerContractQuestions(contract: CustomerContract, random: Random): QuestionCandidate[] {
  const { document: doc, name, passages: p, terms } = contract;
  const { questions, ask } = questionsOn(doc, random);
  const { windowDays, openedCasesAccepted, restockingFeePercent, specialOrderFeePercent, defectReportDays } = terms.returns;

  ask(
    "returns.opened_cases",
    [
      `Can ${name} return opened cases, and within how many days?`,
      `${name} wants to send back an opened case. Do we take it, and what's their return window?`,
    ],
    openedCasesAccepted
      ? `Yes, if the remaining contents are unused and in their original inner packaging; returns are accepted within ${windowDays} days of the invoice date.`
      : `No. ${name} may return only unopened cases, within ${windowDays} days of the invoice date.`,
    p.openedCases,
    p.returnWindow,
  );
  if (terms.returns.sealedCategory) {
    const category = titleCase(terms.returns.sealedCategory);
    ask(
      "returns.sealed_category",
      [
        `Can ${name} return an opened case of ${category} products?`,
        `${name} opened a case of ${category} items and wants to return it. Allowed?`,
      ],
      `No. ${possessive(name)} agreement accepts opened cases in general but not opened cases of ${category} products.`,
      p.sealedCategory,
      p.openedCases,
    );
  }
  ask(
    "returns.restocking_fee",
    [`What restocking fee do we charge ${name} on returns?`, `Is there a restocking fee when ${name} returns product?`],
    `${percent(restockingFeePercent)} of the invoiced price, except for returns caused by a defect or our error.`,
    p.restockingFee,
  );
  ask(
    "returns.special_orders",
    [`Can ${name} return a special-order item?`, `${name} wants to return a non-stock item we special ordered. Can they?`],
    specialOrderFeePercent === undefined
      ? `No. Special-order and non-stock products are non-returnable under ${possessive(name)} agreement.`
      : `Only with the branch manager's prior written approval, and with a ${percent(specialOrderFeePercent)} restocking fee.`,
    p.specialOrders,
  );
  ask(
    "returns.defects",
    [
      `How long does ${name} have to report a defective or wrongly shipped product?`,
      `${name} got the wrong item. How long do they have to tell us, and who pays return freight?`,
    ],
    `${defectReportDays} days from delivery; such returns carry no restocking fee and we pay the return freight.`,
    p.defects,
  );
  if (contract.customer.credit_limit !== null && contract.customer.credit_limit !== undefined) {
    ask(
      "credit.limit",
      [`What's ${possessive(name)} credit limit?`, `How much credit do we extend to ${name}?`],
      creditAnswer(contract),
      p.creditLimit,
    );
  }
  if (contract.customer.payment_terms) {
    ask(
      "payment.terms",
      [`What are ${possessive(name)} payment terms?`, `When is an invoice to ${name} due?`],
      (p.paymentTerms ?? "").replace(/^Payment terms are /, ""),
      p.paymentTerms,
    );
  }
  ask(
    "contract.expiry",
    [
      `When does ${possessive(name)} supply agreement expire?`,
      `When does the initial term of ${possessive(name)} master supply agreement end?`,
    ],
    `The initial term ends on ${longDate(contract.expires)}.`,
    p.expires,
  );
  ask(
    "contract.effective",
    [`When did ${possessive(name)} master supply agreement take effect?`],
    `On ${longDate(contract.effective)}.`,
    p.effective,
  );
  ask(
    "contract.renewal",
    [
      `How much notice is needed to stop ${possessive(name)} agreement from renewing?`,
      `Does ${possessive(name)} contract auto-renew?`,
    ],
    `It renews automatically for ${terms.term.renewalMonths}-month periods unless either party gives written notice of non-renewal at least ${terms.term.nonRenewalNoticeDays} days before the end of the term.`,
    p.renewal,
  );
  ask(
    "contract.termination",
    [`Can ${possessive(name)} agreement be terminated without cause? With how much notice?`],
    `Yes, either party may terminate for convenience on ${terms.term.terminationNoticeDays} days' written notice.`,
    p.termination,
  );
  ask(
    "delivery.cutoff",
    [
      `What's the same-day shipping cutoff for ${possessive(name)} orders?`,
      `By what time does ${name} need to order for same-day shipment?`,
    ],
    `${terms.delivery.orderCutoff} local time on a business day, for stock orders.`,
    p.cutoff,
  );
  ask(
    "delivery.free_freight",
    [`What's the free-freight minimum for ${name}?`, `Does ${name} pay freight on a small order?`],
    `Freight is free on orders of ${dollars(terms.delivery.freeFreightThreshold)} or more to one ship-to site; smaller orders carry a ${dollars(terms.delivery.smallOrderCharge)} freight charge.`,
    p.freeFreight,
    p.smallOrderCharge,
  );
  ask(
    "delivery.expedite_fee",
    [`How much do we charge ${name} for an expedited delivery?`, `What does ${name} pay for a same-day expedite?`],
    `${dollars(terms.delivery.expediteFee)} per expedited order plus any premium carrier charges.`,
    p.expedite,
  );
  ask(
    "pricing.escalation",
    [
      `How much can we raise ${possessive(name)} contract prices, and with how much notice?`,
      `Can we pass a price increase to ${name} right away?`,
    ],
    `Not in the first ${terms.escalation.firmMonths} months of a contract year; after that by at most ${percent(terms.escalation.capPercent)} per contract year, with ${terms.escalation.noticeDays} days' written notice.`,
    p.escalationFirm,
    p.escalationLimit,
  );
  for (const discount of p.categoryDiscounts) {
    const category = titleCase(discount.category);
    ask(
      "pricing.category_discount",
      [
        `What discount does ${name} get on ${category} items that aren't on its contract price list?`,
        `How are ${category} products priced for ${name} when they're not in Exhibit A?`,
      ],
      `${percent(discount.percent)} off our current list price.`,
      discount.passage,
    );
  }
  if (p.otherProducts.includes("price list")) {
    ask(
      "pricing.price_list",
      [`Which price list does ${name} get on items without a contract price?`],
      p.otherProducts.replace(/^All other Products are sold at the prices of Distributor's /, "").replace(/\.$/, "."),
      p.otherProducts,
    );
  }
  for (const row of random.sample(contract.exhibit, 3)) {
    const { item, agreement } = row;
    const through = agreement.valid_to ? `, valid through ${agreement.valid_to}` : "";
    ask(
      "pricing.contract_price",
      [`What's ${possessive(name)} contract price for ${item.sku}?`, `What does ${name} pay for ${item.name} (${item.sku})?`],
      `${row.price} per ${agreement.uom}${through}.`,
      row.passage,
    );
    if (row.partNumber) {
      ask(
        "pricing.customer_part_number",
        [`${name} ordered their part number ${row.partNumber}. Which SKU is that, and what's their price?`],
        `${item.sku} (${item.name}), at the contract price of ${row.price} per ${agreement.uom}.`,
        row.passage,
      );
    }
    if (row.shipTo) {
      ask(
        "pricing.ship_to_price",
        [`Does ${possessive(name)} contract price on ${item.sku} apply to all of its sites?`],
        `No. The ${row.price} price applies only to site ${row.shipTo.code ?? row.shipTo.name}.`,
        row.passage,
      );
    }
  }
  if (p.supplierSupported) {
    ask(
      "pricing.supplier_supported",
      [`Who funds the supplier-supported prices in ${possessive(name)} agreement?`],
      `${joinAnd(p.supplierSupported.suppliers.map((supplier) => supplier.name))}; those prices may be withdrawn on 30 days' notice if that support ends.`,
      p.supplierSupported.passage,
    );
  }
  if (p.rebate && terms.rebate) {
    const tiers = p.rebate.tiers.map((tier) => `${percent(tier.percent)} from ${dollars(tier.threshold)}`);
    ask(
      "rebate.tiers",
      [`Does ${name} earn a volume rebate? What are the tiers?`, `What rebate do we owe ${name}, and when is it paid?`],
      `Yes: ${joinAnd(tiers)} of net purchases in a contract year, at the highest tier reached, paid by ${terms.rebate.form} within ${terms.rebate.paymentDays} days after the year ends.`,
      ...p.rebate.tiers.map((tier) => tier.passage),
      p.rebate.payment,
    );
  }
  if (p.serviceLevel && terms.serviceLevel) {
    ask(
      "service.fill_rate",
      [`What fill rate have we committed to for ${name}?`],
      `At least ${percent(terms.serviceLevel.fillRatePercent)} line fill on Exhibit A products, measured each calendar month.`,
      p.serviceLevel.fillRate,
    );
    if (contract.customer.sales_rep) {
      ask(
        "service.account_manager",
        [`Who is ${possessive(name)} account manager?`],
        `${contract.customer.sales_rep}.`,
        p.serviceLevel.accountManager,
      );
    }
  }
  if (p.servicingWarehouse) {
    ask(
      "delivery.warehouse",
      [`Which warehouse ships ${possessive(name)} orders?`],
      p.servicingWarehouse.replace(/^Customer's orders ship from Distributor's /, "The "),
      p.servicingWarehouse,
    );
  }
  if (contract.sites.length > 1) {
    ask(
      "contract.sites",
      [`Which ${name} sites does the supply agreement cover?`],
      `${joinAnd(contract.sites.map((site) => site.shipTo.name))}.`,
      ...contract.sites.map((site) => site.passage),
    );
  }
  ask(
    "contract.tax",
    [`Do we charge ${name} sales tax?`],
    contract.customer.tax_exempt
      ? `No, ${name} has given us a sales tax exemption certificate; we invoice without sales tax while it is valid.`
      : "Yes, where the law requires it.",
    p.tax,
  );
  return questions;
}

function creditAnswer(contract: CustomerContract): string {
  const sentence = contract.passages.creditLimit ?? "";
  const amount = /\$[\d,]+\.\d+/.exec(sentence)?.[0] ?? "";
  return `${amount}.`;
}
