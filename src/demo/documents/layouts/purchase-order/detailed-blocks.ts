import type { PurchaseOrderContent, PurchaseOrderLine } from "../../content/purchase-order.ts";
import { addressLines } from "../../render/address-block.ts";
import { paginate } from "../../render/paginate.ts";
import type { Surface } from "../../render/surface.ts";
import { fitText, wrapText } from "../../render/text-fit.ts";
import { wrappedField } from "../../render/wrapped-field.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";
import type { Layout } from "../layout.ts";
import { TERMS_OF_PURCHASE } from "./terms-and-conditions.ts";

const LEFT = 42;
const RIGHT = 570;
const BLOCK = 62;
const FIRST_TOP = 262;
const NEXT_TOP = 84;
const BOTTOM = 726;

/**
 * A manufacturer's order: every line a block of its own (part, quantities, the full description on
 * two lines, need date and supplier part), and the terms and conditions of purchase on a last page.
 */
export const detailedBlocksLayout: Layout<PurchaseOrderContent> = {
  name: "po-detailed-blocks",
  formats: { date: "us", money: { symbol: false, thousands: true }, minPricePlaces: 2, minQuantityPlaces: 0 },
  render(surface, po, record) {
    const blocks = (top: number) => Math.floor((BOTTOM - top) / BLOCK);
    const pages = paginate(po.lines.length, { first: blocks(FIRST_TOP), next: blocks(NEXT_TOP), totals: 1 });
    const pageCount = pages.length + 1;
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      let y = pageIndex === 0 ? header(surface, po, record) : continuation(surface, po);
      for (const lineIndex of lineIndexes) {
        const line = po.lines[lineIndex];
        if (line) y = block(surface, line, record.line({ item_external_id: line.itemExternalId }), y);
      }
      if (pageIndex === pages.length - 1) {
        surface.line(360, y + 6, RIGHT, y + 6, { width: 1 });
        surface.text("ORDER TOTAL (USD)", 470, y + 12, { font: "sans-bold", size: 9, align: "right" });
        surface.text(record.money("total", po.subtotal), RIGHT, y + 12, { font: "sans-bold", size: 9, align: "right" });
      }
      footer(surface, po, pageIndex + 1, pageCount);
    });
    surface.addPage();
    terms(surface);
    footer(surface, po, pageCount, pageCount);
  },
};

function header(surface: Surface, po: PurchaseOrderContent, record: TruthRecorder): number {
  const [name = "", ...address] = addressLines(record, "buyer", po.buyer, { phone: true });
  surface.text(name, LEFT, 36, { font: "serif-bold", size: 16 });
  address.forEach((text, index) => {
    surface.text(text, LEFT, 58 + index * 11, { font: "sans", size: 8.5 });
  });
  surface.text("PURCHASE ORDER", RIGHT, 36, { font: "serif-bold", size: 15, align: "right" });
  const facts: [string, string][] = [
    ["Order no.", record.text("po_number", po.poNumber)],
    ["Revision", "0"],
    ["Order date", record.date("po_date", po.poDate)],
    ["Buyer", record.text("buyer_contact", po.buyerContact)],
  ];
  facts.forEach(([label, value], index) => {
    surface.text(label, 470, 58 + index * 12, { font: "sans", size: 8, align: "right", color: "#444444" });
    surface.text(value, RIGHT, 58 + index * 12, { font: "sans-bold", size: 8.5, align: "right" });
  });

  const panels: [string, string[]][] = [
    ["SUPPLIER", [...addressLines(record, "vendor", po.vendor), `Supplier no. ${record.text("vendor_number", po.vendorNumber)}`]],
    ["DELIVER TO", addressLines(record, "ship_to", po.shipTo)],
  ];
  panels.forEach(([title, lines], index) => {
    const x = LEFT + index * 270;
    surface.text(title, x, 122, { font: "sans-bold", size: 7.5, color: "#444444" });
    surface.line(x, 132, x + 250, 132, { width: 0.6 });
    lines.forEach((text, lineIndex) => {
      surface.text(text, x, 137 + lineIndex * 11, { font: "sans", size: 9 });
    });
  });
  const terms = [
    po.terms ? `Payment terms: ${record.text("terms", po.terms)}` : "",
    po.shipVia ? `Ship via: ${record.text("ship_via", po.shipVia)}` : "",
    "Incoterms: FOB destination",
  ].filter(Boolean);
  surface.text(terms.join("     "), LEFT, 212, { font: "sans", size: 8.5 });
  if (po.notes)
    surface.text(`Receiving: ${record.text("notes", fitText(surface, po.notes, "sans", 8.5, 460))}`, LEFT, 226, {
      font: "sans",
      size: 8.5,
    });
  surface.line(LEFT, 244, RIGHT, 244, { width: 1.2 });
  return FIRST_TOP;
}

function continuation(surface: Surface, po: PurchaseOrderContent): number {
  surface.text(`${po.buyer.name} - Purchase Order ${po.poNumber} (continued)`, LEFT, 44, { font: "serif-bold", size: 11 });
  surface.line(LEFT, 64, RIGHT, 64, { width: 1.2 });
  return NEXT_TOP;
}

function block(surface: Surface, line: PurchaseOrderLine, record: TruthRecorder, y: number): number {
  surface.rect(LEFT, y, RIGHT - LEFT, 15, { fill: "#e6e6e6" });
  const part = line.customerPartNumber
    ? record.text("customer_part_number", line.customerPartNumber)
    : record.text("vendor_part_number", line.sku);
  const cells: [string, number, "left" | "right"][] = [
    [`Line ${record.integer("line_number", line.lineNumber)}`, LEFT + 4, "left"],
    [`Part ${part}`, LEFT + 58, "left"],
    [`Qty ${record.quantity("quantity", line.quantity)} ${record.text("uom", line.uom)}`, 330, "right"],
    [`@ ${record.price("unit_price", line.unitPrice)}`, 440, "right"],
    [record.money("amount", line.amount), RIGHT - 4, "right"],
  ];
  for (const [text, x, align] of cells) surface.text(text, x, y + 3.5, { font: "sans-bold", size: 8.5, align });
  const description = wrappedField(surface, record, "description", line.description, {
    font: "serif",
    size: 9.5,
    width: 440,
    maxLines: 2,
  });
  description.forEach((text, index) => {
    surface.text(text, LEFT + 58, y + 19 + index * 11, { font: "serif", size: 9.5 });
  });
  const details = [line.customerPartNumber ? `Supplier part ${record.text("vendor_part_number", line.sku)}` : ""];
  if (line.requestedDate) details.push(`Required ${record.date("requested_date", line.requestedDate)}`);
  surface.text(details.filter(Boolean).join("     "), LEFT + 58, y + 43, { font: "sans", size: 8, color: "#333333" });
  return y + BLOCK;
}

function footer(surface: Surface, po: PurchaseOrderContent, page: number, pages: number): void {
  surface.line(LEFT, 752, RIGHT, 752, { width: 0.4 });
  surface.text(`Order ${po.poNumber}`, LEFT, 758, { font: "sans", size: 7.5 });
  surface.text(`Page ${page} of ${pages}`, RIGHT, 758, { font: "sans", size: 7.5, align: "right" });
}

function terms(surface: Surface): void {
  surface.text("TERMS AND CONDITIONS OF PURCHASE", 306, 44, { font: "serif-bold", size: 12, align: "center" });
  let y = 70;
  TERMS_OF_PURCHASE.forEach((paragraph, index) => {
    for (const text of wrapText(surface, `${index + 1}. ${paragraph}`, "serif", 8.5, RIGHT - LEFT)) {
      surface.text(text, LEFT, y, { font: "serif", size: 8.5 });
      y += 10.5;
    }
    y += 5;
  });
}
