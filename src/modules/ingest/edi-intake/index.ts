// The X12 reader, for callers that read what Crossdock wrote (the CLI, API tests).
export {
  readTransactionSet,
  readX12,
  type X12FunctionalAcknowledgment,
  type X12PurchaseOrderAcknowledgment,
} from "../edi/index.ts";
export { createEdiIntake } from "./edi-intake.ts";
export { MAX_INTERCHANGE_BYTES } from "./receive/receive-interchange.ts";
