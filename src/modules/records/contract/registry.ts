import type { z } from "zod";
import { customerRecord } from "./types/customer.ts";
import { inventoryBalanceRecord } from "./types/inventory-balance.ts";
import { inventoryMovementRecord } from "./types/inventory-movement.ts";
import { invoiceRecord } from "./types/invoice.ts";
import { itemRecord } from "./types/item.ts";
import { itemXrefRecord } from "./types/item-xref.ts";
import { locationRecord } from "./types/location.ts";
import { priceAgreementRecord } from "./types/price-agreement.ts";
import { priceListRecord } from "./types/price-list.ts";
import { purchaseOrderRecord } from "./types/purchase-order.ts";
import { receiptRecord } from "./types/receipt.ts";
import { salesOrderRecord } from "./types/sales-order.ts";
import { serviceCaseRecord } from "./types/service-case.ts";
import { shipToRecord } from "./types/ship-to.ts";
import { shipmentRecord } from "./types/shipment.ts";
import { supplierRecord } from "./types/supplier.ts";

/** Every canonical record type, by name. */
export const recordTypes = {
  item: itemRecord,
  item_xref: itemXrefRecord,
  location: locationRecord,
  customer: customerRecord,
  ship_to: shipToRecord,
  supplier: supplierRecord,
  price_list: priceListRecord,
  price_agreement: priceAgreementRecord,
  sales_order: salesOrderRecord,
  purchase_order: purchaseOrderRecord,
  receipt: receiptRecord,
  shipment: shipmentRecord,
  invoice: invoiceRecord,
  inventory_balance: inventoryBalanceRecord,
  inventory_movement: inventoryMovementRecord,
  service_case: serviceCaseRecord,
} as const;

export type RecordTypeName = keyof typeof recordTypes;
export type RecordTypes = typeof recordTypes;

export const RECORD_TYPE_NAMES = Object.keys(recordTypes) as RecordTypeName[];

export function isRecordTypeName(value: string): value is RecordTypeName {
  return Object.hasOwn(recordTypes, value);
}

/** The record type whose ids start with `prefix_`, if any. */
export function recordTypeOfId(id: string): RecordTypeName | undefined {
  const prefix = id.slice(0, id.indexOf("_"));
  return RECORD_TYPE_NAMES.find((name) => recordTypes[name].prefix === prefix);
}

/** What a caller sends to upsert one record of type T. */
export type RecordInput<T extends RecordTypeName> = z.input<RecordTypes[T]["input"]>;
/** One record of type T after validation: normalised, every field present (null when unset). */
export type ParsedRecord<T extends RecordTypeName> = z.output<RecordTypes[T]["input"]>;
/** A stored record of type T, as reads return it. */
export type RecordOutput<T extends RecordTypeName> = z.output<RecordTypes[T]["output"]>;

export type Item = RecordOutput<"item">;
export type ItemXref = RecordOutput<"item_xref">;
export type Location = RecordOutput<"location">;
export type Customer = RecordOutput<"customer">;
export type ShipTo = RecordOutput<"ship_to">;
export type Supplier = RecordOutput<"supplier">;
export type PriceList = RecordOutput<"price_list">;
export type PriceAgreement = RecordOutput<"price_agreement">;
export type SalesOrder = RecordOutput<"sales_order">;
export type PurchaseOrder = RecordOutput<"purchase_order">;
export type Receipt = RecordOutput<"receipt">;
export type Shipment = RecordOutput<"shipment">;
export type Invoice = RecordOutput<"invoice">;
export type InventoryBalance = RecordOutput<"inventory_balance">;
export type InventoryMovement = RecordOutput<"inventory_movement">;
export type ServiceCase = RecordOutput<"service_case">;

/** Every record type, in a stable order: for registering routes, commands or console pages per type. */
export const RECORD_TYPES: readonly RecordTypes[RecordTypeName][] = RECORD_TYPE_NAMES.map((name) => recordTypes[name]);
