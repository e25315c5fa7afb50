import type { PurchaseOrderContent } from "../../content/purchase-order.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, type TableStyle } from "../../render/table.ts";
import { fitText } from "../../render/text-fit.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { type PurchaseOrderColumnKey, purchaseOrderCells } from "./cells.ts";

const COLUMNS = columnsFrom<PurchaseOrderColumnKey>(30, [
  { key: "quantity", title: "Quantity", width: 44, align: "right" },
  { key: "uom", title: "U/M", width: 26, align: "center" },
  { key: "customer_part", title: "Cust. Item", width: 64 },
  { key: "vendor_part", title: "Mfr/Vendor Item", width: 76 },
  { key: "description", title: "Description", width: 174 },
  { key: "requested_date", title: "Req. Date", width: 46, align: "center" },
  { key: "unit_price", title: "Unit Cost", width: 56, align: "right" },
  { key: "amount", title: "Line Total", width: 66, align: "right" },
]);

const TABLE: TableStyle = {
  font: "sans",
  size: 7,
  headerFont: "sans-bold",
  headerSize: 6.5,
  rowHeight: 13,
  headerHeight: 14,
  headerFill: "#f0f0f0",
  borders: "grid",
  padding: 2.5,
};

const FIRST_TABLE_TOP = 240;
const NEXT_TABLE_TOP = 80;
const TABLE_BOTTOM = 740;

/** A dense boxed form from a small-business accounting package: short dates, per-line need dates. */
export const compactFormLayout: Layout<PurchaseOrderContent> = {
  name: "po-compact-form",
  formats: { date: "us-short", money: { symbol: false, thousands: true }, minPricePlaces: 3, minQuantityPlaces: 0 },
  render(surface, po, record) {
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(po.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 5 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      let y = pageIndex === 0 ? form(surface, po, record) : NEXT_TABLE_TOP;
      if (pageIndex > 0) surface.text(`P.O. No. ${po.poNumber} - continued`, 30, 50, { font: "sans-bold", size: 9 });
      y = drawTableHeader(surface, COLUMNS, y, TABLE);
      for (const [rowIndex, lineIndex] of lineIndexes.entries()) {
        const line = po.lines[lineIndex];
        if (!line) continue;
        const cells = purchaseOrderCells(surface, COLUMNS, line, record.line({ item_external_id: line.itemExternalId }), TABLE);
        y = drawTableRow(surface, COLUMNS, cells, y, rowIndex, TABLE);
      }
      if (pageIndex === pages.length - 1) totals(surface, po, record, y);
      surface.text(`Page ${pageIndex + 1}`, 582, 760, { font: "sans", size: 7, align: "right" });
    });
  },
};

function box(surface: Surface, x: number, y: number, width: number, height: number, label: string, lines: string[]): void {
  surface.rect(x, y, width, height, { stroke: "#000000", lineWidth: 0.7 });
  surface.text(label, x + 3, y + 2, { font: "sans-bold", size: 6 });
  lines.forEach((text, index) => {
    surface.text(text, x + 6, y + 11 + index * 10, { font: "sans", size: 8 });
  });
}

function form(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder): number {
  const [buyerName = "", ...buyerAddress] = addressLines(record, "buyer", po.buyer, { phone: true });
  surface.text(buyerName, 30, 30, { font: "sans-bold", size: 13 });
  buyerAddress.forEach((text, index) => {
    surface.text(text, 30, 47 + index * 9, { font: "sans", size: 7.5 });
  });

  surface.rect(392, 28, 190, 58, { stroke: "#000000", lineWidth: 1 });
  surface.text("Purchase Order", 487, 32, { font: "sans-bold", size: 12, align: "center" });
  surface.line(392, 48, 582, 48);
  surface.line(487, 48, 487, 86);
  surface.text("Date", 395, 50, { font: "sans-bold", size: 6 });
  surface.text("P.O. No.", 490, 50, { font: "sans-bold", size: 6 });
  surface.text(record.date("po_date", po.poDate), 439, 64, { font: "sans", size: 9, align: "center" });
  surface.text(record.text("po_number", po.poNumber), 534, 64, { font: "sans-bold", size: 9, align: "center" });

  box(surface, 30, 100, 270, 64, "Vendor", addressLines(record, "vendor", po.vendor));
  box(surface, 312, 100, 270, 64, "Ship To", addressLines(record, "ship_to", po.shipTo));

  const fields: [string, string][] = [
    ["Vendor #", record.text("vendor_number", po.vendorNumber)],
    ["Buyer", record.text("buyer_contact", po.buyerContact)],
    ["Terms", po.terms ? record.text("terms", po.terms) : ""],
    ["Ship Via", po.shipVia ? record.text("ship_via", po.shipVia) : ""],
    ["Expected", po.requestedDate ? record.date("requested_date", po.requestedDate) : ""],
  ];
  const width = 552 / fields.length;
  fields.forEach(([label, value], index) => {
    const x = 30 + index * width;
    surface.rect(x, 176, width, 14, { fill: "#f0f0f0", stroke: "#000000" });
    surface.text(label, x + width / 2, 180, { font: "sans-bold", size: 6.5, align: "center" });
    surface.rect(x, 190, width, 16, { stroke: "#000000" });
    surface.text(value, x + width / 2, 194, { font: "sans", size: 8, align: "center" });
  });
  if (po.notes)
    surface.text(`Memo: ${record.text("notes", fitText(surface, po.notes, "sans", 7.5, 500))}`, 30, 220, {
      font: "sans",
      size: 7.5,
    });
  return FIRST_TABLE_TOP;
}

function totals(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder, y: number): void {
  const rows: [string, string][] = [
    ["Merchandise", record.money("subtotal", po.subtotal)],
    ["Sales Tax", record.money("tax", po.tax)],
    ["Total", record.money("total", po.subtotal + po.tax, { symbol: true, thousands: true })],
  ];
  rows.forEach(([label, value], index) => {
    const rowY = y + index * 14;
    surface.rect(456, rowY, 126, 14, { stroke: "#000000" });
    surface.line(516, rowY, 516, rowY + 14);
    surface.text(label, 459, rowY + 4, { font: index === 2 ? "sans-bold" : "sans", size: 7 });
    surface.text(value, 579, rowY + 4, { font: index === 2 ? "sans-bold" : "sans", size: 7.5, align: "right" });
  });
  surface.text("Authorized signature ________________________", 30, y + 30, { font: "sans", size: 7.5 });
}
