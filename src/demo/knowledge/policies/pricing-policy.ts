import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter, type KnowledgeDocument } from "../document.ts";
import { addDays, decimalNumber, longDate, monthStart, percent, titleCase } from "../format.ts";
import { markdownTableRow } from "../render/markdown.ts";
import { compare, type Row } from "../world-index.ts";

export type PricingPolicyTerms = {
  csrDiscount: number;
  repDiscount: number;
  managerDiscount: number;
  quoteValidDays: number;
  minimumMargins: { category: string; percent: number }[];
};

export type PricingPolicy = {
  document: KnowledgeDocument;
  terms: PricingPolicyTerms;
  passages: {
    precedence: string[];
    noCombining: string;
    csrAuthority: string;
    repAuthority: string;
    managerAuthority: string;
    vpAuthority: string;
    belowMargin: string;
    contractException: string;
    quoteValidity: string;
    marginDefinition: string;
    minimumMargins: { category: string; percent: number; passage: string }[];
    priceLists: { priceList: Row<"price_list">; passage: string }[];
  };
};

const MAX_PRICE_LISTS = 30;

export function buildPricingPolicy(context: KnowledgeContext, random: Random): PricingPolicy {
  const { index, company, people } = context;
  const csrDiscount = random.pick([3, 5]);
  const repDiscount = csrDiscount + random.pick([5, 7]);
  const managerDiscount = repDiscount + random.pick([5, 8, 10]);
  const terms: PricingPolicyTerms = {
    csrDiscount,
    repDiscount,
    managerDiscount,
    quoteValidDays: random.pick([30, 45, 60]),
    minimumMargins: minimumMargins(context, random.fork("margins")),
  };
  const effective = monthStart(addDays(index.asOf, -random.int(30, 300)));
  const write = new BlockWriter();
  write.heading("Pricing Policy", 1);
  write.fields([
    ["Document", "POL-SAL-001"],
    ["Effective date", longDate(effective)],
    ["Owner", `${people.salesVp}, Vice President, Sales`],
    ["Applies to", "Sales, customer service, pricing analysts"],
  ]);
  write.heading("1. Purpose");
  write.paragraph(
    `How ${company.name} sets the price a customer pays, the lowest margins it accepts, and who may approve a lower price.`,
  );

  write.heading("2. Which price applies");
  write.paragraph(
    "The ERP prices each order line from the first source below that applies to the customer, item and unit of measure:",
  );
  const precedence = write.list(
    [
      "A contract price in the customer's supply agreement for the item, unit of measure and ship-to site.",
      "A contract price in the customer's supply agreement for the item and unit of measure, for all ship-to sites.",
      "A category discount in the customer's supply agreement, taken off list price.",
      "The price list assigned to the customer's account.",
      "The list price in the item master.",
    ],
    true,
  );
  const noCombining =
    "The first source that applies sets the price; sources are never combined, so a category discount is never taken off a contract price.";
  write.paragraph(noCombining);

  write.heading("3. Price lists");
  const lists = [...index.priceLists.values()]
    .filter((list) => list.status !== "inactive")
    .sort((a, b) => (decimalNumber(a.priority) ?? 999) - (decimalNumber(b.priority) ?? 999) || compare(a.code, b.code))
    .slice(0, MAX_PRICE_LISTS);
  const priceLists = lists.map((priceList) => ({
    priceList,
    passage: markdownTableRow(priceListCells(priceList)),
  }));
  if (priceLists.length > 0) {
    write.paragraph("Active price lists; when several price one item, the lower priority number wins:");
    write.table(["Code", "Name", "Priority", "Valid from"], lists.map(priceListCells), [1, 2.6, 0.8, 1]);
  } else {
    write.paragraph("No price lists are in use; list price applies where no agreement does.");
  }

  write.heading("4. Minimum margins");
  const marginDefinition = "Gross margin is (price minus standard cost) divided by price.";
  write.paragraph(
    `${marginDefinition} No order line may be priced below the minimum gross margin of its category without the approval in section 5:`,
  );
  const margins = terms.minimumMargins.map(({ category, percent: minimum }) => {
    const cells = [titleCase(category), percent(minimum)];
    return { category, percent: minimum, cells, passage: markdownTableRow(cells) };
  });
  write.table(
    ["Category", "Minimum gross margin"],
    margins.map((margin) => margin.cells),
    [2, 1],
  );

  write.heading("5. Discount authority");
  write.paragraph("Discounts off the price from section 2, on a quote or an order line:");
  const authority = [
    [`Up to ${percent(csrDiscount)}`, "Customer service representative"],
    [`Over ${percent(csrDiscount)} up to ${percent(repDiscount)}`, "Account sales representative"],
    [`Over ${percent(repDiscount)} up to ${percent(managerDiscount)}`, "Branch sales manager"],
    [`Over ${percent(managerDiscount)}`, "Vice President, Sales"],
  ];
  write.table(["Discount", "Approved by"], authority, [1.3, 2]);
  const [csrAuthority, repAuthority, managerAuthority, vpAuthority] = authority.map(markdownTableRow) as [
    string,
    string,
    string,
    string,
  ];
  const belowMargin =
    "Any price below the category's minimum gross margin needs the Vice President, Sales, whatever the discount.";
  const contractException =
    "Prices in a signed customer supply agreement were approved at signing and are honored even when they fall below the category minimum margin; they are reviewed at renewal.";
  write.paragraph(`${belowMargin} ${contractException}`);

  write.heading("6. Quotes and price changes");
  const quoteValidity = `A quote is valid for ${terms.quoteValidDays} days from its date unless it states otherwise.`;
  write.list([
    quoteValidity,
    "List prices are reviewed every six months; customers with a supply agreement get the notice their agreement requires before a contract price rises.",
    "Contract prices are charged to the decimal places the agreement states them in.",
  ]);
  return {
    document: {
      path: "knowledge/policies/pricing-policy.md",
      kind: "pricing_policy",
      title: "Pricing Policy",
      blocks: write.blocks,
      renditions: ["pdf"],
      related: { price_list: lists.map((list) => list.external_id) },
      effective,
    },
    terms,
    passages: {
      precedence,
      noCombining,
      csrAuthority,
      repAuthority,
      managerAuthority,
      vpAuthority,
      belowMargin,
      contractException,
      quoteValidity,
      marginDefinition,
      minimumMargins: margins.map(({ category, percent: minimum, passage }) => ({ category, percent: minimum, passage })),
      priceLists,
    },
  };
}

function priceListCells(list: Row<"price_list">): string[] {
  return [
    list.code,
    list.name,
    list.priority === null || list.priority === undefined ? "-" : String(list.priority),
    list.valid_from ?? "-",
  ];
}

/**
 * A category's floor sits well under the margin its list prices earn (40 to 70% of it, in whole
 * percent), so list sales clear it and deep discounts do not.
 */
function minimumMargins(context: KnowledgeContext, random: Random): { category: string; percent: number }[] {
  return [...context.index.itemsByCategory].map(([category, items]) => {
    const margins = items
      .map((item) => {
        const list = decimalNumber(item.list_price);
        const cost = decimalNumber(item.standard_cost);
        return list && cost !== undefined && list > 0 ? (list - cost) / list : undefined;
      })
      .filter((margin): margin is number => margin !== undefined);
    const average = margins.length > 0 ? margins.reduce((sum, margin) => sum + margin, 0) / margins.length : 0.3;
    const share = 0.4 + 0.3 * random.fork(category).next();
    return { category, percent: Math.min(40, Math.max(8, Math.round(average * 100 * share))) };
  });
}
