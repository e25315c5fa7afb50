/**
 * The records contract: what each canonical record type holds and how it is validated. Imports
 * only zod, so the console and API clients can use it as it is.
 */

export { type ChildCollection, ExternalId, parseRecordInput, type RecordType, SourceSystem } from "./define-record.ts";
export type { Field, FieldKind, FieldMeta, Fields } from "./fields.ts";
export { RecordHistoryEntry } from "./history.ts";
export { LIST_LIMIT, type ListParam, parseFilterValue } from "./list-query.ts";
export type { QuickInput } from "./quick-input.ts";
export {
  type Customer,
  type InventoryBalance,
  type InventoryMovement,
  type Invoice,
  type Item,
  type ItemXref,
  isRecordTypeName,
  type Location,
  type ParsedRecord,
  type PriceAgreement,
  type PriceList,
  type PurchaseOrder,
  RECORD_TYPE_NAMES,
  RECORD_TYPES,
  type Receipt,
  type RecordInput,
  type RecordOutput,
  type RecordTypeName,
  type RecordTypes,
  recordTypeOfId,
  recordTypes,
  type SalesOrder,
  type ServiceCase,
  type Shipment,
  type ShipTo,
  type Supplier,
} from "./registry.ts";
export type { Rule } from "./rules.ts";
export { RecordsSummary } from "./summary.ts";
export { isCalendarDate, isCalendarDay, normaliseCurrency, normaliseDecimal, normaliseTimestamp } from "./values.ts";
