import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter, type KnowledgeDocument } from "../document.ts";
import { addDays, addMonths, longDate, monthStart, shortName, slug } from "../format.ts";
import { signerName } from "../people.ts";
import { stateName } from "../us-states.ts";
import { compare, type Row, type WorldIndex } from "../world-index.ts";
import { agreementsInForce } from "./contract-pricing.ts";
import {
  type RebatePassages,
  type ServiceLevelPassages,
  writeRebateSection,
  writeServiceLevelSection,
} from "./customer-account-sections.ts";
import { type CommercialPassages, writeCommercialSections } from "./customer-commercial-sections.ts";
import { type ExhibitRow, writePricingExhibit } from "./customer-pricing-exhibit.ts";
import { type ReturnsPassages, writeReturnsSection } from "./customer-returns-section.ts";
import { type CustomerTerms, drawCustomerTerms } from "./customer-terms.ts";

/** A customer's master supply agreement, with the sentences it states each term in (for questions to cite). */
export type CustomerContract = {
  document: KnowledgeDocument;
  customer: Row<"customer">;
  /** How people call the customer: its name without "Inc." or "LLC". */
  name: string;
  keyAccount: boolean;
  terms: CustomerTerms;
  effective: string;
  expires: string;
  passages: {
    effective: string;
    expires: string;
    renewal: string;
    termination: string;
    servicingWarehouse: string | undefined;
    cutoff: string;
    delivery: string;
    governingLaw: string;
    rebate: RebatePassages | undefined;
    serviceLevel: ServiceLevelPassages | undefined;
  } & CommercialPassages &
    ReturnsPassages;
  sites: { shipTo: Row<"ship_to">; passage: string }[];
  exhibit: ExhibitRow[];
};

export function buildCustomerContract(
  context: KnowledgeContext,
  customer: Row<"customer">,
  keyAccount: boolean,
  random: Random,
  name = shortName(customer.name),
): CustomerContract {
  const { index, company, sizes } = context;
  const categories = [...index.itemsByCategory.keys()];
  const terms = drawCustomerTerms(random.fork("terms"), keyAccount, categories);
  const inForce = agreementsInForce(index, customer.external_id);
  const exhibitLines =
    inForce.length > sizes.exhibitLines
      ? random
          .fork("exhibit")
          .sample(inForce, sizes.exhibitLines)
          .sort((a, b) => compare(a.item.sku, b.item.sku) || compare(a.agreement.external_id, b.agreement.external_id))
      : inForce;
  const { effective, expires } = contractPeriod(index, customer.external_id, inForce, terms, random.fork("period"));
  const title = `Master Supply Agreement - ${customer.name}`;
  const write = new BlockWriter();

  write.heading("Master Supply Agreement", 1);
  write.fields([
    ["Distributor", company.legalName],
    ["Customer", `${customer.name} (account ${customer.account_number})`],
    ["Effective date", longDate(effective)],
    ["Expiry of initial term", longDate(expires)],
  ]);
  const effectivePassage = `This Master Supply Agreement (the "Agreement") is made as of ${longDate(effective)} (the "Effective Date").`;
  write.paragraph(
    `${effectivePassage} The parties are ${company.legalName}, ${company.address.line1}, ${company.address.city}, ${company.address.region} ${company.address.postalCode} ("Distributor"), and ${customer.name}${customerAddress(customer)} ("Customer"), account number ${customer.account_number}.`,
  );

  write.heading("1. Term");
  const [expiresPassage] = write.clause(
    "1.1 Initial term.",
    `The initial term begins on the Effective Date and ends on ${longDate(expires)}.`,
  );
  const [renewal] = write.clause(
    "1.2 Renewal.",
    `After the initial term this Agreement renews automatically for successive ${terms.term.renewalMonths}-month periods unless either party gives written notice of non-renewal at least ${terms.term.nonRenewalNoticeDays} days before the end of the then-current term.`,
  );
  const [termination] = write.clause(
    "1.3 Termination for convenience.",
    `Either party may terminate this Agreement for convenience on ${terms.term.terminationNoticeDays} days' written notice.`,
    "Orders accepted before the termination date will be filled at the prices of this Agreement.",
  );

  write.heading("2. Products and Ship-to Sites");
  write.clause(
    "2.1 Products.",
    `Customer may buy under this Agreement any product in Distributor's current catalog (the "Products").`,
    "Contract prices apply only to the Products and units of measure listed in Exhibit A.",
  );
  const shipTos = (index.shipTosByCustomer.get(customer.external_id) ?? []).filter((shipTo) => shipTo.status !== "inactive");
  write.clause("2.2 Ship-to sites.", "This Agreement covers deliveries to the following Customer sites:");
  const sites = shipTos.map((shipTo) => ({ shipTo, passage: siteLine(shipTo) }));
  if (sites.length > 0) write.list(sites.map((site) => site.passage));
  else write.list(["Customer's billing address."]);

  write.heading("3. Orders and Delivery");
  write.clause(
    "3.1 Placing orders.",
    `Customer may place orders by EDI (X12 850), through Distributor's web store, by e-mail to ${company.email}, or by telephone at ${company.phone}.`,
    "Each order must carry Customer's purchase order number.",
  );
  const location = customer.default_location_external_id
    ? context.index.world.records.location.find((row) => row.external_id === customer.default_location_external_id)
    : undefined;
  const servicingWarehouse = location ? `Customer's orders ship from Distributor's ${location.name}.` : undefined;
  const cutoff = `Stock orders received by ${terms.delivery.orderCutoff} local time on a business day ship the same day.`;
  const delivery = `Distributor delivers stock orders to Customer's ship-to sites within ${terms.delivery.businessDays} business ${terms.delivery.businessDays === 1 ? "day" : "days"} of shipment.`;
  write.clause("3.2 Shipping.", ...[servicingWarehouse, cutoff, delivery].filter((text): text is string => text !== undefined));

  const commercial = writeCommercialSections(write, { context, customer, terms, exhibitLines, inForce });
  const returns = writeReturnsSection(write, terms);

  let next = 8;
  const rebate = terms.rebate ? writeRebateSection(write, next++, terms.rebate) : undefined;
  const serviceLevel = terms.serviceLevel ? writeServiceLevelSection(write, next++, terms.serviceLevel, customer) : undefined;
  write.heading(`${next}. Warranty and Liability`);
  write.clause(
    `${next}.1 Warranty.`,
    "Distributor passes through to Customer every warranty the manufacturer gives on a Product.",
    "Distributor gives no other warranty, express or implied, including any warranty of merchantability or fitness for a particular purpose.",
  );
  write.clause(
    `${next}.2 Limitation of liability.`,
    "Neither party is liable to the other for indirect, incidental or consequential damages arising out of this Agreement.",
  );
  write.heading(`${next + 1}. General`);
  const [governingLaw] = write.clause(
    `${next + 1}.1 Governing law.`,
    `This Agreement is governed by the laws of the State of ${stateName(company.address.region)}.`,
  );
  write.clause(
    `${next + 1}.2 Notices.`,
    `Notices to Distributor go to ${company.email}${customer.email ? `; notices to Customer go to ${customer.email}` : ""}.`,
  );
  write.clause(
    `${next + 1}.3 Entire agreement.`,
    "This Agreement, with its Exhibit, is the entire agreement of the parties on its subject and replaces any earlier proposal or understanding.",
    "Terms printed on Customer's purchase orders do not change this Agreement.",
  );
  write.signatures([
    { party: company.legalName, signer: context.people.salesVp, title: "Vice President, Sales" },
    { party: customer.name, signer: customerSigner(shipTos, random.fork("signer")), title: "Purchasing Manager" },
  ]);
  const exhibit = writePricingExhibit(write, context, customer, exhibitLines, inForce.length);

  const document: KnowledgeDocument = {
    path: `knowledge/contracts/customers/${slug(customer.account_number)}-${slug(name)}-master-supply-agreement.md`,
    kind: "customer_contract",
    title,
    blocks: write.blocks,
    renditions: ["pdf"],
    related: {
      customer: [customer.external_id],
      ship_to: shipTos.map((shipTo) => shipTo.external_id),
      price_agreement: exhibit.map((row) => row.agreement.external_id),
      item: [...new Set(exhibit.map((row) => row.item.external_id))],
    },
    effective,
    expires,
  };
  return {
    document,
    customer,
    name,
    keyAccount,
    terms,
    effective,
    expires,
    passages: {
      effective: effectivePassage,
      expires: expiresPassage as string,
      renewal: renewal as string,
      termination: termination as string,
      servicingWarehouse,
      cutoff,
      delivery,
      governingLaw: governingLaw as string,
      ...commercial,
      ...returns,
      rebate,
      serviceLevel,
    },
    sites,
    exhibit,
  };
}

/**
 * The contract runs from when its first price agreement started to when the last one in force ends,
 * so the dates agree with the records; without agreements, from a recent month for the drawn term.
 */
function contractPeriod(
  index: WorldIndex,
  customerExternalId: string,
  inForce: { agreement: Row<"price_agreement"> }[],
  terms: CustomerTerms,
  random: Random,
): { effective: string; expires: string } {
  const { asOf } = index;
  const all = index.agreementsByCustomer.get(customerExternalId) ?? [];
  const ends = inForce.map((line) => line.agreement.valid_to).filter((end): end is string => Boolean(end));
  if (inForce.length > 0) {
    const effective = all.map((agreement) => agreement.valid_from).sort(compare)[0] ?? asOf;
    // Lines in force end after asOf, or never: an open-ended contract gets a year from now.
    const expires = ends.sort(compare).at(-1) ?? addDays(addMonths(monthStart(asOf), 12), -1);
    return { effective, expires };
  }
  const effective = monthStart(addDays(asOf, -random.int(45, terms.term.years * 365 - 60)));
  return { effective, expires: addDays(addMonths(effective, terms.term.years * 12), -1) };
}

function customerAddress(customer: Row<"customer">): string {
  const parts = [customer.address_line1, customer.city, [customer.region, customer.postal_code].filter(Boolean).join(" ")];
  const text = parts.filter((part) => part).join(", ");
  return text ? `, ${text}` : "";
}

function siteLine(shipTo: Row<"ship_to">): string {
  const place = [shipTo.address_line1, shipTo.city, shipTo.region].filter(Boolean).join(", ");
  return `${shipTo.name}${place ? `, ${place}` : ""}${shipTo.code ? ` (site code ${shipTo.code})` : ""}.`;
}

function customerSigner(shipTos: Row<"ship_to">[], random: Random): string {
  return shipTos.find((shipTo) => shipTo.contact_name)?.contact_name ?? signerName(random);
}
