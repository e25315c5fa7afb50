import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter } from "../document.ts";
import { addDays, titleCase } from "../format.ts";
import { markdownTableRow } from "../render/markdown.ts";
import type { Row } from "../world-index.ts";
import { type Sop, sopDocument } from "./sop.ts";
import { writeSopHeader } from "./sop-header.ts";

export type HazmatSopTerms = { trainingYears: number; isolateFeet: number; maxPackageKg: number };

export type HazmatSop = Sop<
  HazmatSopTerms,
  {
    training: string;
    groundOnly: string;
    airApproval: string;
    packageLimit: string;
    sds: string;
    emergency: string;
    spill: string;
    coordinator: string;
    returns: string;
    itemRows: { item: Row<"item">; passage: string }[];
  }
>;

export function buildHazmatSop(context: KnowledgeContext, random: Random): HazmatSop {
  const terms: HazmatSopTerms = { trainingYears: 3, isolateFeet: random.pick([25, 50]), maxPackageKg: 30 };
  const { index, company, people, sizes } = context;
  const number = "SOP-WH-205";
  const title = "Hazardous Materials Shipping";
  const write = new BlockWriter();
  const header = writeSopHeader(write, {
    number,
    title,
    revision: random.int(2, 7),
    effective: addDays(index.asOf, -random.int(60, 400)),
    owner: `${people.hazmatCoordinator}, Hazmat Coordinator`,
    appliesTo: "Warehouse shipping and receiving, customer service",
  });
  write.heading("1. Purpose");
  write.paragraph("How products classed as hazardous materials are packed, marked and shipped, and what to do in a spill.");
  const coordinator = `The Hazmat Coordinator is ${people.hazmatCoordinator}.`;
  write.heading("2. Training");
  const training = `Only employees whose DOT hazmat training is current (renewed every ${terms.trainingYears} years) may pack, mark or sign for a hazardous shipment.`;
  write.paragraph(`${training} ${coordinator}`);
  write.heading("3. Which products are hazardous");
  write.paragraph(
    "An item is hazardous when its item master record is flagged hazardous. The flag, not the product name, decides.",
  );
  const hazardous = [...index.items.values()]
    .filter((item) => item.is_hazardous && item.status !== "discontinued")
    .sort((a, b) => (a.sku < b.sku ? -1 : 1));
  const listed = hazardous.slice(0, sizes.hazmatItems);
  const itemRows = listed.map((item) => ({
    item,
    passage: markdownTableRow([item.sku, item.name, titleCase(item.category ?? "-")]),
  }));
  if (listed.length > 0) {
    write.paragraph(
      hazardous.length > listed.length
        ? `The first ${listed.length} of the ${hazardous.length} hazardous items, by SKU:`
        : `The ${listed.length} hazardous items in the catalog:`,
    );
    write.table(
      ["SKU", "Item", "Category"],
      listed.map((item) => [item.sku, item.name, titleCase(item.category ?? "-")]),
      [1, 3, 1.2],
    );
  }
  write.heading("4. Shipping");
  const groundOnly = "Hazardous items ship by ground service only, marked as Limited Quantity where the quantity allows.";
  const airApproval =
    "Air shipment of a hazardous item needs the Hazmat Coordinator's written approval and an IATA-trained shipper.";
  const packageLimit = `A Limited Quantity package may weigh at most ${terms.maxPackageKg} kg gross.`;
  const sds =
    "A current Safety Data Sheet is kept for every hazardous item and sent to the customer with the first shipment and after each revision.";
  const emergency = `The 24-hour emergency response number printed on shipping papers is ${company.phone}.`;
  write.list([groundOnly, airApproval, packageLimit, sds, emergency], true);
  write.heading("5. Spills and leaks");
  const spill = `Stop work, keep people at least ${terms.isolateFeet} feet away, and call the Hazmat Coordinator; only trained staff with the spill kit clean up.`;
  write.paragraph(`${spill} Leaking packages are never shipped or returned to stock.`);
  write.heading("6. Returns");
  const returns =
    "Customer returns of hazardous items are accepted only when defective, and only after the Hazmat Coordinator approves the RMA.";
  write.paragraph(returns);
  return {
    document: sopDocument("knowledge/sops/sop-wh-205-hazardous-materials-shipping.md", number, title, write.blocks, {
      renditions: ["html"],
      related: { item: listed.map((item) => item.external_id) },
    }),
    number,
    title,
    terms,
    passages: {
      ...header,
      training,
      groundOnly,
      airApproval,
      packageLimit,
      sds,
      emergency,
      spill,
      coordinator,
      returns,
      itemRows,
    },
  };
}
