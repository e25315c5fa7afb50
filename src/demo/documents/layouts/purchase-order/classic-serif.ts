import type { PurchaseOrderContent } from "../../content/purchase-order.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, type TableStyle } from "../../render/table.ts";
import { wrappedField } from "../../render/wrapped-field.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { type PurchaseOrderColumnKey, purchaseOrderCells } from "./cells.ts";

const COLUMNS = columnsFrom<PurchaseOrderColumnKey>(50, [
  { key: "vendor_part", title: "Item", width: 92 },
  { key: "description", title: "Description", width: 200 },
  { key: "quantity", title: "Quantity", width: 56, align: "right" },
  { key: "uom", title: "Unit", width: 36, align: "center" },
  { key: "unit_price", title: "Price", width: 64, align: "right" },
  { key: "amount", title: "Amount", width: 64, align: "right" },
]);

const TABLE: TableStyle = {
  font: "serif",
  size: 10,
  headerFont: "serif-bold",
  headerSize: 10,
  rowHeight: 15,
  headerHeight: 18,
  borders: "rules",
  padding: 3,
};

const FIRST_TABLE_TOP = 278;
const NEXT_TABLE_TOP = 70;
const TABLE_BOTTOM = 700;

/** A small firm's letterhead order in Times: centred heading, "To" and "Deliver to", rules only, no tax. */
export const classicSerifLayout: Layout<PurchaseOrderContent> = {
  name: "po-classic-serif",
  formats: { date: "dd-mon-yyyy", money: { symbol: false, thousands: true }, minPricePlaces: 2, minQuantityPlaces: 0 },
  render(surface, po, record) {
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(po.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 6 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      let y = pageIndex === 0 ? letterhead(surface, po, record) : continuation(surface, po, pageIndex + 1);
      y = drawTableHeader(surface, COLUMNS, y, TABLE);
      for (const [rowIndex, lineIndex] of lineIndexes.entries()) {
        const line = po.lines[lineIndex];
        if (!line) continue;
        const cells = purchaseOrderCells(surface, COLUMNS, line, record.line({ item_external_id: line.itemExternalId }), TABLE);
        y = drawTableRow(surface, COLUMNS, cells, y, rowIndex, TABLE);
      }
      const right = 562;
      surface.line(50, y + 2, right, y + 2, { width: 0.8 });
      if (pageIndex === pages.length - 1) closing(surface, po, record, y + 10);
      else surface.text("continued overleaf", right, y + 8, { font: "serif-italic", size: 9, align: "right" });
    });
  },
};

function letterhead(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder): number {
  const [name = "", ...address] = addressLines(record, "buyer", po.buyer, { phone: true });
  surface.text(name, 306, 44, { font: "serif-bold", size: 18, align: "center" });
  surface.text(address.join("  ·  "), 306, 68, { font: "serif", size: 9.5, align: "center" });
  surface.line(50, 86, 562, 86, { width: 1.2 });
  surface.line(50, 89, 562, 89, { width: 0.4 });

  surface.text("PURCHASE ORDER", 50, 104, { font: "serif-bold", size: 14 });
  surface.text(`No. ${record.text("po_number", po.poNumber)}`, 562, 104, { font: "serif-bold", size: 12, align: "right" });
  surface.text(`Date: ${record.date("po_date", po.poDate)}`, 562, 122, { font: "serif", size: 10.5, align: "right" });

  surface.text("To:", 50, 146, { font: "serif-bold", size: 10.5 });
  addressLines(record, "vendor", po.vendor).forEach((text, index) => {
    surface.text(text, 80, 146 + index * 13, { font: "serif", size: 10.5 });
  });
  surface.text("Deliver to:", 320, 146, { font: "serif-bold", size: 10.5 });
  addressLines(record, "ship_to", po.shipTo).forEach((text, index) => {
    surface.text(text, 382, 146 + index * 13, { font: "serif", size: 10.5 });
  });

  const terms = [
    po.requestedDate ? `Required by: ${record.date("requested_date", po.requestedDate)}` : "",
    po.terms ? `Terms: ${record.text("terms", po.terms)}` : "",
    po.shipVia ? `Ship via: ${record.text("ship_via", po.shipVia)}` : "",
  ].filter(Boolean);
  surface.text(terms.join("      "), 50, 232, { font: "serif", size: 10.5 });
  surface.text("Please supply the following goods at the prices stated. Quote our order number on your invoice.", 50, 256, {
    font: "serif-italic",
    size: 10,
  });
  return FIRST_TABLE_TOP;
}

function continuation(surface: Surface, po: PurchaseOrderContent, page: number): number {
  surface.text(`${po.buyer.name}: Purchase Order No. ${po.poNumber}, page ${page}`, 50, 50, { font: "serif-italic", size: 10.5 });
  return NEXT_TABLE_TOP;
}

function closing(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder, y: number): void {
  surface.text("Total USD", 470, y, { font: "serif-bold", size: 11, align: "right" });
  surface.text(record.money("total", po.subtotal), 562, y, { font: "serif-bold", size: 11, align: "right" });
  if (po.notes) {
    surface.text("Delivery:", 50, y + 24, { font: "serif-bold", size: 10 });
    wrappedField(surface, record, "notes", po.notes, { font: "serif", size: 10, width: 300, maxLines: 3 }).forEach(
      (text, index) => {
        surface.text(text, 100, y + 24 + index * 12, { font: "serif", size: 10 });
      },
    );
  }
  surface.line(330, y + 84, 530, y + 84, { width: 0.6 });
  surface.text(record.text("buyer_contact", po.buyerContact), 330, y + 70, { font: "serif-italic", size: 12 });
  surface.text("Authorised by", 330, y + 88, { font: "serif", size: 9 });
}
