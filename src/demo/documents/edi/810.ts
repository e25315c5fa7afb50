import type { SupplierInvoiceContent } from "../content/supplier-invoice.ts";
import { canonicalDecimal } from "../decimal.ts";
import type { TruthRecorder } from "../truth/recorder.ts";
import { impliedCents, x12Unit } from "./edi-formats.ts";
import { element, type Segment } from "./x12-writer.ts";

/** The body of an 810 invoice from a supplier. TDS carries the invoice record's total, right or wrong. */
export function invoice810(invoice: SupplierInvoiceContent, record: TruthRecorder): Segment[] {
  const text = (key: string, value: string, max?: number) => record.text(key, element(value, max));
  const big: string[] = [
    "BIG",
    record.date("invoice_date", invoice.invoiceDate),
    text("invoice_number", invoice.invoiceNumber, 22),
  ];
  if (invoice.poNumber)
    big.push(invoice.poDate ? record.date("po_date", invoice.poDate) : "", text("po_number", invoice.poNumber, 22));
  const segments: Segment[] = [big, ["CUR", "SE", record.text("currency", "USD")]];
  segments.push([
    "N1",
    "RI",
    text("supplier_name", invoice.supplier.name, 60),
    "92",
    text("supplier_code", invoice.supplier.code ?? "", 20),
  ]);
  if (invoice.supplier.line1) segments.push(["N3", text("supplier_address_line1", invoice.supplier.line1, 55)]);
  segments.push([
    "N4",
    text("supplier_city", invoice.supplier.city ?? "", 30),
    text("supplier_region", invoice.supplier.region ?? "", 2),
    text("supplier_postal_code", invoice.supplier.postalCode ?? "", 15),
  ]);
  segments.push([
    "N1",
    "BT",
    text("bill_to_name", invoice.billTo.name, 60),
    "91",
    text("customer_account", invoice.customerAccount),
  ]);
  if (invoice.shipTo)
    segments.push([
      "N1",
      "ST",
      text("ship_to_name", invoice.shipTo.name, 60),
      "92",
      text("ship_to_code", invoice.shipTo.code ?? "", 20),
    ]);
  if (invoice.terms || invoice.dueDate) {
    const terms = [
      "ITD",
      "01",
      "3",
      "",
      "",
      "",
      invoice.dueDate ? record.date("due_date", invoice.dueDate) : "",
      "",
      "",
      "",
      "",
      "",
    ];
    terms.push(invoice.terms ? text("terms", invoice.terms) : "");
    segments.push(terms);
  }
  for (const line of invoice.lines) {
    const unit = line.uom ? x12Unit(line.uom) : null;
    const refs: Record<string, string> = line.itemExternalId ? { item_external_id: line.itemExternalId } : {};
    if (line.uom && unit !== line.uom) refs.uom = line.uom;
    const lineRecord = record.line(refs);
    const it1 = [
      "IT1",
      lineRecord.integer("line_number", line.lineNumber),
      line.quantity != null ? lineRecord.quantity("quantity", line.quantity) : "",
      unit ? lineRecord.text("uom", unit) : "",
      line.unitPrice != null ? lineRecord.price("unit_price", line.unitPrice) : "",
      line.unitPrice != null ? "PE" : "",
    ];
    if (line.supplierPartNumber) it1.push("VP", lineRecord.text("supplier_part_number", element(line.supplierPartNumber, 48)));
    if (line.sku) it1.push("BP", lineRecord.text("buyer_part_number", element(line.sku, 48)));
    segments.push(it1);
    if (line.description) segments.push(["PID", "F", "", "", "", lineRecord.text("description", element(line.description, 80))]);
  }
  segments.push(["TDS", record.record("total", canonicalDecimal(invoice.total), impliedCents(invoice.total))]);
  if (invoice.tax > 0n) segments.push(["TXI", "ST", record.money("tax", invoice.tax)]);
  if (invoice.freight > 0n)
    segments.push([
      "SAC",
      "C",
      "D240",
      "",
      "",
      record.record("freight", canonicalDecimal(invoice.freight), impliedCents(invoice.freight)),
    ]);
  segments.push(["CTT", record.integer("line_count", invoice.lines.length)]);
  return segments;
}
