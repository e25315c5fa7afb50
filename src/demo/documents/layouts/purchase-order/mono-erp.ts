import type { PurchaseOrderContent } from "../../content/purchase-order.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, type TableStyle } from "../../render/table.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { type PurchaseOrderColumnKey, purchaseOrderCells } from "./cells.ts";

const COLUMNS = columnsFrom<PurchaseOrderColumnKey>(36, [
  { key: "line", title: "LN", width: 22, align: "right" },
  { key: "customer_part", title: "ITEM-NUMBER", width: 72 },
  { key: "vendor_part", title: "VENDOR-PART", width: 78 },
  { key: "description", title: "DESCRIPTION", width: 150 },
  { key: "quantity", title: "ORD-QTY", width: 54, align: "right" },
  { key: "uom", title: "UM", width: 22 },
  { key: "unit_price", title: "UNIT-COST", width: 62, align: "right" },
  { key: "amount", title: "EXT-COST", width: 80, align: "right" },
]);

const TABLE: TableStyle = {
  font: "mono",
  size: 7.5,
  headerFont: "mono-bold",
  headerSize: 7.5,
  rowHeight: 12,
  headerHeight: 14,
  zebra: "#e3efe3",
  borders: "none",
  padding: 2,
};

const FIRST_TABLE_TOP = 216;
const NEXT_TABLE_TOP = 96;
const TABLE_BOTTOM = 736;
const RIGHT = 576;

/** A legacy ERP print in Courier on green-bar stock: upper case, dashes, page x of y on every page. */
export const monoErpLayout: Layout<PurchaseOrderContent> = {
  name: "po-mono-erp",
  formats: { date: "iso", money: { symbol: false, thousands: false }, minPricePlaces: 4, minQuantityPlaces: 2 },
  render(surface, po, record) {
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(po.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 4 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      banner(surface, po, record, pageIndex + 1, pages.length);
      let y = pageIndex === 0 ? firstPageBlock(surface, po, record) : NEXT_TABLE_TOP;
      y = drawTableHeader(surface, COLUMNS, y, TABLE);
      surface.line(36, y, RIGHT, y, { dash: 2 });
      for (const [rowIndex, lineIndex] of lineIndexes.entries()) {
        const line = po.lines[lineIndex];
        if (!line) continue;
        const lineRecord = record.line({ item_external_id: line.itemExternalId });
        y = drawTableRow(
          surface,
          COLUMNS,
          purchaseOrderCells(surface, COLUMNS, line, lineRecord, TABLE, { upper: true }),
          y,
          rowIndex,
          TABLE,
        );
      }
      surface.line(36, y + 2, RIGHT, y + 2, { dash: 2 });
      const text = (value: string, x: number, lineY: number, align: "left" | "right" = "left") =>
        surface.text(value, x, lineY, { font: "mono-bold", size: 8, align });
      if (pageIndex === pages.length - 1) {
        text(`TOTAL LINES: ${record.integer("line_count", po.lines.length)}`, 36, y + 10);
        text(`ORDER TOTAL: ${record.money("total", po.subtotal)}`, RIGHT, y + 10, "right");
        text("*** END OF PURCHASE ORDER ***", 306 - surface.widthOf("*** END OF PURCHASE ORDER ***", "mono-bold", 8) / 2, y + 30);
      } else {
        text(
          "*** CONTINUED ON NEXT PAGE ***",
          306 - surface.widthOf("*** CONTINUED ON NEXT PAGE ***", "mono-bold", 8) / 2,
          y + 10,
        );
      }
    });
  },
};

function banner(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder, page: number, pages: number): void {
  const text = (value: string, x: number, y: number, align: "left" | "right" = "left") =>
    surface.text(value, x, y, { font: "mono", size: 8.5, align });
  text(`RUN DATE ${po.poDate}   PGM PO410R`, 36, 30);
  text(`PAGE ${page} OF ${pages}`, RIGHT, 30, "right");
  surface.text(po.buyer.name.toUpperCase(), 306, 44, { font: "mono-bold", size: 11, align: "center" });
  surface.text("P U R C H A S E   O R D E R", 306, 60, { font: "mono-bold", size: 10, align: "center" });
  text(`PO NUMBER: ${record.text("po_number", po.poNumber)}`, 36, 78);
  text(`PO DATE: ${record.date("po_date", po.poDate)}`, RIGHT, 78, "right");
}

function firstPageBlock(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder): number {
  const text = (value: string, x: number, y: number) => surface.text(value, x, y, { font: "mono", size: 8.5 });
  text("VENDOR:", 36, 100);
  const vendor = addressLines(record, "vendor", po.vendor, { upper: true });
  vendor.push(`VENDOR NO: ${record.text("vendor_number", po.vendorNumber)}`);
  vendor.forEach((value, index) => {
    text(value, 96, 100 + index * 11);
  });
  text("SHIP TO:", 316, 100);
  addressLines(record, "ship_to", po.shipTo, { upper: true }).forEach((value, index) => {
    text(value, 380, 100 + index * 11);
  });
  const facts = [
    `BUYER: ${record.text("buyer_contact", po.buyerContact.toUpperCase())}`,
    po.terms ? `TERMS: ${record.text("terms", po.terms.toUpperCase())}` : "",
    po.shipVia ? `SHIP VIA: ${record.text("ship_via", po.shipVia.toUpperCase())}` : "",
    po.requestedDate ? `REQ DATE: ${record.date("requested_date", po.requestedDate)}` : "",
  ].filter(Boolean);
  facts.forEach((value, index) => {
    text(value, index % 2 === 0 ? 36 : 316, 170 + Math.floor(index / 2) * 11);
  });
  surface.line(36, 200, RIGHT, 200, { dash: 2 });
  return FIRST_TABLE_TOP;
}
