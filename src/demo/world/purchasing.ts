import type { RecordInput } from "../../modules/records/index.ts";
import type { Random } from "../random.ts";
import type { DemoTruth } from "../world.ts";
import { addDays, at } from "./calendar.ts";
import type { CatalogItem } from "./catalog.ts";
import { cents, quantity as qty, round4, unitPrice } from "./money.ts";
import type { PlacedOrder } from "./operations.ts";
import type { DemoSupplier } from "./parties.ts";

const CARRIERS = ["XPO Logistics", "Saia", "Southeastern Freight", "ABF Freight", "YRC", "UPS Freight"];
const CITIES: [string, string][] = [
  ["Chicago", "IL"],
  ["Indianapolis", "IN"],
  ["Memphis", "TN"],
  ["Columbus", "OH"],
  ["Louisville", "KY"],
  ["Kansas City", "MO"],
];

export type PurchasingRecords = {
  purchaseOrders: RecordInput<"purchase_order">[];
  receipts: RecordInput<"receipt">[];
  shipments: RecordInput<"shipment">[];
  invoices: RecordInput<"invoice">[];
  movements: RecordInput<"inventory_movement">[];
  /** Per item × warehouse, base units on open orders and in transit. */
  inTransit: Map<string, number>;
  lateShipments: DemoTruth["lateShipments"];
  invoiceErrors: DemoTruth["invoiceErrors"];
};

/**
 * What the replenishment orders leave in the ERP and WMS: purchase orders, the supplier's
 * shipment with its carrier's tracking events, the receipt, the supplier's invoice (a share of
 * them wrong in the ways AP clerks see), and the stock movements of each receipt.
 */
export function buildPurchasing(
  random: Random,
  days: string[],
  orders: PlacedOrder[],
  items: Map<string, CatalogItem>,
  suppliers: Map<string, DemoSupplier>,
): PurchasingRecords {
  const end = days[days.length - 1] as string;
  const dayOf = (index: number) => addDays(days[0] as string, index);
  const result: PurchasingRecords = {
    purchaseOrders: [],
    receipts: [],
    shipments: [],
    invoices: [],
    movements: [],
    inTransit: new Map(),
    lateShipments: [],
    invoiceErrors: [],
  };
  const lastInvoiceOf = new Map<string, RecordInput<"invoice">>();
  orders.forEach((order, n) => {
    const supplier = suppliers.get(order.supplierExternalId) as DemoSupplier;
    const poNumber = `PO-${4_500_001 + n}`;
    const orderDate = dayOf(order.orderDay);
    const promised = dayOf(order.promisedDay);
    const arrival = dayOf(order.arrivalDay);
    const received = arrival <= end;
    // The supplier ships about halfway through the lead time; the carrier takes the rest.
    const shipDay = Math.max(
      order.orderDay + 1,
      order.orderDay + Math.round((order.arrivalDay - order.orderDay) * (0.4 + random.next() * 0.2)),
    );
    const shipped = dayOf(shipDay) <= end;
    const lines = order.lines.map((line, i) => {
      const item = items.get(line.itemExternalId) as CatalogItem;
      return { i, item, ordered: line.quantity, received: received ? line.received : 0, cost: item.cost };
    });
    const total = lines.reduce((sum, line) => sum + line.cost * line.ordered, 0);
    result.purchaseOrders.push({
      source_system: "erp",
      external_id: poNumber,
      po_number: poNumber,
      supplier_external_id: supplier.externalId,
      status: received ? "received" : "acknowledged",
      order_date: orderDate,
      expected_date: promised,
      location_external_id: order.locationExternalId,
      currency: "USD",
      total_amount: cents(total),
      buyer: supplier.record.buyer,
      payment_terms: supplier.record.payment_terms,
      incoterms: supplier.record.incoterms,
      shipping_method: "LTL",
      is_acknowledged: true,
      lines: lines.map((line) => ({
        line_number: line.i + 1,
        item_external_id: line.item.externalId,
        description: line.item.record.name,
        quantity: qty(line.ordered),
        uom: line.item.packing.salesUom,
        unit_cost: unitPrice(line.cost),
        extended_cost: cents(line.cost * line.ordered),
        quantity_received: qty(line.received),
        expected_date: promised,
        promised_date: promised,
        status: received ? (line.received < line.ordered ? "partially_received" : "received") : "open",
      })),
    });
    if (!received) {
      for (const line of lines) {
        const slot = `${line.item.externalId}@${order.locationExternalId}`;
        result.inTransit.set(slot, (result.inTransit.get(slot) ?? 0) + line.ordered * line.item.packing.packSize);
      }
    }

    if (shipped) {
      const shipment = `ASN-${poNumber.slice(3)}`;
      const carrier = random.pick(CARRIERS);
      const [originCity, originRegion] = random.pick(CITIES);
      const late = order.arrivalDay > order.promisedDay;
      // The carrier's estimate tracks the promise until a delay is reported, then slips (not always far enough).
      const events: NonNullable<RecordInput<"shipment">["tracking_events"]> = [];
      const push = (date: string, hour: number, status: string, description: string, eta: string) => {
        if (date <= end)
          events.push({
            occurred_at: at(date, hour, random.int(0, 59)),
            status: status as never,
            code: status.toUpperCase(),
            description,
            city: originCity,
            region: originRegion,
            country: "US",
            estimated_delivery_at: at(eta, 17),
          });
      };
      push(dayOf(shipDay), 9, "picked_up", "Picked up from shipper", promised < dayOf(shipDay) ? dayOf(shipDay + 2) : promised);
      const transit = order.arrivalDay - shipDay;
      for (let d = 1; d < transit; d += 2) {
        const date = dayOf(shipDay + d);
        const delayed = late && d >= Math.floor(transit / 2);
        const eta = delayed ? dayOf(order.promisedDay + Math.ceil((order.arrivalDay - order.promisedDay) * 0.7)) : promised;
        push(
          date,
          14,
          delayed ? "delayed" : "in_transit",
          delayed ? `Delay: ${order.lateReason}` : "In transit",
          // biome-ignore lint/complexity/useMathMinMax: ISO dates (strings), the later of the two
          eta < date ? date : eta,
        );
      }
      if (received) push(arrival, 7, "out_for_delivery", "Out for delivery", arrival);
      if (received) push(arrival, 11, "delivered", "Delivered", arrival);
      const lastEta = events.at(-1)?.estimated_delivery_at ?? at(promised, 17);
      result.shipments.push({
        source_system: "tms",
        external_id: shipment,
        shipment_number: shipment,
        direction: "inbound",
        status: received ? "delivered" : late && events.some((e) => e.status === "delayed") ? "delayed" : "in_transit",
        carrier,
        service_level: "LTL standard",
        tracking_number: `${carrier.slice(0, 3).toUpperCase()}${random.int(10_000_000, 99_999_999)}`,
        purchase_order_external_id: poNumber,
        supplier_external_id: supplier.externalId,
        destination_location_external_id: order.locationExternalId,
        ship_date: dayOf(shipDay),
        estimated_delivery_at: lastEta,
        delivered_at: received ? at(arrival, 11, 0) : undefined,
        package_count: lines.length,
        lines: lines.map((line) => ({
          line_number: line.i + 1,
          item_external_id: line.item.externalId,
          quantity: qty(line.ordered),
          uom: line.item.packing.salesUom,
          order_line_number: line.i + 1,
        })),
        tracking_events: events,
      });
      if (late) {
        result.lateShipments.push({
          shipmentExternalId: shipment,
          promisedAt: at(promised, 17),
          trueArrivalAt: at(arrival, 11),
          delayDays: order.arrivalDay - order.promisedDay,
          reason: order.lateReason ?? "longer transit than quoted",
        });
      }
    }
    if (!received) return;

    const receipt = `RCV-${poNumber.slice(3)}`;
    result.receipts.push({
      source_system: "wms",
      external_id: receipt,
      receipt_number: receipt,
      purchase_order_external_id: poNumber,
      supplier_external_id: supplier.externalId,
      location_external_id: order.locationExternalId,
      status: "posted",
      received_at: at(arrival, 11, 30),
      packing_slip_number: `PS-${random.int(100_000, 999_999)}`,
      received_by: random.pick(["dock 1", "dock 2", "receiving"]),
      lines: lines.map((line) => ({
        line_number: line.i + 1,
        purchase_order_line_number: line.i + 1,
        item_external_id: line.item.externalId,
        quantity_received: qty(line.received),
        uom: line.item.packing.salesUom,
        condition: line.received < line.ordered ? "short" : "good",
      })),
    });
    for (const line of lines) {
      if (line.received === 0) continue;
      result.movements.push({
        source_system: "wms",
        external_id: `MOV-${receipt}-${line.i + 1}`,
        item_external_id: line.item.externalId,
        location_external_id: order.locationExternalId,
        kind: "receipt",
        quantity: qty(line.received * line.item.packing.packSize),
        uom: line.item.packing.baseUom,
        occurred_at: at(arrival, 11, 30),
        reference_external_id: receipt,
        unit_cost: unitPrice(line.cost / line.item.packing.packSize),
        currency: "USD",
      });
    }
    const invoiceDate = addDays(arrival, random.int(-2, 3));
    if (invoiceDate > end) return;
    const invoice = buildApInvoice(random, supplier, poNumber, invoiceDate, lines, result);
    const previous = lastInvoiceOf.get(supplier.externalId);
    lastInvoiceOf.set(supplier.externalId, invoice);
    result.invoices.push(invoice);
    // Now and then a supplier sends an invoice again, under the same number.
    if (previous && random.chance(0.015)) {
      const duplicate = {
        ...previous,
        external_id: `${previous.external_id}-DUP`,
        invoice_date: invoiceDate,
        status: "open" as const,
      };
      result.invoices.push(duplicate);
      result.invoiceErrors.push({
        invoiceExternalId: duplicate.external_id,
        kind: "duplicate_number",
        detail: `invoice number ${previous.invoice_number} was already received as ${previous.external_id}`,
      });
    }
  });
  return result;
}

type ApLine = { i: number; item: CatalogItem; ordered: number; received: number; cost: number };

function buildApInvoice(
  random: Random,
  supplier: DemoSupplier,
  poNumber: string,
  invoiceDate: string,
  lines: ApLine[],
  result: PurchasingRecords,
): RecordInput<"invoice"> {
  const number = `${supplier.externalId.replace("SUP-", "")}-${poNumber.slice(5)}`;
  const externalId = `AP-${supplier.externalId}-${number}`;
  const error = random.weighted(
    ["none", "price_above_agreement", "quantity_above_received", "wrong_total"] as const,
    [96, 2, 1, 1],
  );
  const shortLine = lines.find((line) => line.received < line.ordered);
  const billed = lines.map((line) => ({ ...line, quantity: line.received, price: line.cost }));
  const target = random.pick(billed);
  if (error === "price_above_agreement") {
    target.price = round4(target.cost * (1.04 + random.next() * 0.1));
    result.invoiceErrors.push({
      invoiceExternalId: externalId,
      kind: error,
      detail: `line ${target.i + 1} billed at ${unitPrice(target.price)} against the PO cost ${unitPrice(target.cost)}`,
    });
  } else if (error === "quantity_above_received") {
    const line = (shortLine ? billed.find((b) => b.i === shortLine.i) : target) as (typeof billed)[number];
    line.quantity = shortLine ? shortLine.ordered : line.received + random.int(1, 5);
    result.invoiceErrors.push({
      invoiceExternalId: externalId,
      kind: error,
      detail: `line ${line.i + 1} bills ${line.quantity} but ${line.received} were received`,
    });
  }
  const amounts = billed.map((line) => Math.round(line.price * line.quantity * 100) / 100);
  const subtotal = Math.round(amounts.reduce((sum, amount) => sum + amount, 0) * 100) / 100;
  const freight = subtotal < 500 ? 45 : 0;
  let total = subtotal + freight;
  if (error === "wrong_total") {
    const wrong = total + (random.chance(0.5) ? 1 : -1) * (10 + random.int(0, 90));
    result.invoiceErrors.push({
      invoiceExternalId: externalId,
      kind: error,
      detail: `total ${cents(wrong)} but lines and freight add up to ${cents(total)}`,
    });
    total = wrong;
  }
  const terms = supplier.record.payment_terms ?? "Net 30";
  return {
    source_system: "erp",
    external_id: externalId,
    invoice_number: number,
    kind: "ap",
    status: error === "none" ? "open" : "on_hold",
    supplier_external_id: supplier.externalId,
    purchase_order_external_id: poNumber,
    invoice_date: invoiceDate,
    due_date: addDays(invoiceDate, terms.includes("60") ? 60 : terms.includes("45") ? 45 : 30),
    currency: "USD",
    subtotal: cents(subtotal),
    freight_amount: cents(freight),
    total_amount: cents(total),
    balance_due: cents(total),
    payment_terms: terms,
    reference: poNumber,
    lines: billed.map((line, n) => ({
      line_number: line.i + 1,
      item_external_id: line.item.externalId,
      description: line.item.record.name,
      quantity: qty(line.quantity),
      uom: line.item.packing.salesUom,
      unit_price: unitPrice(line.price),
      extended_amount: cents(amounts[n] as number),
      order_line_number: line.i + 1,
    })),
  };
}
