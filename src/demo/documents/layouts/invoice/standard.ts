import type { SupplierInvoiceContent } from "../../content/supplier-invoice.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, type TableStyle } from "../../render/table.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { type InvoiceColumnKey, invoiceCells, invoiceLineRefs } from "./cells.ts";

const ACCENT = "#8a1c1c";

const COLUMNS = columnsFrom<InvoiceColumnKey>(40, [
  { key: "supplier_part", title: "Item", width: 80 },
  { key: "buyer_part", title: "Your Item", width: 78 },
  { key: "description", title: "Description", width: 176 },
  { key: "quantity", title: "Qty", width: 44, align: "right" },
  { key: "uom", title: "UOM", width: 32, align: "center" },
  { key: "unit_price", title: "Unit Price", width: 58, align: "right" },
  { key: "amount", title: "Amount", width: 64, align: "right" },
]);

const TABLE: TableStyle = {
  font: "sans",
  size: 8,
  headerFont: "sans-bold",
  headerSize: 8,
  rowHeight: 15,
  headerHeight: 17,
  headerFill: ACCENT,
  headerColor: "#ffffff",
  borders: "none",
  padding: 3,
};

const FIRST_TABLE_TOP = 262;
const NEXT_TABLE_TOP = 90;
const TABLE_BOTTOM = 650;

/** A manufacturer's invoice: coloured header band, a facts box, bill-to and ship-to, remit-to at the foot. */
export const standardInvoiceLayout: Layout<SupplierInvoiceContent> = {
  name: "inv-standard",
  formats: { date: "us", money: { symbol: false, thousands: true }, minPricePlaces: 2, minQuantityPlaces: 0 },
  render(surface, invoice, record) {
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(invoice.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 0 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      let y = pageIndex === 0 ? header(surface, invoice, record) : continuation(surface, invoice);
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
      surface.line(40, y + 2, 572, y + 2, { width: 0.8, color: ACCENT });
      if (pageIndex === pages.length - 1) totals(surface, invoice, record);
      surface.text(`Page ${pageIndex + 1} of ${pages.length}`, 572, 770, { font: "sans", size: 7, align: "right" });
    });
  },
};

function header(surface: Surface, invoice: SupplierInvoiceContent, record: TruthRecorder): number {
  const [name = "", ...address] = addressLines(record, "supplier", invoice.supplier, { phone: true });
  surface.text(name, 40, 36, { font: "sans-bold", size: 16, color: ACCENT });
  address.forEach((text, index) => {
    surface.text(text, 40, 58 + index * 11, { font: "sans", size: 8.5 });
  });
  surface.text("INVOICE", 572, 34, { font: "sans-bold", size: 24, align: "right", color: ACCENT });

  const facts: [string, string][] = [
    ["Invoice No.", record.text("invoice_number", invoice.invoiceNumber)],
    ["Invoice Date", record.date("invoice_date", invoice.invoiceDate)],
  ];
  if (invoice.dueDate) facts.push(["Due Date", record.date("due_date", invoice.dueDate)]);
  if (invoice.poNumber) facts.push(["Customer PO", record.text("po_number", invoice.poNumber)]);
  facts.push(["Account No.", record.text("customer_account", invoice.customerAccount)]);
  if (invoice.terms) facts.push(["Terms", record.text("terms", invoice.terms)]);
  facts.forEach(([label, value], index) => {
    const y = 70 + index * 13;
    surface.text(label, 470, y, { font: "sans-bold", size: 8, align: "right" });
    surface.text(value, 478, y, { font: "sans", size: 8.5 });
  });

  const blocks: [string, string[]][] = [["BILL TO", addressLines(record, "bill_to", invoice.billTo)]];
  if (invoice.shipTo) blocks.push(["SHIP TO", addressLines(record, "ship_to", invoice.shipTo)]);
  blocks.forEach(([title, lines], index) => {
    const x = 40 + index * 270;
    surface.rect(x, 160, 250, 14, { fill: "#eeeeee" });
    surface.text(title, x + 4, 163, { font: "sans-bold", size: 8 });
    lines.forEach((text, lineIndex) => {
      surface.text(text, x + 4, 180 + lineIndex * 11, { font: "sans", size: 9 });
    });
  });
  return FIRST_TABLE_TOP;
}

function continuation(surface: Surface, invoice: SupplierInvoiceContent): number {
  surface.text(`${invoice.supplier.name} - Invoice ${invoice.invoiceNumber} (continued)`, 40, 50, {
    font: "sans-bold",
    size: 10,
  });
  return NEXT_TABLE_TOP;
}

function totals(surface: Surface, invoice: SupplierInvoiceContent, record: TruthRecorder): void {
  const rows: [string, string][] = [["Subtotal", record.money("subtotal", invoice.subtotal)]];
  if (invoice.freight !== 0n) rows.push(["Freight", record.money("freight", invoice.freight)]);
  rows.push(["Sales Tax", record.money("tax", invoice.tax)]);
  rows.push(["TOTAL DUE (USD)", record.money("total", invoice.total, { symbol: true, thousands: true })]);
  rows.forEach(([label, value], index) => {
    const y = 662 + index * 14;
    const bold = index === rows.length - 1;
    surface.text(label, 490, y, { font: bold ? "sans-bold" : "sans", size: 8.5, align: "right" });
    surface.text(value, 568, y, { font: bold ? "sans-bold" : "sans", size: 8.5, align: "right" });
  });
  surface.text("Remit to:", 40, 664, { font: "sans-bold", size: 8 });
  [
    invoice.supplier.name,
    invoice.supplier.line1,
    [invoice.supplier.city, invoice.supplier.region, invoice.supplier.postalCode].filter(Boolean).join(" "),
  ]
    .filter((text): text is string => Boolean(text))
    .forEach((text, index) => {
      surface.text(text, 40, 676 + index * 10, { font: "sans", size: 8 });
    });
  surface.text(record.text("note", "Past due balances are subject to a service charge of 1.5% per month."), 40, 730, {
    font: "sans-oblique",
    size: 7,
  });
}
