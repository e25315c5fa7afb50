import type { KnowledgeContext } from "../context.ts";
import type { BlockWriter } from "../document.ts";
import { dollars, money, percent, titleCase } from "../format.ts";
import { describePaymentTerms } from "../payment-terms.ts";
import { joinAnd, wording } from "../wording.ts";
import type { Row } from "../world-index.ts";
import type { ExhibitLine } from "./contract-pricing.ts";
import type { CustomerTerms } from "./customer-terms.ts";

export type CommercialPassages = {
  /** Where the contract prices are recorded; absent when the customer has none in force. */
  agreementNumbers: string | undefined;
  noContractPrices: string | undefined;
  categoryDiscounts: { category: string; percent: number; passage: string }[];
  otherProducts: string;
  escalationFirm: string;
  escalationLimit: string;
  supplierSupported: { suppliers: Row<"supplier">[]; passage: string } | undefined;
  paymentTerms: string | undefined;
  creditLimit: string | undefined;
  creditHold: string;
  tax: string;
  freeFreight: string;
  smallOrderCharge: string;
  expedite: string;
};

type Input = {
  context: KnowledgeContext;
  customer: Row<"customer">;
  terms: CustomerTerms;
  exhibitLines: ExhibitLine[];
  inForce: ExhibitLine[];
};

/** Sections 4 to 6 of a customer agreement: pricing, payment and credit, freight and expedited delivery. */
export function writeCommercialSections(
  write: BlockWriter,
  { context, customer, terms, exhibitLines, inForce }: Input,
): CommercialPassages {
  const choice = terms.wording;
  write.heading("4. Pricing");
  const numbers = [
    ...new Set(inForce.map((line) => line.agreement.agreement_number).filter((n): n is string => Boolean(n))),
  ].sort();
  let agreementNumbers: string | undefined;
  let noContractPrices: string | undefined;
  if (inForce.length > 0) {
    agreementNumbers =
      numbers.length > 0
        ? `The contract prices in Exhibit A are recorded in Distributor's pricing system under agreement number ${joinAnd(numbers)}.`
        : "The contract prices in Exhibit A are recorded in Distributor's pricing system against Customer's account.";
    write.clause(
      "4.1 Contract prices.",
      "Customer pays the contract price shown in Exhibit A for each listed Product and unit of measure, until the date shown on its line.",
      agreementNumbers,
    );
  } else {
    noContractPrices = "No item-specific contract prices apply under this Agreement.";
    write.clause("4.1 Contract prices.", noContractPrices);
  }
  const categoryDiscounts = terms.categoryDiscounts.map(({ category, percent: off }) => ({
    category,
    percent: off,
    passage: `Products in the ${titleCase(category)} category that are not listed in Exhibit A are sold at ${percent(off)} off Distributor's current list price.`,
  }));
  if (categoryDiscounts.length > 0)
    write.clause("4.2 Category discounts.", ...categoryDiscounts.map((discount) => discount.passage));
  else write.clause("4.2 Category discounts.", "No category discounts apply under this Agreement.");
  const priceList = customer.price_list_external_id ? context.index.priceLists.get(customer.price_list_external_id) : undefined;
  const otherProducts = priceList
    ? `All other Products are sold at the prices of Distributor's price list ${priceList.code} (${priceList.name}).`
    : "All other Products are sold at Distributor's current list price.";
  write.clause("4.3 Other Products.", otherProducts);
  const { firmMonths, noticeDays, capPercent } = terms.escalation;
  const escalationFirm = wording(choice, [
    `Contract prices are firm for the first ${firmMonths} months of each contract year.`,
    `Distributor will not increase a contract price during the first ${firmMonths} months of a contract year.`,
    `Each contract price stays fixed for ${firmMonths} months from the start of each contract year.`,
  ]);
  const escalationLimit = wording(choice, [
    `After that Distributor may increase a contract price on at least ${noticeDays} days' written notice, by no more than ${percent(capPercent)} in any contract year.`,
    `Any later increase requires ${noticeDays} days' written notice to Customer and may not exceed ${percent(capPercent)} in a contract year.`,
    `Thereafter a contract price may rise by at most ${percent(capPercent)} per contract year, and only after ${noticeDays} days' written notice.`,
  ]);
  write.clause("4.4 Price escalation.", escalationFirm, escalationLimit, "Price decreases take effect on the next order.");
  const supporting = [
    ...new Set(exhibitLines.map((line) => line.agreement.rebate_supplier_external_id).filter((id): id is string => Boolean(id))),
  ]
    .sort()
    .map((id) => context.index.suppliers.get(id))
    .filter((supplier): supplier is Row<"supplier"> => supplier !== undefined);
  let supplierSupported: CommercialPassages["supplierSupported"];
  if (supporting.length > 0) {
    const passage = `Prices marked "supplier-supported" in Exhibit A are funded in part by ${joinAnd(supporting.map((s) => s.name))} and may be withdrawn on 30 days' notice if that support ends.`;
    write.clause("4.5 Supplier-supported prices.", passage);
    supplierSupported = { suppliers: supporting, passage };
  }

  write.heading("5. Payment and Credit");
  const paymentTerms = customer.payment_terms ? `Payment terms are ${describePaymentTerms(customer.payment_terms)}` : undefined;
  write.clause(
    "5.1 Payment terms.",
    paymentTerms ?? "Payment terms are those on Distributor's invoice.",
    "Payment is made by ACH or check in US dollars.",
  );
  const creditLimit =
    customer.credit_limit !== null && customer.credit_limit !== undefined
      ? wording(choice, [
          `Distributor extends Customer a credit limit of ${money(customer.credit_limit)}.`,
          `Customer's credit limit is ${money(customer.credit_limit)}.`,
          `Distributor grants Customer open-account credit up to ${money(customer.credit_limit)}.`,
        ])
      : undefined;
  const creditHold =
    "Orders that would take Customer's open balance above its credit limit, or that are placed while an invoice is past due, may be held under Distributor's Credit Hold Procedure.";
  write.clause(
    "5.2 Credit.",
    creditLimit ?? "Distributor extends credit at its discretion; no fixed credit limit is set by this Agreement.",
    creditHold,
  );
  const tax = customer.tax_exempt
    ? "Customer has given Distributor a sales tax exemption certificate, and Distributor invoices Customer without sales tax while the certificate is valid."
    : "Distributor adds sales tax to invoices where the law requires it.";
  write.clause("5.3 Taxes.", tax);

  write.heading("6. Freight and Expedited Delivery");
  const { freeFreightThreshold, smallOrderCharge, expediteFee } = terms.delivery;
  const freeFreight = wording(choice, [
    `Distributor pays standard ground freight on orders of ${dollars(freeFreightThreshold)} or more to one ship-to site.`,
    `Orders of ${dollars(freeFreightThreshold)} or more to a single ship-to site ship freight-free by standard ground service.`,
    `Standard ground freight is free on any order totaling ${dollars(freeFreightThreshold)} or more to one ship-to site.`,
  ]);
  const smallOrder = `Orders below ${dollars(freeFreightThreshold)} carry a freight charge of ${dollars(smallOrderCharge)} per order.`;
  write.clause("6.1 Freight.", freeFreight, smallOrder);
  const expedite = wording(choice, [
    `Customer may ask for expedited (same-day or next-morning) delivery; each expedited order carries a fee of ${dollars(expediteFee)} plus any premium carrier charges.`,
    `Expedited delivery (same day, or next morning) is available on request for a fee of ${dollars(expediteFee)} per order, plus premium carrier charges.`,
  ]);
  write.clause(
    "6.2 Expedited delivery.",
    expedite,
    "Expedited orders are confirmed by Distributor's customer service before they ship.",
  );
  return {
    agreementNumbers,
    noContractPrices,
    categoryDiscounts,
    otherProducts,
    escalationFirm,
    escalationLimit,
    supplierSupported,
    paymentTerms,
    creditLimit,
    creditHold,
    tax,
    freeFreight,
    smallOrderCharge: smallOrder,
    expedite,
  };
}
