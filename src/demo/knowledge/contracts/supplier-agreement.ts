import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter, type KnowledgeDocument } from "../document.ts";
import {
  addDays,
  addMonths,
  decimalNumber,
  dollars,
  longDate,
  money,
  monthStart,
  percent,
  quantity,
  shortName,
  slug,
} from "../format.ts";
import { describePaymentTerms } from "../payment-terms.ts";
import { signerName } from "../people.ts";
import { stateName } from "../us-states.ts";
import { joinAnd, wording } from "../wording.ts";
import { compare, type Row } from "../world-index.ts";
import { type ScheduleRow, writeProductSchedule } from "./supplier-product-schedule.ts";
import { drawSupplierTerms, type SupplierTerms } from "./supplier-terms.ts";

/** A supply agreement with a supplier, with the sentences it states each term in. */
export type SupplierAgreement = {
  document: KnowledgeDocument;
  supplier: Row<"supplier">;
  name: string;
  terms: SupplierTerms;
  effective: string;
  expires: string;
  passages: {
    expires: string;
    buyer: string | undefined;
    acknowledgment: string;
    minimumQuantity: string;
    minimumAmount: string;
    orderMultiple: string;
    leadTime: string;
    leadTimeReliability: string | undefined;
    shippingTerms: string | undefined;
    onTimeTarget: string;
    lateDefinition: string;
    latePenalty: string;
    lateCancel: string;
    priceFirm: string;
    priceIncreaseNotice: string;
    priceDecrease: string;
    paymentTerms: string | undefined;
    rebateTiers: { threshold: number; percent: number; passage: string }[];
    rebatePayment: string | undefined;
    stockRotation: string;
    stockRotationFee: string;
    rga: string;
    defectiveReturns: string;
    safetyDataSheets: string | undefined;
  };
  schedule: ScheduleRow[];
  /** The supplier record's lead time, in days, when it has one. */
  leadTimeDays: number | undefined;
};

export function buildSupplierAgreement(
  context: KnowledgeContext,
  supplier: Row<"supplier">,
  random: Random,
  name = shortName(supplier.name),
): SupplierAgreement {
  const { index, company, sizes, people } = context;
  const terms = drawSupplierTerms(random.fork("terms"));
  const choice = terms.wording;
  const effective = monthStart(addDays(index.asOf, -random.fork("period").int(60, terms.years * 365 - 60)));
  const expires = addDays(addMonths(effective, terms.years * 12), -1);
  const allItems = index.itemsBySupplier.get(supplier.external_id) ?? [];
  const items =
    allItems.length > sizes.scheduleLines
      ? random
          .fork("schedule")
          .sample(allItems, sizes.scheduleLines)
          .sort((a, b) => compare(a.sku, b.sku))
      : allItems;
  const write = new BlockWriter();

  write.heading("Supply Agreement", 1);
  write.fields([
    ["Buyer", company.legalName],
    ["Supplier", `${supplier.name} (supplier code ${supplier.code})`],
    ["Effective date", longDate(effective)],
    ["Expiry", longDate(expires)],
  ]);
  write.paragraph(
    `This Supply Agreement (the "Agreement") is made as of ${longDate(effective)} between ${company.legalName} ("Distributor") and ${supplier.name}${supplier.city ? ` of ${supplier.city}` : ""} ("Supplier"), supplier code ${supplier.code}.`,
  );

  write.heading("1. Term");
  const expiresPassage = `This Agreement runs from ${longDate(effective)} to ${longDate(expires)} and then renews for one-year periods unless either party gives 90 days' written notice of non-renewal.`;
  write.clause("1.1 Term.", expiresPassage);

  write.heading("2. Products");
  write.clause(
    "2.1 Products.",
    `Supplier sells Distributor the products listed in Schedule 1 and any other product in Supplier's current catalog (the "Products").`,
    "Supplier's part number shall appear on every acknowledgment, advance ship notice and invoice line.",
  );

  write.heading("3. Purchase Orders");
  const buyer = supplier.buyer ? `Distributor's buyer responsible for Supplier is ${supplier.buyer}.` : undefined;
  const acknowledgment = `Supplier shall acknowledge each purchase order within ${terms.acknowledgeBusinessDays} business ${terms.acknowledgeBusinessDays === 1 ? "day" : "days"} of receipt (EDI 855 or e-mail), confirming quantities, prices and the delivery date.`;
  write.clause("3.1 Orders.", ...[buyer, acknowledgment].filter((text): text is string => text !== undefined));
  const moq = decimalNumber(supplier.minimum_order_quantity);
  const minimumQuantity =
    moq !== undefined && moq > 0
      ? `Each purchase order line must be for at least ${quantity(moq)} units of the ordered unit of measure.`
      : "No minimum quantity applies to a purchase order line.";
  const moa = decimalNumber(supplier.minimum_order_amount);
  const minimumAmount =
    moa !== undefined && moa > 0
      ? `The minimum purchase order value is ${money(supplier.minimum_order_amount)}.`
      : "No minimum purchase order value applies.";
  const multiple = decimalNumber(supplier.order_multiple);
  const orderMultiple =
    multiple !== undefined && multiple > 1
      ? `Order quantities must be in multiples of ${quantity(multiple)}.`
      : "Quantities are ordered in whole purchase units as listed in Schedule 1.";
  write.clause("3.2 Order minimums and multiples.", minimumQuantity, minimumAmount, orderMultiple);

  write.heading("4. Lead Time and Delivery");
  const lead = decimalNumber(supplier.lead_time_days);
  const leadTime =
    lead !== undefined
      ? wording(choice, [
          `Supplier's standard lead time is ${lead} calendar days from receipt of a purchase order to delivery at Distributor's warehouse.`,
          `Supplier shall deliver within ${lead} calendar days of receiving a purchase order (the standard lead time).`,
          `The standard lead time for the Products is ${lead} calendar days, counted from receipt of the purchase order to delivery at Distributor's dock.`,
        ])
      : "Supplier shall confirm a delivery date for each purchase order in its acknowledgment.";
  const spread = decimalNumber(supplier.lead_time_spread_days);
  const leadTimeReliability =
    lead !== undefined && spread !== undefined
      ? `Supplier shall deliver at least 95% of purchase order lines within ${lead + Math.ceil(2 * spread)} calendar days of the order date.`
      : undefined;
  const shippingTerms = supplier.incoterms ? `Shipping terms are ${supplier.incoterms}.` : undefined;
  const warehouses = index.world.records.location
    .filter((location) => location.is_fulfillment !== false)
    .map((location) => location.name);
  const onTimeTarget = `Supplier targets on-time delivery of at least ${percent(terms.onTimeTargetPercent)} of purchase order lines each month.`;
  write.clause("4.1 Lead time.", ...[leadTime, leadTimeReliability].filter((text): text is string => text !== undefined));
  write.clause(
    "4.2 Delivery.",
    ...[
      shippingTerms,
      warehouses.length > 0
        ? `Supplier ships to the Distributor warehouse named on the purchase order: ${joinAnd(warehouses)}.`
        : undefined,
      onTimeTarget,
    ].filter((text): text is string => text !== undefined),
  );

  write.heading("5. Late Deliveries");
  const { graceDays, penaltyPercent, capPercent, cancelDays } = terms.late;
  const lateDefinition = `A delivery is late when it arrives more than ${graceDays} days after the delivery date Supplier confirmed.`;
  const latePenalty = wording(choice, [
    `For each full week a line is late, Supplier credits Distributor ${percent(penaltyPercent)} of that line's value, up to ${percent(capPercent)} of the line value.`,
    `Supplier credits Distributor ${percent(penaltyPercent)} of a late line's value for every full week of delay, capped at ${percent(capPercent)} of that line's value.`,
  ]);
  const lateCancel = `Distributor may cancel without charge any purchase order line that is more than ${cancelDays} days late.`;
  write.clause("5.1 Late delivery credits.", lateDefinition, latePenalty, lateCancel);
  write.clause(
    "5.2 Notice of delay.",
    "Supplier shall tell Distributor's buyer of any expected delay as soon as it knows of it, with a new delivery date.",
  );

  write.heading("6. Prices and Price Protection");
  const { firmMonths, increaseNoticeDays, decreaseLookbackDays } = terms.prices;
  const priceFirm = `Prices in Supplier's price file are firm for ${firmMonths} months from the Effective Date and from each anniversary of it.`;
  const priceIncreaseNotice = wording(choice, [
    `Supplier shall give at least ${increaseNoticeDays} days' written notice of any price increase; purchase orders placed before the increase takes effect are invoiced at the old price.`,
    `Any price increase requires ${increaseNoticeDays} days' written notice, and orders placed before it takes effect keep the old price.`,
  ]);
  const priceDecrease = `When Supplier lowers a price, it credits Distributor the difference on units bought in the previous ${decreaseLookbackDays} days that are still in Distributor's stock.`;
  write.clause("6.1 Firm prices.", priceFirm);
  write.clause("6.2 Price increases.", priceIncreaseNotice);
  write.clause("6.3 Price decreases.", priceDecrease);

  write.heading("7. Payment");
  const paymentTerms = supplier.payment_terms ? `Payment terms are ${describePaymentTerms(supplier.payment_terms)}` : undefined;
  write.clause(
    "7.1 Payment terms.",
    paymentTerms ?? "Payment terms are those on Supplier's invoice.",
    "Invoices must quote Distributor's purchase order number.",
  );

  write.heading("8. Volume Rebate");
  let rebateTiers: SupplierAgreement["passages"]["rebateTiers"] = [];
  let rebatePayment: string | undefined;
  if (terms.rebate) {
    write.clause(
      "8.1 Rebate tiers.",
      "Supplier pays Distributor a rebate on its net purchases in each calendar year, at the rate of the highest tier reached:",
    );
    rebateTiers = terms.rebate.tiers.map((tier) => ({
      ...tier,
      passage: `${percent(tier.percent)} on net purchases of ${dollars(tier.threshold)} or more.`,
    }));
    write.list(rebateTiers.map((tier) => tier.passage));
    rebatePayment = `Supplier pays the rebate by ${terms.rebate.form} within ${terms.rebate.paymentDays} days after the end of each calendar year.`;
    write.clause("8.2 Payment of rebates.", rebatePayment);
  } else {
    write.paragraph("No volume rebate applies under this Agreement.");
  }

  write.heading("9. Returns to Supplier");
  const { allowancePercent, period, restockingFeePercent, rgaBusinessDays } = terms.stockRotation;
  const stockRotation = `Once per ${period}, Distributor may return slow-moving stock worth up to ${percent(allowancePercent)} of its purchases from Supplier in the previous ${period}.`;
  const stockRotationFee =
    restockingFeePercent === 0
      ? "Stock rotation returns carry no restocking fee."
      : `Stock rotation returns carry a restocking fee of ${percent(restockingFeePercent)}, waived when Distributor places an offsetting order of equal or greater value.`;
  const rga = `Supplier issues a return goods authorization (RGA) within ${rgaBusinessDays} business days of Distributor's request.`;
  const defectiveReturns = "Defective Products are returned at Supplier's expense, freight included, for full credit.";
  write.clause("9.1 Stock rotation.", stockRotation, stockRotationFee);
  write.clause("9.2 Return authorizations.", rga, defectiveReturns);

  write.heading("10. Quality and Compliance");
  const hazardous = allItems.some((item) => item.is_hazardous);
  const safetyDataSheets = hazardous
    ? "Supplier shall provide a current Safety Data Sheet for each hazardous Product and send any revision within 30 days of issuing it."
    : undefined;
  write.clause(
    "10.1 Quality.",
    ...[
      "Products shall be new, conform to the manufacturer's specifications and be labeled with their part number and, where assigned, their GTIN.",
      safetyDataSheets,
    ].filter((text): text is string => text !== undefined),
  );

  write.heading("11. General");
  write.clause(
    "11.1 Governing law.",
    `This Agreement is governed by the laws of the State of ${stateName(company.address.region)}.`,
  );
  write.clause(
    "11.2 Notices.",
    `Notices to Distributor go to its purchasing department at ${company.address.line1}, ${company.address.city}${supplier.email ? `; notices to Supplier go to ${supplier.email}` : ""}.`,
  );
  write.signatures([
    { party: company.legalName, signer: people.purchasingDirector, title: "Director of Purchasing" },
    { party: supplier.name, signer: signerName(random.fork("signer")), title: "Director of Sales" },
  ]);
  const schedule = writeProductSchedule(write, context, supplier, items, allItems.length);

  return {
    document: {
      path: `knowledge/contracts/suppliers/${slug(supplier.code)}-${slug(name)}-supply-agreement.md`,
      kind: "supplier_agreement",
      title: `Supply Agreement - ${supplier.name}`,
      blocks: write.blocks,
      renditions: [],
      related: { supplier: [supplier.external_id], item: schedule.map((row) => row.item.external_id) },
      effective,
      expires,
    },
    supplier,
    name,
    terms,
    effective,
    expires,
    passages: {
      expires: expiresPassage,
      buyer,
      acknowledgment,
      minimumQuantity,
      minimumAmount,
      orderMultiple,
      leadTime,
      leadTimeReliability,
      shippingTerms,
      onTimeTarget,
      lateDefinition,
      latePenalty,
      lateCancel,
      priceFirm,
      priceIncreaseNotice,
      priceDecrease,
      paymentTerms,
      rebateTiers,
      rebatePayment,
      stockRotation,
      stockRotationFee,
      rga,
      defectiveReturns,
      safetyDataSheets,
    },
    schedule,
    leadTimeDays: lead,
  };
}
