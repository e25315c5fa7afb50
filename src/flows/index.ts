import type { AnyFlow } from "../modules/workflows/index.ts";
import { inboundDelayResponse } from "./inbound-delay-response/flow.ts";
import { inboundPoToOrder } from "./inbound-po-to-order/flow.ts";
import { invoiceException } from "./invoice-exception/flow.ts";
import { pricingException } from "./pricing-exception/flow.ts";
import { replenishmentApproval } from "./replenishment-approval/flow.ts";

export type { FlowDeps } from "./deps.ts";
export { inboundPoOf } from "./document-routing/inbound-po-of.ts";
export { routeDocumentsToFlows } from "./document-routing/route-documents.ts";

/** Every flow template Crossdock ships, each at every version still running somewhere. */
export const FLOWS: readonly AnyFlow[] = [
  inboundPoToOrder,
  invoiceException,
  inboundDelayResponse,
  replenishmentApproval,
  pricingException,
];
