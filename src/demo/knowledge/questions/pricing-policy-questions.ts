import type { Random } from "../../random.ts";
import { percent, titleCase } from "../format.ts";
import type { PricingPolicy } from "../policies/pricing-policy.ts";
import { questionsOn } from "./ask.ts";
import type { QuestionCandidate } from "./question.ts";

export function pricingPolicyQuestions(policy: PricingPolicy, random: Random): QuestionCandidate[] {
  const { questions, ask } = questionsOn(policy.document, random);
  const { terms: t, passages: p } = policy;
  const [shipToPrice, accountPrice, , priceList] = p.precedence;
  ask(
    "pricing_policy.precedence",
    [
      "Which wins: a customer's contract price or the price list on its account?",
      "A customer has a contract price and an assigned price list. Which one do we charge?",
    ],
    "The contract price: a contract price in the supply agreement comes before the price list assigned to the account.",
    accountPrice,
    priceList,
  );
  ask(
    "pricing_policy.ship_to",
    ["If a customer has a site-specific contract price and an account-wide one for the same item, which applies at that site?"],
    "The site-specific contract price; it comes first in the order of price sources.",
    shipToPrice,
  );
  ask(
    "pricing_policy.no_combining",
    ["Can a category discount be taken off a contract price?"],
    "No. The first source that applies sets the price; sources are never combined.",
    p.noCombining,
  );
  const middle = Math.round((t.repDiscount + t.managerDiscount) / 2);
  ask(
    "pricing_policy.discount_authority",
    [`Who can approve a ${middle}% discount on a quote?`],
    `The branch sales manager (over ${percent(t.repDiscount)} up to ${percent(t.managerDiscount)}).`,
    p.managerAuthority,
  );
  ask(
    "pricing_policy.csr_discount",
    ["How much of a discount can a CSR give without approval?"],
    `Up to ${percent(t.csrDiscount)}.`,
    p.csrAuthority,
  );
  ask(
    "pricing_policy.vp_discount",
    [`Who approves a discount above ${percent(t.managerDiscount)}?`],
    "The Vice President, Sales.",
    p.vpAuthority,
  );
  ask(
    "pricing_policy.below_margin",
    ["Who has to approve a price below the category minimum margin?"],
    "The Vice President, Sales, whatever the discount.",
    p.belowMargin,
  );
  for (const margin of random.sample(p.minimumMargins, 2)) {
    ask(
      "pricing_policy.minimum_margin",
      [
        `What's the minimum gross margin for ${titleCase(margin.category)}?`,
        `How low can the margin go on a ${titleCase(margin.category)} order line?`,
      ],
      `${percent(margin.percent)} gross margin.`,
      margin.passage,
    );
  }
  ask(
    "pricing_policy.quote_validity",
    ["How long is a quote valid?"],
    `${t.quoteValidDays} days from its date, unless it states otherwise.`,
    p.quoteValidity,
  );
  ask(
    "pricing_policy.margin_definition",
    ["How do we calculate gross margin?"],
    "Price minus standard cost, divided by price.",
    p.marginDefinition,
  );
  return questions;
}
