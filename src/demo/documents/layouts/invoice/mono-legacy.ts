import type { SupplierInvoiceContent } from "../../content/supplier-invoice.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, type TableStyle } from "../../render/table.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { type InvoiceColumnKey, invoiceCells, invoiceLineRefs } from "./cells.ts";

const COLUMNS = columnsFrom<InvoiceColumnKey>(36, [
  { key: "line", title: "LN", width: 20, align: "right" },
  { key: "supplier_part", title: "PART NO", width: 76 },
  { key: "buyer_part", title: "CUST PART", width: 76 },
  { key: "description", title: "DESCRIPTION", width: 150 },
  { key: "quantity", title: "QTY", width: 50, align: "right" },
  { key: "uom", title: "UM", width: 22 },
  { key: "unit_price", title: "PRICE", width: 62, align: "right" },
  { key: "amount", title: "AMOUNT", width: 84, align: "right" },
]);

const TABLE: TableStyle = {
  font: "mono",
  size: 7.5,
  headerFont: "mono-bold",
  headerSize: 7.5,
  rowHeight: 11,
  headerHeight: 13,
  borders: "none",
  padding: 2,
};

const FIRST_TABLE_TOP = 200;
const NEXT_TABLE_TOP = 90;
const TABLE_BOTTOM = 700;
const RIGHT = 576;

/** A distributor-software invoice on plain paper: Courier, upper case, dashed rules, a totals column. */
export const monoLegacyInvoiceLayout: Layout<SupplierInvoiceContent> = {
  name: "inv-mono-legacy",
  formats: { date: "us", money: { symbol: false, thousands: true }, minPricePlaces: 4, minQuantityPlaces: 0 },
  render(surface, invoice, record) {
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(invoice.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 6 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      heading(surface, invoice, record, pageIndex + 1, pages.length);
      let y = pageIndex === 0 ? parties(surface, invoice, record) : NEXT_TABLE_TOP;
      y = drawTableHeader(surface, COLUMNS, y, TABLE);
      surface.line(36, y, RIGHT, y, { dash: 2 });
      for (const [rowIndex, lineIndex] of lineIndexes.entries()) {
        const line = invoice.lines[lineIndex];
        if (!line) continue;
        const cells = invoiceCells(surface, COLUMNS, line, record.line(invoiceLineRefs(line)), TABLE, { upper: true });
        y = drawTableRow(surface, COLUMNS, cells, y, rowIndex, TABLE);
      }
      surface.line(36, y + 2, RIGHT, y + 2, { dash: 2 });
      if (pageIndex === pages.length - 1) totals(surface, invoice, record, y + 10);
    });
  },
};

function text(surface: Surface, value: string, x: number, y: number, options: { bold?: boolean; align?: "right" } = {}): void {
  surface.text(value, x, y, { font: options.bold ? "mono-bold" : "mono", size: 8.5, align: options.align ?? "left" });
}

function heading(surface: Surface, invoice: SupplierInvoiceContent, record: TruthRecorder, page: number, pages: number): void {
  surface.text(invoice.supplier.name.toUpperCase(), 36, 34, { font: "mono-bold", size: 12 });
  text(surface, `INVOICE NO: ${record.text("invoice_number", invoice.invoiceNumber)}`, RIGHT, 34, { bold: true, align: "right" });
  text(surface, `INVOICE DATE: ${record.date("invoice_date", invoice.invoiceDate)}`, RIGHT, 46, { align: "right" });
  text(surface, `PAGE: ${page} OF ${pages}`, RIGHT, 58, { align: "right" });
}

function parties(surface: Surface, invoice: SupplierInvoiceContent, record: TruthRecorder): number {
  addressLines(record, "supplier", invoice.supplier, { upper: true, phone: true })
    .slice(1)
    .forEach((value, index) => {
      text(surface, value, 36, 50 + index * 11);
    });
  text(surface, "SOLD TO:", 36, 106, { bold: true });
  addressLines(record, "bill_to", invoice.billTo, { upper: true }).forEach((value, index) => {
    text(surface, value, 36, 118 + index * 11);
  });
  if (invoice.shipTo) {
    text(surface, "SHIP TO:", 300, 106, { bold: true });
    addressLines(record, "ship_to", invoice.shipTo, { upper: true }).forEach((value, index) => {
      text(surface, value, 300, 118 + index * 11);
    });
  }
  const facts = [
    `CUST NO: ${record.text("customer_account", invoice.customerAccount)}`,
    invoice.poNumber ? `CUST PO: ${record.text("po_number", invoice.poNumber.toUpperCase())}` : "",
    invoice.terms ? `TERMS: ${record.text("terms", invoice.terms.toUpperCase())}` : "",
    invoice.dueDate ? `DUE: ${record.date("due_date", invoice.dueDate)}` : "",
  ].filter(Boolean);
  text(surface, facts.join("   "), 36, 176);
  return FIRST_TABLE_TOP;
}

function totals(surface: Surface, invoice: SupplierInvoiceContent, record: TruthRecorder, y: number): void {
  const rows: [string, string][] = [
    ["SALE AMOUNT", record.money("subtotal", invoice.subtotal)],
    ["FREIGHT", record.money("freight", invoice.freight)],
    ["SALES TAX", record.money("tax", invoice.tax)],
    ["INVOICE TOTAL", record.money("total", invoice.total)],
  ];
  rows.forEach(([label, value], index) => {
    text(surface, label, 440, y + index * 12, { bold: index === rows.length - 1 });
    text(surface, value, RIGHT, y + index * 12, { bold: index === rows.length - 1, align: "right" });
  });
}
