import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter } from "../document.ts";
import { addDays, dollars, percent } from "../format.ts";
import { markdownTableRow } from "../render/markdown.ts";
import { type Sop, sopDocument } from "./sop.ts";
import { writeSopHeader } from "./sop-header.ts";

export type ReturnsSopTerms = {
  defaultWindowDays: number;
  defaultRestockingPercent: number;
  csrLimit: number;
  branchLimit: number;
  rmaValidDays: number;
  inspectionBusinessDays: number;
  creditBusinessDays: number;
};

export type ReturnsSop = Sop<
  ReturnsSopTerms,
  {
    precedence: string;
    defaultWindow: string;
    defaultFee: string;
    csrApproval: string;
    branchApproval: string;
    directorApproval: string;
    rmaValid: string;
    inspection: string;
    credit: string;
    defectPhotos: string;
  }
>;

export function buildReturnsSop(context: KnowledgeContext, random: Random): ReturnsSop {
  const terms: ReturnsSopTerms = {
    defaultWindowDays: random.pick([30, 30, 45]),
    defaultRestockingPercent: random.pick([15, 20]),
    csrLimit: random.pick([250, 500, 750]),
    branchLimit: random.pick([2_500, 5_000]),
    rmaValidDays: random.pick([10, 14, 21]),
    inspectionBusinessDays: random.pick([2, 3]),
    creditBusinessDays: random.pick([3, 5]),
  };
  const number = "SOP-CS-101";
  const title = "Customer Returns (RMA)";
  const write = new BlockWriter();
  const header = writeSopHeader(write, {
    number,
    title,
    revision: random.int(2, 6),
    effective: addDays(context.index.asOf, -random.int(60, 400)),
    owner: `${context.people.operationsDirector}, Director of Operations`,
    appliesTo: "Customer service, branch managers, warehouse receiving",
  });
  write.heading("1. Purpose");
  write.paragraph(`How ${context.company.name} authorizes, receives, inspects and credits products that customers send back.`);
  write.heading("2. Customer terms come first");
  const precedence =
    "Where a customer's supply agreement sets return terms, those terms take precedence over the defaults in this procedure.";
  const defaultWindow = `For customers without a supply agreement, stock products may be returned within ${terms.defaultWindowDays} days of the invoice date.`;
  const defaultFee = `The default restocking fee is ${percent(terms.defaultRestockingPercent)} of the invoiced price.`;
  write.paragraph(
    `${precedence} ${defaultWindow} ${defaultFee} Defective products and shipping errors never carry a restocking fee.`,
  );

  write.heading("3. Who approves an RMA");
  write.paragraph("Approval depends on the credit value of the return (invoiced price of the returned quantity):");
  const rows = [
    [`Up to ${dollars(terms.csrLimit)}`, "Customer service representative (CSR)"],
    [`Over ${dollars(terms.csrLimit)} up to ${dollars(terms.branchLimit)}`, "Branch manager"],
    [`Over ${dollars(terms.branchLimit)}`, "Director of Operations"],
  ];
  write.table(["RMA value", "Approver"], rows, [1, 1.4]);
  const [csrApproval, branchApproval, directorApproval] = rows.map(markdownTableRow) as [string, string, string];

  write.heading("4. Procedure");
  const rmaValid = `The RMA number is valid for ${terms.rmaValidDays} calendar days; goods arriving after that are refused and returned to the customer at its cost.`;
  const inspection = `Receiving inspects returned goods within ${terms.inspectionBusinessDays} business days of arrival and records their condition in the ERP.`;
  const credit = `Accounts receivable issues the credit memo within ${terms.creditBusinessDays} business days after the inspection passes.`;
  const defectPhotos =
    "For a defect claim, the CSR asks the customer for photos of the product and its label before issuing the RMA.";
  write.list(
    [
      "The CSR finds the invoice and checks the return against the customer's supply agreement (return period, opened cases, special orders) or, without one, against section 2.",
      defectPhotos,
      "The CSR enters the RMA in the ERP with the reason code (customer error, defect, shipping error, wrong item ordered) and gets the approval required by section 3.",
      `The CSR e-mails the RMA number and return instructions to the customer. ${rmaValid}`,
      inspection,
      "Goods that fail inspection (used, damaged by the customer, missing parts) are held 10 days for the customer to collect, then scrapped.",
      `${credit} The restocking fee is deducted on the credit memo.`,
    ],
    true,
  );
  write.heading("5. Products that are never returnable");
  write.list([
    "Special-order and non-stock products, unless the customer's agreement says otherwise.",
    "Hazardous materials once delivered, unless defective (see SOP-WH-205, Hazardous Materials Shipping).",
    "Cut lengths of hose, wire or cable.",
  ]);
  write.heading("6. Records");
  write.paragraph("RMAs, inspection notes and photos stay attached to the return in the ERP for three years.");
  return {
    document: sopDocument("knowledge/sops/sop-cs-101-customer-returns.md", number, title, write.blocks),
    number,
    title,
    terms,
    passages: {
      ...header,
      precedence,
      defaultWindow,
      defaultFee,
      csrApproval,
      branchApproval,
      directorApproval,
      rmaValid,
      inspection,
      credit,
      defectPhotos,
    },
  };
}
