import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter } from "../document.ts";
import { addDays, dollars } from "../format.ts";
import { type Sop, sopDocument } from "./sop.ts";
import { writeSopHeader } from "./sop-header.ts";

export type DamagedGoodsSopTerms = {
  concealedDays: number;
  keepPackagingDays: number;
  replacementLimit: number;
  fileClaimDays: number;
  claimApproval: number;
  writeOffBelow: number;
};

export type DamagedGoodsSop = Sop<
  DamagedGoodsSopTerms,
  {
    noteOnReceipt: string;
    concealed: string;
    photos: string;
    keepPackaging: string;
    replacement: string;
    fileClaim: string;
    claimApproval: string;
    writeOff: string;
    inbound: string;
  }
>;

export function buildDamagedGoodsSop(context: KnowledgeContext, random: Random): DamagedGoodsSop {
  const terms: DamagedGoodsSopTerms = {
    concealedDays: random.pick([3, 5, 7]),
    keepPackagingDays: random.pick([15, 30]),
    replacementLimit: random.pick([500, 1_000]),
    fileClaimDays: random.pick([10, 15, 30]),
    claimApproval: random.pick([2_500, 5_000]),
    writeOffBelow: random.pick([75, 100, 150]),
  };
  const number = "SOP-WH-210";
  const title = "Damaged Goods and Freight Claims";
  const write = new BlockWriter();
  const header = writeSopHeader(write, {
    number,
    title,
    revision: random.int(1, 4),
    effective: addDays(context.index.asOf, -random.int(60, 400)),
    owner: `${context.people.operationsDirector}, Director of Operations`,
    appliesTo: "Customer service, warehouse receiving and shipping, accounts payable",
  });
  write.heading("1. Purpose");
  write.paragraph(
    "How damage in transit is reported, replaced and claimed from the carrier, for shipments to customers and from suppliers.",
  );
  write.heading("2. Outbound: damage reported by a customer");
  const noteOnReceipt = "Visible damage must be noted on the carrier's delivery receipt before the customer signs it.";
  const concealed = `Concealed damage (found after unpacking) must be reported to customer service within ${terms.concealedDays} calendar days of delivery.`;
  const photos =
    "The CSR asks for photos of the outer carton, the packing and the damaged product, and the delivery receipt number.";
  const keepPackaging = `The customer keeps the damaged product and all packaging for ${terms.keepPackagingDays} days for carrier inspection.`;
  const replacement = `The CSR may ship a replacement at no charge for damage up to ${dollars(terms.replacementLimit)}; above that the branch manager approves the replacement.`;
  write.list([noteOnReceipt, concealed, photos, keepPackaging, replacement], true);
  write.heading("3. Filing the freight claim");
  const fileClaim = `The freight claims clerk files the claim with the carrier within ${terms.fileClaimDays} days of the customer's report, with the photos, delivery receipt, bill of lading and invoice.`;
  const claimApproval = `Claims over ${dollars(terms.claimApproval)} are signed by the Director of Operations before filing.`;
  const writeOff = `Damage under ${dollars(terms.writeOffBelow)} is not claimed: it is written off to the branch's freight damage account.`;
  write.list(
    [fileClaim, claimApproval, writeOff, "The clerk follows up every 30 days until the carrier pays or declines."],
    true,
  );
  write.heading("4. Inbound: damage on receipt from a supplier");
  const inbound =
    "Receiving notes any damage or shortage on the supplier's bill of lading before signing, photographs it, and tells the buyer the same day.";
  write.paragraph(
    `${inbound} The buyer asks the supplier for a replacement or credit under the supply agreement; when the supplier shipped prepaid, the supplier files the claim.`,
  );
  write.heading("5. Records");
  write.paragraph("Every damage report opens a service case in the ERP, linked to the order or purchase order and the claim.");
  return {
    document: sopDocument("knowledge/sops/sop-wh-210-damaged-goods-and-freight-claims.md", number, title, write.blocks),
    number,
    title,
    terms,
    passages: {
      ...header,
      noteOnReceipt,
      concealed,
      photos,
      keepPackaging,
      replacement,
      fileClaim,
      claimApproval,
      writeOff,
      inbound,
    },
  };
}
