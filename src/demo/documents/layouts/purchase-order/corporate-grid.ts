import type { PurchaseOrderContent } from "../../content/purchase-order.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, type TableStyle } from "../../render/table.ts";
import { fitText } from "../../render/text-fit.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { type PurchaseOrderColumnKey, purchaseOrderCells } from "./cells.ts";

const COLUMNS = columnsFrom<PurchaseOrderColumnKey>(40, [
  { key: "line", title: "Line", width: 28, align: "center" },
  { key: "quantity", title: "Qty", width: 42, align: "right" },
  { key: "uom", title: "UOM", width: 32, align: "center" },
  { key: "customer_part", title: "Our Item #", width: 80 },
  { key: "vendor_part", title: "Vendor Item #", width: 80 },
  { key: "description", title: "Description", width: 154 },
  { key: "unit_price", title: "Unit Price", width: 56, align: "right" },
  { key: "amount", title: "Extended", width: 60, align: "right" },
]);

const TABLE: TableStyle = {
  font: "sans",
  size: 8,
  headerFont: "sans-bold",
  headerSize: 7.5,
  rowHeight: 16,
  headerHeight: 16,
  headerFill: "#d9d9d9",
  borders: "grid",
  padding: 3,
};

const FIRST_TABLE_TOP = 300;
const NEXT_TABLE_TOP = 110;
const TABLE_BOTTOM = 730;

/** A large company's ERP purchase order: boxed header cells, vendor and ship-to panels, a full grid. */
export const corporateGridLayout: Layout<PurchaseOrderContent> = {
  name: "po-corporate-grid",
  formats: { date: "us", money: { symbol: false, thousands: true }, minPricePlaces: 2, minQuantityPlaces: 0 },
  render(surface, po, record) {
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(po.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 5 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      let y = pageIndex === 0 ? firstPageHeader(surface, po, record) : continuationHeader(surface, po);
      y = drawTableHeader(surface, COLUMNS, y, TABLE);
      for (const [rowIndex, lineIndex] of lineIndexes.entries()) {
        const line = po.lines[lineIndex];
        if (!line) continue;
        const cells = purchaseOrderCells(surface, COLUMNS, line, record.line({ item_external_id: line.itemExternalId }), TABLE);
        y = drawTableRow(surface, COLUMNS, cells, y, rowIndex, TABLE);
      }
      if (pageIndex === pages.length - 1) totals(surface, po, record, y + 8);
      footer(surface, pageIndex + 1, pages.length);
    });
  },
};

function firstPageHeader(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder): number {
  const buyer = addressLines(record, "buyer", po.buyer, { phone: true });
  buyer.forEach((text, index) => {
    surface.text(text, 40, index === 0 ? 40 : 44 + index * 11, {
      font: index === 0 ? "sans-bold" : "sans",
      size: index === 0 ? 15 : 9,
    });
  });
  surface.text("PURCHASE ORDER", 572, 40, { font: "sans-bold", size: 20, align: "right" });
  surface.text("This number must appear on all invoices, packing slips and cartons.", 572, 66, {
    font: "sans-oblique",
    size: 7,
    align: "right",
  });

  const cells: [string, string][] = [
    ["PO NUMBER", record.text("po_number", po.poNumber)],
    ["PO DATE", record.date("po_date", po.poDate)],
    ["VENDOR NO.", record.text("vendor_number", po.vendorNumber)],
    ["TERMS", po.terms ? record.text("terms", po.terms) : ""],
    ["SHIP VIA", po.shipVia ? record.text("ship_via", po.shipVia) : ""],
  ];
  const cellWidth = 532 / cells.length;
  cells.forEach(([label, value], index) => {
    const x = 40 + index * cellWidth;
    surface.rect(x, 118, cellWidth, 30, { stroke: "#000000" });
    surface.text(label, x + 4, 121, { font: "sans-bold", size: 6.5, color: "#555555" });
    surface.text(value, x + 4, 133, { font: "sans", size: 9 });
  });

  panel(surface, 40, 162, "VENDOR", addressLines(record, "vendor", po.vendor));
  panel(surface, 316, 162, "SHIP TO", addressLines(record, "ship_to", po.shipTo));

  surface.text(`Buyer: ${record.text("buyer_contact", po.buyerContact)}`, 40, 262, { font: "sans", size: 9 });
  if (po.requestedDate) {
    surface.text(`Required by: ${record.date("requested_date", po.requestedDate)}`, 572, 262, {
      font: "sans-bold",
      size: 9,
      align: "right",
    });
  }
  if (po.notes)
    surface.text(`Notes: ${record.text("notes", fitText(surface, po.notes, "sans-oblique", 8, 490))}`, 40, 278, {
      font: "sans-oblique",
      size: 8,
    });
  return FIRST_TABLE_TOP;
}

function panel(surface: Surface, x: number, y: number, title: string, lines: string[]): void {
  surface.rect(x, y, 256, 14, { fill: "#d9d9d9", stroke: "#000000" });
  surface.text(title, x + 4, y + 3.5, { font: "sans-bold", size: 8 });
  surface.rect(x, y + 14, 256, 70, { stroke: "#000000" });
  lines.forEach((text, index) => {
    surface.text(text, x + 6, y + 20 + index * 11, { font: "sans", size: 9 });
  });
}

function continuationHeader(surface: Surface, po: PurchaseOrderContent): number {
  surface.text(po.buyer.name, 40, 40, { font: "sans-bold", size: 12 });
  surface.text(`PURCHASE ORDER ${po.poNumber} (continued)`, 572, 40, { font: "sans-bold", size: 12, align: "right" });
  return NEXT_TABLE_TOP;
}

function totals(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder, y: number): void {
  const rows: [string, string][] = [
    ["Subtotal", record.money("subtotal", po.subtotal)],
    ["Sales Tax", record.money("tax", po.tax)],
    ["TOTAL", record.money("total", po.subtotal + po.tax, { symbol: true, thousands: true })],
  ];
  rows.forEach(([label, value], index) => {
    const rowY = y + index * 16;
    surface.rect(440, rowY, 132, 16, { stroke: "#000000" });
    surface.text(label, 444, rowY + 4, { font: index === 2 ? "sans-bold" : "sans", size: 8.5 });
    surface.text(value, 568, rowY + 4, { font: index === 2 ? "sans-bold" : "sans", size: 8.5, align: "right" });
  });
  surface.text(`Total lines: ${record.integer("line_count", po.lines.length)}`, 40, y + 4, { font: "sans", size: 8 });
}

function footer(surface: Surface, page: number, pages: number): void {
  surface.line(40, 748, 572, 748, { width: 0.5 });
  surface.text(`Page ${page} of ${pages}`, 572, 754, { font: "sans", size: 7.5, align: "right" });
  surface.text("Send invoices to accounts payable. Goods are subject to inspection on receipt.", 40, 754, {
    font: "sans",
    size: 7.5,
  });
}
