import type { DemoScale } from "../world.ts";

/** How many documents of each kind a world of each scale gets (fewer when the world has fewer records). */
export type Volume = {
  purchaseOrders: number;
  /** Of the purchase orders, how many arrive scanned (each gives a PNG and an image-only PDF). */
  scannedPurchaseOrders: number;
  /** Of the purchase orders, the share that arrives as EDI 850. */
  ediPurchaseOrderShare: number;
  supplierInvoices: number;
  shipNotices: number;
  billsOfLading: number;
  proofsOfDelivery: number;
  rebateClaims: number;
};

// About 40, 300 and 1,000 documents; scans are kept few because they take the most time.
export const VOLUMES: Record<DemoScale, Volume> = {
  small: {
    purchaseOrders: 14,
    scannedPurchaseOrders: 2,
    ediPurchaseOrderShare: 0.25,
    supplierInvoices: 10,
    shipNotices: 5,
    billsOfLading: 5,
    proofsOfDelivery: 4,
    rebateClaims: 2,
  },
  medium: {
    purchaseOrders: 110,
    scannedPurchaseOrders: 10,
    ediPurchaseOrderShare: 0.25,
    supplierInvoices: 80,
    shipNotices: 35,
    billsOfLading: 35,
    proofsOfDelivery: 30,
    rebateClaims: 10,
  },
  large: {
    purchaseOrders: 380,
    scannedPurchaseOrders: 30,
    ediPurchaseOrderShare: 0.25,
    supplierInvoices: 260,
    shipNotices: 120,
    billsOfLading: 120,
    proofsOfDelivery: 100,
    rebateClaims: 30,
  },
};
