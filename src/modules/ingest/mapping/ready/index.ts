import { carrierTrackingEvent } from "./carrier-tracking-event.ts";
import { genericErpPurchaseOrder } from "./generic-erp-purchase-order.ts";
import { genericErpSalesOrder } from "./generic-erp-sales-order.ts";
import { genericErpShipment } from "./generic-erp-shipment.ts";
import type { ReadyMapping } from "./ready-mapping.ts";
import { shopifyOrder } from "./shopify-order.ts";

export type { ReadyMapping } from "./ready-mapping.ts";

/** The mappings a source can use by name (`{ "ready": "shopify-order" }`), each with an example payload. */
export const READY_MAPPINGS: Record<string, ReadyMapping> = {
  "generic-erp-sales-order": genericErpSalesOrder,
  "generic-erp-purchase-order": genericErpPurchaseOrder,
  "generic-erp-shipment": genericErpShipment,
  "shopify-order": shopifyOrder,
  "carrier-tracking-event": carrierTrackingEvent,
};
