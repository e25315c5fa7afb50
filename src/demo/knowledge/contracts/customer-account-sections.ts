import type { BlockWriter } from "../document.ts";
import { dollars, percent } from "../format.ts";
import type { Row } from "../world-index.ts";
import type { CustomerTerms } from "./customer-terms.ts";

export type RebatePassages = { tiers: { threshold: number; percent: number; passage: string }[]; payment: string };
export type ServiceLevelPassages = { fillRate: string; accountManager: string | undefined; reviews: string };

/** A volume rebate on the customer's yearly purchases, paid after each contract year. */
export function writeRebateSection(
  write: BlockWriter,
  number: number,
  rebate: NonNullable<CustomerTerms["rebate"]>,
): RebatePassages {
  write.heading(`${number}. Volume Rebate`);
  write.clause(
    `${number}.1 Rebate tiers.`,
    "Customer earns a rebate on its net purchases in each contract year, at the rate of the highest tier reached, applied to all net purchases of that year:",
  );
  const tiers = rebate.tiers.map((tier) => ({
    ...tier,
    passage: `${percent(tier.percent)} on net purchases of ${dollars(tier.threshold)} or more.`,
  }));
  write.list(tiers.map((tier) => tier.passage));
  const payment = `Distributor pays the rebate by ${rebate.form} within ${rebate.paymentDays} days after the end of each contract year.`;
  write.clause(`${number}.2 Payment.`, payment, "Net purchases exclude freight, taxes, fees and returned Products.");
  return { tiers, payment };
}

/** What a key account is promised: fill rate, a named account manager, business reviews. */
export function writeServiceLevelSection(
  write: BlockWriter,
  number: number,
  serviceLevel: NonNullable<CustomerTerms["serviceLevel"]>,
  customer: Row<"customer">,
): ServiceLevelPassages {
  write.heading(`${number}. Service Levels`);
  const fillRate = `Distributor commits to a line fill rate of at least ${percent(serviceLevel.fillRatePercent)} on Exhibit A Products, measured each calendar month.`;
  write.clause(
    `${number}.1 Fill rate.`,
    fillRate,
    "If the fill rate falls short two months in a row, Distributor shall present a corrective plan within 15 days.",
  );
  const accountManager = customer.sales_rep ? `Customer's account manager at Distributor is ${customer.sales_rep}.` : undefined;
  const reviews = `Distributor holds ${serviceLevel.reviews} business reviews with Customer covering fill rate, spend and open issues.`;
  write.clause(
    `${number}.2 Account management.`,
    ...[accountManager, reviews].filter((text): text is string => text !== undefined),
  );
  return { fillRate, accountManager, reviews };
}
