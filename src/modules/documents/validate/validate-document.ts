import type { Records } from "../../records/index.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import type { ReadValues, Tolerances, Validation } from "./tolerances.ts";
import { validateBillOfLading } from "./validate-bol.ts";
import { validateCreditNote } from "./validate-credit-note.ts";
import { validateInvoice } from "./validate-invoice.ts";
import { validatePurchaseOrder } from "./validate-po.ts";
import { validateProofOfDelivery } from "./validate-pod.ts";
import { validateRebateClaim } from "./validate-rebate-claim.ts";
import { validateShipNotice } from "./validate-ship-notice.ts";

/** A document's checks against the tenant's records, by kind (none yet for kinds without a check). */
export function validateDocument(
  records: Records,
  tenantId: string,
  kind: DocumentKind,
  document: ReadValues,
  tolerances: Tolerances,
): Promise<Validation> {
  if (kind === "invoice") return validateInvoice(records, tenantId, document, tolerances);
  if (kind === "credit_note") return validateCreditNote(records, tenantId, document);
  if (kind === "purchase_order") return validatePurchaseOrder(records, tenantId, document, tolerances);
  if (kind === "rebate_claim") return validateRebateClaim(records, tenantId, document);
  if (kind === "bill_of_lading") return validateBillOfLading(records, tenantId, document);
  if (kind === "ship_notice") return validateShipNotice(records, tenantId, document, tolerances);
  if (kind === "proof_of_delivery") return validateProofOfDelivery(records, tenantId, document);
  return Promise.resolve({ checks: [], matches: { source_system: null, line_items: [] } });
}
