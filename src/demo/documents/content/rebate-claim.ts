import type { Micros } from "../decimal.ts";
import type { Party } from "./party.ts";
import type { SourceRef } from "./source.ts";

export type RebateClaimLine = {
  itemExternalId: string;
  sku: string;
  supplierPartNumber: string | null;
  description: string;
  /** The end customer the special price was granted for (ship and debit only). */
  endCustomer: string | null;
  endCustomerExternalId: string | null;
  agreementNumber: string | null;
  quantity: Micros;
  uom: string;
  rebatePerUnit: Micros;
  amount: Micros;
};

/** A distributor's claim to a supplier for rebates earned on what it sold in a period. */
export type RebateClaimContent = {
  source: SourceRef;
  supplierExternalId: string;
  program: "ship_and_debit" | "volume_rebate";
  claimNumber: string;
  claimDate: string;
  periodStart: string;
  periodEnd: string;
  supplier: Party;
  distributor: Party;
  /** The distributor's account number in the supplier's books. */
  distributorAccount: string;
  contact: string;
  lines: RebateClaimLine[];
  total: Micros;
};
