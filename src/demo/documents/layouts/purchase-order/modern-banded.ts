import type { PurchaseOrderContent } from "../../content/purchase-order.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, type TableStyle } from "../../render/table.ts";
import { fitText } from "../../render/text-fit.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { type PurchaseOrderColumnKey, purchaseOrderCells } from "./cells.ts";

const NAVY = "#1f3a5f";

const COLUMNS = columnsFrom<PurchaseOrderColumnKey>(40, [
  { key: "line", title: "#", width: 24, align: "center" },
  { key: "description", title: "Description", width: 206 },
  { key: "part", title: "Part No.", width: 90 },
  { key: "quantity", title: "Quantity", width: 52, align: "right" },
  { key: "uom", title: "Unit", width: 34, align: "center" },
  { key: "unit_price", title: "Price", width: 60, align: "right" },
  { key: "amount", title: "Total", width: 66, align: "right" },
]);

const TABLE: TableStyle = {
  font: "sans",
  size: 8.5,
  headerFont: "sans-bold",
  headerSize: 8.5,
  rowHeight: 18,
  headerHeight: 20,
  headerFill: NAVY,
  headerColor: "#ffffff",
  zebra: "#eef2f7",
  borders: "none",
  padding: 5,
};

const FIRST_TABLE_TOP = 270;
const NEXT_TABLE_TOP = 90;
const TABLE_BOTTOM = 728;
const DOLLARS = { symbol: true, thousands: true };

/** A purchasing portal's order: a dark banner, three address columns, zebra rows, amounts in dollars. */
export const modernBandedLayout: Layout<PurchaseOrderContent> = {
  name: "po-modern-banded",
  formats: { date: "long", money: DOLLARS, minPricePlaces: 2, minQuantityPlaces: 0 },
  render(surface, po, record) {
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(po.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 5 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      let y = banner(surface, po, record, pageIndex === 0);
      if (pageIndex === 0) y = parties(surface, po, record);
      y = drawTableHeader(surface, COLUMNS, y, TABLE);
      for (const [rowIndex, lineIndex] of lineIndexes.entries()) {
        const line = po.lines[lineIndex];
        if (!line) continue;
        const cells = purchaseOrderCells(surface, COLUMNS, line, record.line({ item_external_id: line.itemExternalId }), TABLE);
        y = drawTableRow(surface, COLUMNS, cells, y, rowIndex, TABLE);
      }
      if (pageIndex === pages.length - 1) totals(surface, po, record, y + 10);
      surface.text(`${pageIndex + 1} / ${pages.length}`, 306, 758, { font: "sans", size: 8, align: "center", color: "#666666" });
    });
  },
};

function banner(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder, first: boolean): number {
  surface.rect(0, 0, 612, 76, { fill: NAVY });
  surface.text("Purchase Order", 40, 22, { font: "sans-bold", size: 22, color: "#ffffff" });
  surface.text(po.buyer.name, 40, 50, { font: "sans", size: 10, color: "#c9d6e8" });
  const meta: [string, string][] = [["Order #", first ? record.text("po_number", po.poNumber) : po.poNumber]];
  if (first) {
    meta.push(["Order date", record.date("po_date", po.poDate)]);
    if (po.requestedDate) meta.push(["Need by", record.date("requested_date", po.requestedDate)]);
  }
  meta.forEach(([label, value], index) => {
    surface.text(label, 440, 16 + index * 16, { font: "sans", size: 8.5, align: "right", color: "#c9d6e8" });
    surface.text(value, 572, 16 + index * 16, { font: "sans-bold", size: 9, align: "right", color: "#ffffff" });
  });
  return NEXT_TABLE_TOP;
}

function parties(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder): number {
  const columns: [string, string[]][] = [
    ["SUPPLIER", addressLines(record, "vendor", po.vendor, { phone: true })],
    ["SHIP TO", addressLines(record, "ship_to", po.shipTo)],
    ["BILL TO", addressLines(record, "buyer", po.buyer)],
  ];
  columns.forEach(([title, lines], index) => {
    const x = 40 + index * 180;
    surface.text(title, x, 100, { font: "sans-bold", size: 8, color: NAVY });
    surface.line(x, 112, x + 164, 112, { width: 1, color: NAVY });
    lines.forEach((text, lineIndex) => {
      surface.text(text, x, 118 + lineIndex * 12, { font: "sans", size: 9 });
    });
  });
  const facts: [string, string][] = [
    ["Buyer", record.text("buyer_contact", po.buyerContact)],
    ["Supplier ID", record.text("vendor_number", po.vendorNumber)],
  ];
  if (po.terms) facts.push(["Payment terms", record.text("terms", po.terms)]);
  if (po.shipVia) facts.push(["Shipping", record.text("ship_via", po.shipVia)]);
  facts.forEach(([label, value], index) => {
    const x = 40 + index * 135;
    surface.text(label, x, 208, { font: "sans", size: 7.5, color: "#666666" });
    surface.text(value, x, 220, { font: "sans-bold", size: 9 });
  });
  if (po.notes)
    surface.text(`Instructions: ${record.text("notes", fitText(surface, po.notes, "sans", 8.5, 460))}`, 40, 248, {
      font: "sans",
      size: 8.5,
    });
  return FIRST_TABLE_TOP;
}

function totals(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder, y: number): void {
  const rows: [string, string][] = [
    ["Subtotal", record.money("subtotal", po.subtotal)],
    ["Tax", record.money("tax", po.tax)],
  ];
  rows.forEach(([label, value], index) => {
    surface.text(label, 470, y + index * 15, { font: "sans", size: 9, align: "right", color: "#444444" });
    surface.text(value, 567, y + index * 15, { font: "sans", size: 9, align: "right" });
  });
  const bandY = y + rows.length * 15 + 4;
  surface.rect(390, bandY, 182, 22, { fill: NAVY });
  surface.text("Grand Total", 398, bandY + 6, { font: "sans-bold", size: 10, color: "#ffffff" });
  surface.text(record.money("total", po.subtotal + po.tax), 567, bandY + 6, {
    font: "sans-bold",
    size: 10,
    align: "right",
    color: "#ffffff",
  });
}
