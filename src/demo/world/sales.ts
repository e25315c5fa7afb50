import type { RecordInput } from "../../modules/records/index.ts";
import type { Random } from "../random.ts";
import { addDays, at, nextWorkday } from "./calendar.ts";
import type { CatalogItem } from "./catalog.ts";
import { cents, quantity as qty, unitPrice } from "./money.ts";
import type { SaleLine } from "./operations.ts";
import type { DemoCustomer } from "./parties.ts";
import { type Pricing, priceFor } from "./pricing.ts";

const CARRIERS = ["UPS Freight", "Estes", "R+L Carriers", "Old Dominion", "FedEx Freight", "Local delivery"];
const TAX_RATE = 0.07;
const round2 = (value: number) => Math.round(value * 100) / 100;

export type SalesRecords = {
  orders: RecordInput<"sales_order">[];
  shipments: RecordInput<"shipment">[];
  invoices: RecordInput<"invoice">[];
  movements: RecordInput<"inventory_movement">[];
  /** Per item × warehouse, the quantity (base units) ordered but not yet shipped when the history ends. */
  allocated: Map<string, number>;
  /** AR invoices still unpaid past their due date at the end, by customer. */
  overdue: Map<string, number>;
};

/**
 * Turns the lines customers bought into what the ERP holds: one order per customer, warehouse and
 * day; shipped the next working day with a carrier; invoiced on shipment; paid by the terms (or
 * late, for deteriorating customers). Orders of the last two days are still open.
 */
export function buildSales(
  random: Random,
  days: string[],
  sales: SaleLine[],
  items: Map<string, CatalogItem>,
  customers: Map<string, DemoCustomer>,
  pricing: Pricing,
): SalesRecords {
  const end = days[days.length - 1] as string;
  const grouped = new Map<string, SaleLine[]>();
  for (const line of sales) {
    const key = `${String(line.day).padStart(4, "0")}|${line.customerExternalId}|${line.locationExternalId}`;
    const list = grouped.get(key) ?? [];
    list.push(line);
    grouped.set(key, list);
  }
  const result: SalesRecords = {
    orders: [],
    shipments: [],
    invoices: [],
    movements: [],
    allocated: new Map(),
    overdue: new Map(),
  };
  let orderNumber = 100_001;
  for (const key of [...grouped.keys()].sort()) {
    const lines = grouped.get(key) as SaleLine[];
    const first = lines[0] as SaleLine;
    const customer = customers.get(first.customerExternalId) as DemoCustomer;
    const orderDate = days[first.day] as string;
    const number = `SO-${orderNumber++}`;
    const shipTo = random.pick(customer.shipTos);
    const shipDate = nextWorkday(addDays(orderDate, 1));
    const open = first.day >= days.length - 2 || shipDate > end;
    const partNumbers = pricing.customerPartNumbers.get(customer.externalId);
    const orderLines = lines.map((line, i) => {
      const item = items.get(line.itemExternalId) as CatalogItem;
      const price = priceFor(pricing, customer.externalId, item, orderDate);
      return {
        item,
        record: {
          line_number: i + 1,
          item_external_id: item.externalId,
          customer_part_number: partNumbers?.get(item.externalId),
          description: item.record.name,
          quantity: qty(line.quantity),
          uom: item.packing.salesUom,
          unit_price: unitPrice(price),
          extended_price: cents(price * line.quantity),
          quantity_shipped: open ? "0" : qty(line.quantity),
          requested_date: shipDate,
          promised_date: shipDate,
          location_external_id: line.locationExternalId,
          status: open ? ("allocated" as const) : ("invoiced" as const),
        },
        amount: Math.round(price * line.quantity * 100) / 100,
        baseQuantity: line.quantity * item.packing.packSize,
      };
    });
    // Each printed amount is rounded to the cent, and totals add up the printed amounts.
    const subtotal = round2(orderLines.reduce((sum, line) => sum + line.amount, 0));
    const tax = customer.record.tax_exempt ? 0 : round2(subtotal * TAX_RATE);
    const freight = subtotal < 250 ? 18.5 : 0;
    // Key accounts and about two customers in three send their own PO numbers; the rest order without one.
    const usesPo = customer.keyAccount || customer.externalId.charCodeAt(customer.externalId.length - 1) % 3 !== 0;
    result.orders.push({
      source_system: "erp",
      external_id: number,
      order_number: number,
      customer_external_id: customer.externalId,
      ship_to_external_id: shipTo.external_id,
      customer_po_number: usesPo ? `${customer.record.account_number}-${random.int(10_000, 99_999)}` : undefined,
      status: open ? "released" : "invoiced",
      channel: customer.orderChannel,
      order_date: orderDate,
      requested_date: shipDate,
      promised_date: shipDate,
      location_external_id: first.locationExternalId,
      currency: "USD",
      subtotal: cents(subtotal),
      tax_amount: cents(tax),
      freight_amount: cents(freight),
      total_amount: cents(subtotal + tax + freight),
      payment_terms: customer.record.payment_terms,
      shipping_method: "Ground",
      sales_rep: customer.record.sales_rep,
      lines: orderLines.map((line) => line.record),
    });
    if (open) {
      for (const line of orderLines) {
        const slot = `${line.item.externalId}@${first.locationExternalId}`;
        result.allocated.set(slot, (result.allocated.get(slot) ?? 0) + line.baseQuantity);
      }
      continue;
    }
    const shipment = `SHP-${number.slice(3)}`;
    const carrier = random.pick(CARRIERS);
    const transitDays = carrier === "Local delivery" ? 1 : random.int(1, 3);
    const deliveredOn = addDays(shipDate, transitDays);
    const delivered = deliveredOn <= end;
    const trackingNumber = `${carrier.slice(0, 2).toUpperCase()}${random.int(100_000_000, 999_999_999)}`;
    result.shipments.push({
      source_system: "erp",
      external_id: shipment,
      shipment_number: shipment,
      direction: "outbound",
      status: delivered ? "delivered" : "in_transit",
      carrier,
      service_level: "LTL standard",
      tracking_number: trackingNumber,
      sales_order_external_id: number,
      customer_external_id: customer.externalId,
      ship_to_external_id: shipTo.external_id,
      origin_location_external_id: first.locationExternalId,
      ship_date: shipDate,
      estimated_delivery_at: at(deliveredOn, 17),
      delivered_at: delivered ? at(deliveredOn, random.int(8, 16), random.int(0, 59)) : undefined,
      package_count: Math.max(1, Math.ceil(orderLines.length / 2)),
      lines: orderLines.map((line, i) => ({
        line_number: i + 1,
        item_external_id: line.item.externalId,
        quantity: line.record.quantity,
        uom: line.record.uom,
        order_line_number: i + 1,
      })),
    });
    for (const [i, line] of orderLines.entries()) {
      result.movements.push({
        source_system: "wms",
        external_id: `MOV-${shipment}-${i + 1}`,
        item_external_id: line.item.externalId,
        location_external_id: first.locationExternalId,
        kind: "shipment",
        quantity: qty(-line.baseQuantity),
        uom: line.item.packing.baseUom,
        occurred_at: at(shipDate, 10, 15 + (i % 40)),
        reference_external_id: shipment,
      });
    }
    const invoiceNumber = `INV-${number.slice(3)}`;
    const due = addDays(shipDate, customer.paymentDays);
    const late = customer.deterioratingSince && shipDate >= customer.deterioratingSince ? random.int(20, 75) : random.int(-5, 6);
    const paidOn = addDays(due, late);
    const paid = paidOn <= end;
    if (!paid && due < end) result.overdue.set(customer.externalId, (result.overdue.get(customer.externalId) ?? 0) + 1);
    const total = subtotal + tax + freight;
    result.invoices.push({
      source_system: "erp",
      external_id: invoiceNumber,
      invoice_number: invoiceNumber,
      kind: "ar",
      status: paid ? "paid" : "open",
      customer_external_id: customer.externalId,
      sales_order_external_id: number,
      invoice_date: shipDate,
      due_date: due,
      currency: "USD",
      subtotal: cents(subtotal),
      tax_amount: cents(tax),
      freight_amount: cents(freight),
      total_amount: cents(total),
      balance_due: paid ? "0.00" : cents(total),
      payment_terms: customer.record.payment_terms,
      attributes: paid ? { paid_on: paidOn } : {},
      lines: orderLines.map((line, i) => ({
        line_number: i + 1,
        item_external_id: line.item.externalId,
        description: line.item.record.name,
        quantity: line.record.quantity,
        uom: line.record.uom,
        unit_price: line.record.unit_price,
        extended_amount: cents(line.amount),
        order_line_number: i + 1,
      })),
    });
  }
  return result;
}
