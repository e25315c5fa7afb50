export type { EdiDiagnostic, EdiDiagnosticCode, EdiPosition, EdiSeverity } from "./diagnostics.ts";
export { formatDiagnostic } from "./diagnostics.ts";
export { readEdifact } from "./edifact/read.ts";
export type {
  EdifactDocumentKind,
  EdifactInterchange,
  EdifactMessage,
  EdifactRead,
  EdifactSegment,
  EdifactSeparators,
} from "./edifact/types.ts";
export type { EdiInput } from "./input.ts";
export { detectStandard, type EdiRead, type EdiStandard, readEdi } from "./read-edi.ts";
export { iterateX12, streamX12, type X12StreamEvent } from "./x12/iterate.ts";
export { readX12 } from "./x12/read.ts";
export { components, element, type X12Segment, type X12Separators } from "./x12/segment.ts";
export type { X12LineAcknowledgment, X12LineStatus, X12PurchaseOrderAcknowledgment } from "./x12/sets/acknowledgment-855.ts";
export type { X12ChangeLine, X12PurchaseOrderChange } from "./x12/sets/change-order-860.ts";
export type { X12Contact, X12Date, X12PartNumbers, X12Party, X12ProductId, X12Reference } from "./x12/sets/common.ts";
export type {
  X12AckStatus,
  X12ElementError,
  X12FunctionalAcknowledgment,
  X12SegmentError,
  X12SetResponse,
} from "./x12/sets/functional-ack-997.ts";
export type { X12Charge, X12Invoice, X12Tax } from "./x12/sets/invoice-810.ts";
export type { X12OrderLine } from "./x12/sets/order-line.ts";
export type { X12PurchaseOrder } from "./x12/sets/purchase-order-850.ts";
export { readTransactionSet, type X12Document } from "./x12/sets/read-set.ts";
export type { X12LevelCode, X12ShipLevel, X12ShipLine, X12ShipNotice } from "./x12/sets/ship-notice-856.ts";
export type { X12Event, X12Group, X12Interchange, X12Read, X12Summary, X12TransactionSet } from "./x12/types.ts";
export {
  purchaseOrderAcknowledgment,
  type X12AcknowledgmentInput,
  type X12AcknowledgmentLineInput,
} from "./x12/write/acknowledgment-855.ts";
export {
  type AcknowledgeOptions,
  functionalAcknowledgment,
  writeFunctionalAcknowledgment,
} from "./x12/write/functional-ack-997.ts";
export { interchangeAcknowledgment, type X12InterchangeAckStatus } from "./x12/write/interchange-ack-ta1.ts";
export {
  invoice,
  invoiceTotal,
  type X12ChargeInput,
  type X12InvoiceInput,
  type X12InvoiceLineInput,
} from "./x12/write/invoice-810.ts";
export type { X12PartyInput } from "./x12/write/party.ts";
export { replySeparators } from "./x12/write/reply-separators.ts";
export {
  shipNotice,
  type X12ShipLineInput,
  type X12ShipNoticeInput,
  type X12ShipOrderInput,
} from "./x12/write/ship-notice-856.ts";
export {
  cleanElement,
  writeX12,
  type X12OutboundElement,
  type X12OutboundGroup,
  type X12OutboundInterchange,
  type X12OutboundSegment,
  type X12OutboundSet,
  type X12PartnerId,
} from "./x12/write/writer.ts";
