import type { RecordInput } from "../../../modules/records/index.ts";
import type { Random } from "../../random.ts";
import { extend, type Micros, sumMicros, toMicros } from "../decimal.ts";
import { mustGet, type WorldIndex } from "../world-index.ts";
import { companyParty, customerParty, type Party, shipToParty } from "./party.ts";
import { personName } from "./people.ts";
import { type SourceRef, sourceOf } from "./source.ts";

export type PurchaseOrderLine = {
  lineNumber: number;
  itemExternalId: string;
  /** The distributor's item number, which the customer's system may know as the vendor part. */
  sku: string;
  customerPartNumber: string | null;
  description: string;
  quantity: Micros;
  uom: string;
  unitPrice: Micros;
  amount: Micros;
  requestedDate: string | null;
};

/** A customer's purchase order: the document that became one of the distributor's sales orders. */
export type PurchaseOrderContent = {
  source: SourceRef;
  customerExternalId: string;
  shipToExternalId: string | null;
  poNumber: string;
  poDate: string;
  requestedDate: string | null;
  buyer: Party;
  buyerContact: string;
  /** The distributor, as the customer addresses its supplier. */
  vendor: Party;
  /** The customer's own vendor number for the distributor. */
  vendorNumber: string;
  shipTo: Party;
  terms: string | null;
  shipVia: string | null;
  notes: string | null;
  lines: PurchaseOrderLine[];
  subtotal: Micros;
  tax: Micros;
};

/**
 * The PO behind a sales order. `partners` is a stream for per-customer habits (the buyer's name, our
 * vendor number in their books), forked by customer so every PO of one customer agrees.
 */
export function purchaseOrderOf(index: WorldIndex, order: RecordInput<"sales_order">, partners: Random): PurchaseOrderContent {
  const customer = mustGet(index.customers, order.customer_external_id, "customer");
  const shipTo = order.ship_to_external_id ? index.shipTos.get(order.ship_to_external_id) : undefined;
  const habits = partners.fork(customer.external_id);
  const lines = (order.lines ?? []).map((line): PurchaseOrderLine => {
    const item = mustGet(index.items, line.item_external_id, "item");
    const xref = index.customerParts.get(`${customer.external_id}|${item.external_id}`);
    const quantity = toMicros(line.quantity);
    const unitPrice = toMicros(line.unit_price);
    return {
      lineNumber: Number(line.line_number),
      itemExternalId: item.external_id,
      sku: item.sku,
      customerPartNumber: line.customer_part_number ?? xref?.part_number ?? null,
      description: xref?.description ?? line.description ?? item.name,
      quantity,
      uom: line.uom,
      unitPrice,
      amount: line.extended_price != null ? toMicros(line.extended_price) : extend(quantity, unitPrice),
      requestedDate: line.requested_date ?? null,
    };
  });
  return {
    source: sourceOf("sales_order", order),
    customerExternalId: customer.external_id,
    shipToExternalId: shipTo?.external_id ?? null,
    poNumber: order.customer_po_number ?? order.order_number,
    poDate: order.order_date,
    requestedDate: order.requested_date ?? lines.find((line) => line.requestedDate)?.requestedDate ?? null,
    buyer: customerParty(customer),
    buyerContact: personName(habits.fork("buyer")),
    vendor: companyParty(index.world.company),
    vendorNumber: `V${habits.fork("vendor-number").int(10_000, 99_999)}`,
    shipTo: shipTo ? shipToParty(shipTo, customer) : customerParty(customer),
    terms: order.payment_terms ?? customer.payment_terms ?? null,
    shipVia: order.shipping_method ?? shipTo?.shipping_method ?? null,
    notes: shipTo?.delivery_instructions ?? null,
    lines,
    subtotal: sumMicros(lines.map((line) => line.amount)),
    tax: order.tax_amount != null ? toMicros(order.tax_amount) : 0n,
  };
}
