import type { SupplierInvoiceContent } from "../../content/supplier-invoice.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, type TableStyle } from "../../render/table.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { type InvoiceColumnKey, invoiceCells, invoiceLineRefs } from "./cells.ts";

const COLUMNS = columnsFrom<InvoiceColumnKey>(50, [
  { key: "quantity", title: "Qty Shipped", width: 66, align: "right" },
  { key: "uom", title: "Unit", width: 34, align: "center" },
  { key: "supplier_part", title: "Catalog No.", width: 84 },
  { key: "description", title: "Description", width: 192 },
  { key: "unit_price", title: "Price", width: 66, align: "right" },
  { key: "amount", title: "Extension", width: 70, align: "right" },
]);

const TABLE: TableStyle = {
  font: "serif",
  size: 9.5,
  headerFont: "serif-bold",
  headerSize: 9.5,
  rowHeight: 15,
  headerHeight: 18,
  borders: "grid",
  padding: 3,
};

const FIRST_TABLE_TOP = 250;
const NEXT_TABLE_TOP = 80;
const TABLE_BOTTOM = 640;

/** A family firm's invoice in Times: centred name, a boxed grid, "Amount Due" in words and figures. */
export const serifClassicInvoiceLayout: Layout<SupplierInvoiceContent> = {
  name: "inv-serif-classic",
  formats: { date: "dd-mon-yyyy", money: { symbol: false, thousands: true }, minPricePlaces: 3, minQuantityPlaces: 0 },
  render(surface, invoice, record) {
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(invoice.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 0 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      let y = pageIndex === 0 ? heading(surface, invoice, record) : NEXT_TABLE_TOP;
      if (pageIndex > 0)
        surface.text(`Invoice ${invoice.invoiceNumber}, sheet ${pageIndex + 1}`, 50, 50, { font: "serif-italic", size: 10 });
      y = drawTableHeader(surface, COLUMNS, y, TABLE);
      for (const [rowIndex, lineIndex] of lineIndexes.entries()) {
        const line = invoice.lines[lineIndex];
        if (!line) continue;
        y = drawTableRow(
          surface,
          COLUMNS,
          invoiceCells(surface, COLUMNS, line, record.line(invoiceLineRefs(line)), TABLE),
          y,
          rowIndex,
          TABLE,
        );
      }
      if (pageIndex === pages.length - 1) summary(surface, invoice, record, Math.max(y + 16, 560));
    });
  },
};

function heading(surface: Surface, invoice: SupplierInvoiceContent, record: TruthRecorder): number {
  const [name = "", ...address] = addressLines(record, "supplier", invoice.supplier, { phone: true });
  surface.text(name, 306, 40, { font: "serif-bold", size: 17, align: "center" });
  surface.text(address.join(" | "), 306, 62, { font: "serif", size: 9, align: "center" });
  surface.text("I N V O I C E", 306, 88, { font: "serif-bold", size: 13, align: "center" });

  surface.text("Sold to:", 50, 118, { font: "serif-bold", size: 10 });
  addressLines(record, "bill_to", invoice.billTo).forEach((text, index) => {
    surface.text(text, 50, 132 + index * 12, { font: "serif", size: 10 });
  });
  if (invoice.shipTo) {
    surface.text("Shipped to:", 230, 118, { font: "serif-bold", size: 10 });
    addressLines(record, "ship_to", invoice.shipTo).forEach((text, index) => {
      surface.text(text, 230, 132 + index * 12, { font: "serif", size: 10 });
    });
  }
  const facts: [string, string][] = [
    ["Invoice", record.text("invoice_number", invoice.invoiceNumber)],
    ["Dated", record.date("invoice_date", invoice.invoiceDate)],
    ["Your order", invoice.poNumber ? record.text("po_number", invoice.poNumber) : ""],
    ["Customer no.", record.text("customer_account", invoice.customerAccount)],
    ["Terms", invoice.terms ? record.text("terms", invoice.terms) : ""],
  ];
  facts.forEach(([label, value], index) => {
    surface.text(`${label}:`, 420, 118 + index * 14, { font: "serif-bold", size: 9.5 });
    surface.text(value, 492, 118 + index * 14, { font: "serif", size: 9.5 });
  });
  return FIRST_TABLE_TOP;
}

function summary(surface: Surface, invoice: SupplierInvoiceContent, record: TruthRecorder, y: number): void {
  const rows: [string, string][] = [["Merchandise", record.money("subtotal", invoice.subtotal)]];
  if (invoice.tax !== 0n) rows.push(["Tax", record.money("tax", invoice.tax)]);
  if (invoice.freight !== 0n) rows.push(["Freight & handling", record.money("freight", invoice.freight)]);
  rows.forEach(([label, value], index) => {
    surface.text(label, 470, y + index * 14, { font: "serif", size: 10, align: "right" });
    surface.text(value, 558, y + index * 14, { font: "serif", size: 10, align: "right" });
  });
  const totalY = y + rows.length * 14 + 6;
  surface.line(400, totalY - 3, 562, totalY - 3, { width: 0.8 });
  surface.text("Amount Due USD", 470, totalY, { font: "serif-bold", size: 11, align: "right" });
  surface.text(record.money("total", invoice.total), 558, totalY, { font: "serif-bold", size: 11, align: "right" });
  if (invoice.dueDate)
    surface.text(`Payable on or before ${record.date("due_date", invoice.dueDate)}.`, 50, totalY, {
      font: "serif-italic",
      size: 10,
    });
  surface.text("Thank you for your business.", 306, 740, { font: "serif-italic", size: 10, align: "center" });
}
