import type {
  X12AcknowledgmentInput,
  X12AcknowledgmentLineInput,
  X12InvoiceInput,
  X12PartyInput,
  X12ShipLineInput,
  X12ShipNoticeInput,
} from "../../edi/index.ts";
import { fromMicros, toMicros as micros } from "../decimal.ts";

/** A stored record as reads return it (fields, attributes, lines). */
export type StoredRecord = Record<string, unknown> & { id: string; version: number; lines?: Record<string, unknown>[] };

/** A document body's input, and what the record did not say that the document had to assume. */
export type Drafted<T> = { input: T; warnings: string[] };

const text = (value: unknown): string | undefined =>
  value === null || value === undefined || String(value).trim() === "" ? undefined : String(value).trim();

const today = (at: Date) => at.toISOString().slice(0, 10);

/** X12 units are two characters (EA, CS, BX); a longer unit is kept as its first two, with a warning. */
function unitOf(value: unknown, where: string, warnings: string[]): string {
  const unit = text(value)?.toUpperCase();
  if (!unit) {
    warnings.push(`${where} has no unit: EA was written`);
    return "EA";
  }
  if (unit.length > 2) {
    warnings.push(`${where}'s unit ${unit} is longer than X12's two characters: ${unit.slice(0, 2)} was written`);
    return unit.slice(0, 2);
  }
  return unit;
}

/**
 * An 855 answering a customer's order from its sales order: BAK with the customer's PO number
 * (customer_po_number, else the order number) and our order number, and each line's answer —
 * cancelled: rejected; backordered (or all of it backordered): backordered; part backordered:
 * changed, with the quantity we ship; otherwise accepted — with the promised date as the ship date.
 */
export function acknowledgmentFromSalesOrder(order: StoredRecord, at: Date): Drafted<X12AcknowledgmentInput> {
  const warnings: string[] = [];
  const lines = (order.lines ?? []).map((line): X12AcknowledgmentLineInput => {
    const where = `Line ${line.line_number}`;
    const quantity = String(line.quantity);
    const backordered = micros(line.quantity_backordered) ?? 0n;
    const ordered = micros(line.quantity) ?? 0n;
    const base = {
      line_number: Number(line.line_number),
      quantity,
      uom: unitOf(line.uom, where, warnings),
      ...(text(line.unit_price) ? { unit_price: String(line.unit_price) } : {}),
      ...(text(line.customer_part_number) ? { buyer_part_number: String(line.customer_part_number) } : {}),
      vendor_part_number: String(line.item_external_id),
      ...(text(line.promised_date) ? { ship_date: String(line.promised_date) } : {}),
    };
    if (line.status === "cancelled") return { ...base, status: "rejected" };
    if (line.status === "backordered" || (backordered > 0n && backordered >= ordered)) return { ...base, status: "backordered" };
    if (backordered > 0n) {
      const shipped = ordered - backordered;
      return { ...base, status: "changed", ack_quantity: fromMicros(shipped) };
    }
    return { ...base, status: "accepted" };
  });
  const parties: X12PartyInput[] = [];
  const shipTo = text(order.ship_to_external_id);
  if (shipTo) parties.push({ role: "ST", name: shipTo, id_qualifier: "92", id: shipTo });
  return {
    input: {
      po_number: text(order.customer_po_number) ?? String(order.order_number),
      po_date: String(order.order_date),
      seller_order_number: String(order.order_number),
      acknowledgment_date: today(at),
      parties,
      lines,
    },
    warnings,
  };
}

/**
 * An 856 announcing an outbound shipment: BSN with the shipment number, the carrier and tracking
 * number, and one order level for the sales order it ships (PRF01 the customer's PO number when the
 * order is known, else its id), each shipment line an item under it.
 */
export function shipNoticeFromShipment(
  shipment: StoredRecord,
  order: StoredRecord | undefined,
  at: Date,
): Drafted<X12ShipNoticeInput> {
  const warnings: string[] = [];
  const shipDate = text(shipment.ship_date);
  if (!shipDate) warnings.push(`The shipment has no ship date: today (${today(at)}) was written`);
  const lines = (shipment.lines ?? []).map(
    (line): X12ShipLineInput => ({
      line_number: Number(line.order_line_number ?? line.line_number),
      quantity: String(line.quantity),
      uom: unitOf(line.uom, `Line ${line.line_number}`, warnings),
      vendor_part_number: String(line.item_external_id),
      ...(text(line.lot_number) ? { lot_number: String(line.lot_number) } : {}),
    }),
  );
  const poNumber =
    text(order?.customer_po_number) ?? text(order?.order_number) ?? text(shipment.sales_order_external_id) ?? undefined;
  if (!poNumber) warnings.push("The shipment names no sales order: PRF01 is the shipment number");
  if (shipment.sales_order_external_id && !order) {
    warnings.push(`Sales order ${shipment.sales_order_external_id} is not in Crossdock: PRF01 is its external id`);
  }
  const parties: X12PartyInput[] = [];
  const shipTo = text(shipment.ship_to_external_id) ?? text(order?.ship_to_external_id);
  if (shipTo) parties.push({ role: "ST", name: shipTo, id_qualifier: "92", id: shipTo });
  const origin = text(shipment.origin_location_external_id);
  if (origin) parties.push({ role: "SF", name: origin, id_qualifier: "92", id: origin });
  const delivery = text(shipment.estimated_delivery_at);
  return {
    input: {
      shipment_number: String(shipment.shipment_number),
      ship_date: shipDate ?? today(at),
      ...(text(shipment.carrier) ? { carrier: String(shipment.carrier) } : {}),
      ...(text(shipment.service_level) ? { routing: String(shipment.service_level) } : {}),
      ...(text(shipment.tracking_number) ? { tracking_number: String(shipment.tracking_number) } : {}),
      ...(shipment.package_count !== null && shipment.package_count !== undefined
        ? { package_count: Number(shipment.package_count) }
        : {}),
      ...(text(shipment.weight) ? { weight: String(shipment.weight), weight_uom: text(shipment.weight_uom) ?? "LB" } : {}),
      ...(delivery ? { estimated_delivery_date: delivery.slice(0, 10) } : {}),
      parties,
      orders: [
        {
          po_number: poNumber ?? String(shipment.shipment_number),
          ...(text(order?.order_date) ? { po_date: String(order?.order_date) } : {}),
          lines,
        },
      ],
    },
    warnings,
  };
}

/**
 * An 810 billing an AR invoice: BIG with the invoice number and date and the customer's PO
 * (`reference`, else the sales order's customer PO), each line (a line without a quantity is one
 * unit at its amount), freight as SAC D240, tax as TXI. The 810's total (TDS) is what its lines,
 * charges and tax add up to; when that differs from the invoice's total_amount, a warning says so.
 */
export function invoiceFromRecord(invoice: StoredRecord, order: StoredRecord | undefined): Drafted<X12InvoiceInput> {
  const warnings: string[] = [];
  const lines = (invoice.lines ?? []).map((line) => {
    const hasQuantity = text(line.quantity) !== undefined && text(line.unit_price) !== undefined;
    if (!hasQuantity) warnings.push(`Line ${line.line_number} has no quantity and price: written as 1 at its amount`);
    return {
      line_number: Number(line.order_line_number ?? line.line_number),
      quantity: hasQuantity ? String(line.quantity) : "1",
      uom: unitOf(line.uom, `Line ${line.line_number}`, warnings),
      unit_price: hasQuantity ? String(line.unit_price) : String(line.extended_amount),
      ...(text(line.item_external_id) ? { vendor_part_number: String(line.item_external_id) } : {}),
      ...(text(line.description) ? { description: String(line.description) } : {}),
    };
  });
  const poNumber = text(invoice.reference) ?? text(order?.customer_po_number);
  const freight = text(invoice.freight_amount);
  const tax = text(invoice.tax_amount);
  const parties: X12PartyInput[] = [];
  const billTo = text(invoice.customer_external_id);
  if (billTo) parties.push({ role: "BT", name: billTo, id_qualifier: "92", id: billTo });
  const terms = text(invoice.payment_terms);
  return {
    input: {
      invoice_number: String(invoice.invoice_number),
      invoice_date: String(invoice.invoice_date),
      ...(poNumber ? { po_number: poNumber } : {}),
      ...(text(order?.order_date) ? { po_date: String(order?.order_date) } : {}),
      currency: String(invoice.currency),
      parties,
      ...(terms ? { terms: { description: terms } } : {}),
      lines,
      ...(freight && micros(freight) !== 0n ? { charges: [{ kind: "charge" as const, code: "D240", amount: freight }] } : {}),
      ...(tax && micros(tax) !== 0n ? { tax_amount: tax } : {}),
    },
    warnings,
  };
}
