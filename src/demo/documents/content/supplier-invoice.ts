import type { RecordInput } from "../../../modules/records/index.ts";
import type { Random } from "../../random.ts";
import type { InvoiceErrorKind } from "../../world.ts";
import { type Micros, sumMicros, toMicros } from "../decimal.ts";
import { mustGet, type WorldIndex } from "../world-index.ts";
import { companyParty, locationParty, type Party, supplierParty } from "./party.ts";
import { type SourceRef, sourceOf } from "./source.ts";

export type SupplierInvoiceLine = {
  lineNumber: number;
  itemExternalId: string | null;
  supplierPartNumber: string | null;
  /** The distributor's item number, which suppliers print when their customer asks them to. */
  sku: string | null;
  description: string;
  quantity: Micros | null;
  uom: string | null;
  unitPrice: Micros | null;
  amount: Micros;
};

/** A supplier's bill to the distributor, printed from the AP invoice record as it stands, errors included. */
export type SupplierInvoiceContent = {
  source: SourceRef;
  supplierExternalId: string;
  purchaseOrderExternalId: string | null;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string | null;
  poNumber: string | null;
  poDate: string | null;
  supplier: Party;
  billTo: Party;
  shipTo: Party | null;
  /** The distributor's account number in the supplier's books. */
  customerAccount: string;
  terms: string | null;
  lines: SupplierInvoiceLine[];
  subtotal: Micros;
  tax: Micros;
  freight: Micros;
  total: Micros;
  errors: { kind: InvoiceErrorKind; detail: string }[];
};

export function supplierInvoiceOf(index: WorldIndex, invoice: RecordInput<"invoice">, partners: Random): SupplierInvoiceContent {
  const supplier = mustGet(index.suppliers, invoice.supplier_external_id, "supplier");
  const order = invoice.purchase_order_external_id ? index.purchaseOrders.get(invoice.purchase_order_external_id) : undefined;
  const location = order?.location_external_id ? index.locations.get(order.location_external_id) : undefined;
  const lines = (invoice.lines ?? []).map((line): SupplierInvoiceLine => {
    const item = line.item_external_id ? index.items.get(line.item_external_id) : undefined;
    const xref = item ? index.supplierParts.get(`${supplier.external_id}|${item.external_id}`) : undefined;
    return {
      lineNumber: Number(line.line_number),
      itemExternalId: item?.external_id ?? null,
      supplierPartNumber: xref?.part_number ?? item?.manufacturer_part_number ?? null,
      sku: item?.sku ?? null,
      description: line.description ?? xref?.description ?? item?.name ?? "",
      quantity: line.quantity != null ? toMicros(line.quantity) : null,
      uom: line.uom ?? null,
      unitPrice: line.unit_price != null ? toMicros(line.unit_price) : null,
      amount: toMicros(line.extended_amount),
    };
  });
  const lineTax = sumMicros((invoice.lines ?? []).map((line) => (line.tax_amount != null ? toMicros(line.tax_amount) : 0n)));
  return {
    source: sourceOf("invoice", invoice),
    supplierExternalId: supplier.external_id,
    purchaseOrderExternalId: order?.external_id ?? null,
    invoiceNumber: invoice.invoice_number,
    invoiceDate: invoice.invoice_date,
    dueDate: invoice.due_date ?? null,
    poNumber: order?.po_number ?? invoice.reference ?? null,
    poDate: order?.order_date ?? null,
    supplier: supplierParty(supplier),
    billTo: companyParty(index.world.company),
    shipTo: location ? locationParty(location, index.world.company) : null,
    customerAccount: String(partners.fork(supplier.external_id).fork("account").int(100_000, 999_999)),
    terms: invoice.payment_terms ?? supplier.payment_terms ?? null,
    lines,
    subtotal: invoice.subtotal != null ? toMicros(invoice.subtotal) : sumMicros(lines.map((line) => line.amount)),
    tax: invoice.tax_amount != null ? toMicros(invoice.tax_amount) : lineTax,
    freight: invoice.freight_amount != null ? toMicros(invoice.freight_amount) : 0n,
    total: toMicros(invoice.total_amount),
    errors: index.world.truth.invoiceErrors
      .filter((error) => error.invoiceExternalId === invoice.external_id)
      .map((error) => ({ kind: error.kind, detail: error.detail })),
  };
}
