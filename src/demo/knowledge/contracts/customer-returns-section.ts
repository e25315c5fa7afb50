import type { BlockWriter } from "../document.ts";
import { percent, titleCase } from "../format.ts";
import { wording } from "../wording.ts";
import type { CustomerTerms } from "./customer-terms.ts";

export type ReturnsPassages = {
  returnWindow: string;
  openedCases: string;
  sealedCategory: string | undefined;
  restockingFee: string;
  specialOrders: string;
  defects: string;
  hazardousReturns: string;
};

/** Section 7 of a customer agreement: what may come back, how soon, and at what fee. */
export function writeReturnsSection(write: BlockWriter, terms: CustomerTerms): ReturnsPassages {
  const { windowDays, openedCasesAccepted, sealedCategory, restockingFeePercent, specialOrderFeePercent, defectReportDays } =
    terms.returns;
  const choice = terms.wording;
  write.heading("7. Returns");
  const returnWindow = wording(choice, [
    `Customer may return stock Products in resaleable condition within ${windowDays} days of the invoice date, with a return authorization (RMA) number issued by Distributor.`,
    `Stock Products in resaleable condition may be returned within ${windowDays} days of the invoice date; every return needs a return authorization (RMA) number from Distributor.`,
    `Returns of stock Products are accepted for ${windowDays} days after the invoice date, in resaleable condition and under a return authorization (RMA) number issued by Distributor.`,
  ]);
  write.clause("7.1 Return period.", returnWindow, "Products returned without an RMA number may be refused at the dock.");
  const openedCases = openedCasesAccepted
    ? wording(choice, [
        "Opened cases are accepted if the remaining contents are unused and in their original inner packaging.",
        "Distributor accepts opened cases provided the contents left in them are unused and still in the original inner packaging.",
      ])
    : wording(choice, [
        "Only unopened cases in their original packaging are accepted; opened cases are not returnable.",
        "Opened cases are not accepted for return; cases must be unopened and in their original packaging.",
      ]);
  const sealed = sealedCategory ? `Opened cases of ${titleCase(sealedCategory)} products are not accepted.` : undefined;
  write.clause("7.2 Condition.", ...[openedCases, sealed].filter((text): text is string => text !== undefined));
  const restockingFee = wording(choice, [
    `A restocking fee of ${percent(restockingFeePercent)} of the invoiced price applies to returns not caused by Distributor error or a defect.`,
    `Returns that are not due to a defect or an error by Distributor carry a restocking fee of ${percent(restockingFeePercent)} of the invoiced price.`,
  ]);
  write.clause("7.3 Restocking fee.", restockingFee);
  const specialOrders =
    specialOrderFeePercent === undefined
      ? "Special-order and non-stock Products are non-returnable."
      : `Special-order and non-stock Products may be returned only with the prior written approval of Distributor's branch manager, and carry a restocking fee of ${percent(specialOrderFeePercent)}.`;
  write.clause("7.4 Special orders.", specialOrders);
  const defects = `Customer shall report defective or wrongly shipped Products within ${defectReportDays} days of delivery; such returns carry no restocking fee, and Distributor pays the return freight.`;
  write.clause("7.5 Defects and shipping errors.", defects);
  const hazardousReturns = "Hazardous materials are not returnable once delivered unless they are defective.";
  write.clause("7.6 Hazardous materials.", hazardousReturns);
  return { returnWindow, openedCases, sealedCategory: sealed, restockingFee, specialOrders, defects, hazardousReturns };
}
