import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter } from "../document.ts";
import { addDays, dollars } from "../format.ts";
import { type Sop, sopDocument } from "./sop.ts";
import { writeSopHeader } from "./sop-header.ts";

export type ExpediteSopTerms = {
  sameDayCutoff: string;
  defaultFee: number;
  csrWaiver: number;
  confirmMinutes: number;
  premiumFreightApproval: number;
  supplierContactHours: number;
};

export type ExpediteSop = Sop<
  ExpediteSopTerms,
  {
    sameDayCutoff: string;
    defaultFee: string;
    csrWaiver: string;
    errorWaiver: string;
    confirm: string;
    hazmatAir: string;
    supplierContact: string;
    premiumFreight: string;
  }
>;

export function buildExpediteSop(context: KnowledgeContext, random: Random): ExpediteSop {
  const terms: ExpediteSopTerms = {
    sameDayCutoff: random.pick(["10:00 a.m.", "11:00 a.m.", "12:00 noon"]),
    defaultFee: random.pick([45, 60, 85]),
    csrWaiver: random.pick([50, 75, 100]),
    confirmMinutes: random.pick([30, 60]),
    premiumFreightApproval: random.pick([250, 500]),
    supplierContactHours: random.pick([2, 4]),
  };
  const number = "SOP-CS-120";
  const title = "Expedite Requests";
  const write = new BlockWriter();
  const header = writeSopHeader(write, {
    number,
    title,
    revision: random.int(1, 5),
    effective: addDays(context.index.asOf, -random.int(60, 400)),
    owner: `${context.people.operationsDirector}, Director of Operations`,
    appliesTo: "Customer service, warehouse shipping, purchasing",
  });
  write.heading("1. Purpose");
  write.paragraph(
    "How customer requests for faster delivery, and our own requests to suppliers for faster supply, are handled and charged.",
  );
  write.heading("2. Customer expedites");
  const sameDayCutoff = `Same-day expedites must be requested by ${terms.sameDayCutoff} local time at the shipping warehouse; later requests ship the next morning.`;
  const defaultFee = `Charge the expedite fee in the customer's supply agreement; customers without one pay ${dollars(terms.defaultFee)} per expedited order plus premium carrier charges.`;
  const csrWaiver = `A CSR may waive an expedite fee of up to ${dollars(terms.csrWaiver)} per order; larger waivers need the branch manager.`;
  const errorWaiver =
    "When the expedite replaces a short shipment or error of ours, no fee is charged and no approval is needed.";
  const confirm = `The CSR confirms the ship method, cost and expected delivery time to the customer within ${terms.confirmMinutes} minutes of the request.`;
  const hazmatAir =
    "Hazardous items never ship by air on an expedite without the Hazmat Coordinator's written approval (SOP-WH-205).";
  write.list([sameDayCutoff, defaultFee, csrWaiver, errorWaiver, confirm, hazmatAir], true);
  write.heading("3. Supplier expedites");
  const supplierContact = `When a customer order depends on an open purchase order, the buyer contacts the supplier within ${terms.supplierContactHours} business hours to ask for an earlier ship date.`;
  const premiumFreight = `Premium inbound freight above ${dollars(terms.premiumFreightApproval)} per shipment needs the Director of Purchasing's approval.`;
  write.list(
    [
      supplierContact,
      premiumFreight,
      "The buyer records the supplier's new ship date on the purchase order so customer service can quote it.",
    ],
    true,
  );
  write.heading("4. Records");
  write.paragraph(
    "Expedite requests are logged as order notes with the reason, the fee charged or waived, and who approved the waiver.",
  );
  return {
    document: sopDocument("knowledge/sops/sop-cs-120-expedite-requests.md", number, title, write.blocks),
    number,
    title,
    terms,
    passages: {
      ...header,
      sameDayCutoff,
      defaultFee,
      csrWaiver,
      errorWaiver,
      confirm,
      hazmatAir,
      supplierContact,
      premiumFreight,
    },
  };
}
