import type { X12TransactionSet } from "../types.ts";
import { readPurchaseOrderAcknowledgment, type X12PurchaseOrderAcknowledgment } from "./acknowledgment-855.ts";
import { readPurchaseOrderChange, type X12PurchaseOrderChange } from "./change-order-860.ts";
import { readFunctionalAcknowledgment, type X12FunctionalAcknowledgment } from "./functional-ack-997.ts";
import { readInvoice, type X12Invoice } from "./invoice-810.ts";
import { readPurchaseOrder, type X12PurchaseOrder } from "./purchase-order-850.ts";
import { readShipNotice, type X12ShipNotice } from "./ship-notice-856.ts";

export type X12Document =
  | X12PurchaseOrder
  | X12PurchaseOrderAcknowledgment
  | X12ShipNotice
  | X12Invoice
  | X12PurchaseOrderChange
  | X12FunctionalAcknowledgment;

/** The typed read of a transaction set Crossdock maps (850, 855, 856, 810, 860, 997, 999); null for others. */
export function readTransactionSet(set: X12TransactionSet): X12Document | null {
  switch (set.id) {
    case "850":
      return readPurchaseOrder(set);
    case "855":
      return readPurchaseOrderAcknowledgment(set);
    case "856":
      return readShipNotice(set);
    case "810":
      return readInvoice(set);
    case "860":
      return readPurchaseOrderChange(set);
    case "997":
    case "999":
      return readFunctionalAcknowledgment(set);
    default:
      return null;
  }
}
