import type { BillOfLadingContent } from "../content/bill-of-lading.ts";
import { addressLines } from "../render/address-block.ts";
import type { Surface } from "../render/surface.ts";
import { columnsFrom, drawTableHeader, drawTableRow, fitCell, type TableStyle } from "../render/table.ts";
import { wrapText } from "../render/text-fit.ts";
import { wrappedField } from "../render/wrapped-field.ts";
import type { Layout } from "./layout.ts";

const LEFT = 30;
const RIGHT = 582;

const UNITS = columnsFrom(LEFT, [
  { key: "count", title: "H.U. QTY", width: 46, align: "center" },
  { key: "type", title: "TYPE", width: 36, align: "center" },
  { key: "weight", title: "WEIGHT", width: 56, align: "right" },
  { key: "hazmat", title: "HM (X)", width: 36, align: "center" },
  { key: "description", title: "COMMODITY DESCRIPTION", width: 290 },
  { key: "class", title: "CLASS", width: 44, align: "center" },
  { key: "nmfc", title: "NMFC #", width: 44, align: "center" },
]);

const TABLE: TableStyle = {
  font: "sans",
  size: 7.5,
  headerFont: "sans-bold",
  headerSize: 6.5,
  rowHeight: 16,
  headerHeight: 14,
  headerFill: "#000000",
  headerColor: "#ffffff",
  borders: "grid",
  padding: 3,
};

/** The VICS-style straight bill of lading, short form, not negotiable. */
export const billOfLadingLayout: Layout<BillOfLadingContent> = {
  name: "bol-vics-short-form",
  formats: { date: "us", money: { symbol: true, thousands: true }, minPricePlaces: 2, minQuantityPlaces: 0 },
  render(surface, bol, record) {
    surface.text(`Date: ${record.date("ship_date", bol.shipDate)}`, LEFT, 28, { font: "sans", size: 9 });
    surface.text("BILL OF LADING", 306, 24, { font: "sans-bold", size: 16, align: "center" });
    surface.text("STRAIGHT BILL OF LADING - SHORT FORM - NOT NEGOTIABLE", 306, 44, { font: "sans", size: 7, align: "center" });
    surface.text("Page 1 of 1", RIGHT, 28, { font: "sans", size: 9, align: "right" });

    let y = 60;
    y = section(surface, y, "SHIP FROM", addressLines(record, "shipper", bol.shipper, { phone: true }), [
      ["Bill of Lading Number:", record.text("bol_number", bol.bolNumber)],
    ]);
    y = section(surface, y, "SHIP TO", addressLines(record, "consignee", bol.consignee), [
      ["Carrier Name:", record.text("carrier", bol.carrier)],
      ["SCAC:", record.text("scac", bol.scac)],
      ["Pro Number:", bol.proNumber ? record.text("pro_number", bol.proNumber) : ""],
      ["Service:", bol.serviceLevel ? record.text("service_level", bol.serviceLevel) : ""],
    ]);
    y = section(
      surface,
      y,
      "SPECIAL INSTRUCTIONS",
      bol.instructions
        ? wrappedField(surface, record, "special_instructions", bol.instructions, {
            font: "sans",
            size: 8.5,
            width: 260,
            maxLines: 4,
          })
        : [],
      [["Freight Charge Terms:", record.text("freight_terms", bol.freightTerms)]],
    );

    y = band(surface, y + 6, "CUSTOMER ORDER INFORMATION");
    const orderCells = [
      bol.orderNumber ? record.text("order_number", bol.orderNumber) : "",
      bol.customerPoNumber ? record.text("customer_po_number", bol.customerPoNumber) : "",
      record.integer("packages", bol.packages),
      record.quantity("total_weight", bol.weight),
    ];
    const orderColumns = columnsFrom(LEFT, [
      { key: "order", title: "ORDER NUMBER", width: 150 },
      { key: "po", title: "CUSTOMER PO", width: 190 },
      { key: "pkgs", title: "# PKGS", width: 90, align: "center" },
      { key: "weight", title: `WEIGHT (${record.text("weight_uom", bol.weightUom)})`, width: 122, align: "right" },
    ]);
    y = drawTableHeader(surface, orderColumns, y, { ...TABLE, headerFill: "#dddddd", headerColor: "#000000" });
    y = drawTableRow(surface, orderColumns, orderCells, y, 0, TABLE);

    y = band(surface, y + 8, "CARRIER INFORMATION");
    y = drawTableHeader(surface, UNITS, y, { ...TABLE, headerFill: "#dddddd", headerColor: "#000000" });
    const descriptionColumn = UNITS[4];
    bol.units.forEach((unit, index) => {
      const line = record.line({ item_external_ids: unit.itemExternalIds.join(",") });
      const cells = [
        line.integer("handling_units", unit.count),
        line.text("handling_unit_type", unit.type),
        line.quantity("weight", unit.weight),
        line.flag("hazmat", unit.hazmat, unit.hazmat ? "X" : ""),
        descriptionColumn ? line.text("description", fitCell(surface, descriptionColumn, unit.description, TABLE)) : "",
        line.text("freight_class", unit.nmfcClass),
        "",
      ];
      y = drawTableRow(surface, UNITS, cells, y, index, TABLE);
    });
    surface.text(`Hazardous materials: ${record.flag("hazmat", bol.hazmat, bol.hazmat ? "YES" : "NO")}`, LEFT, y + 6, {
      font: "sans-bold",
      size: 8,
    });
    if (bol.hazmat) {
      surface.text("Emergency response: CHEMTREC 1-800-424-9300. Placards supplied.", 200, y + 6, { font: "sans", size: 8 });
    }
    signatures(surface, Math.max(y + 30, 600));
  },
};

function band(surface: Surface, y: number, title: string): number {
  surface.rect(LEFT, y, RIGHT - LEFT, 14, { fill: "#000000" });
  surface.text(title, 306, y + 3.5, { font: "sans-bold", size: 8, align: "center", color: "#ffffff" });
  return y + 14;
}

function section(surface: Surface, y: number, title: string, lines: string[], facts: [string, string][]): number {
  const height = Math.max(68, 20 + Math.max(lines.length, facts.length) * 11);
  surface.rect(LEFT, y, 286, 14, { fill: "#000000" });
  surface.text(title, LEFT + 143, y + 3.5, { font: "sans-bold", size: 8, align: "center", color: "#ffffff" });
  surface.rect(LEFT, y, RIGHT - LEFT, height, { stroke: "#000000", lineWidth: 0.8 });
  surface.line(316, y, 316, y + height, { width: 0.8 });
  lines.forEach((text, index) => {
    surface.text(text, LEFT + 6, y + 18 + index * 11, { font: "sans", size: 8.5 });
  });
  facts.forEach(([label, value], index) => {
    surface.text(label, 322, y + 6 + index * 13, { font: "sans-bold", size: 8 });
    surface.text(value, 440, y + 6 + index * 13, { font: "sans", size: 8.5 });
  });
  return y + height;
}

function signatures(surface: Surface, y: number): void {
  const boxes = [
    [
      "SHIPPER SIGNATURE / DATE",
      "This is to certify that the above named materials are properly classified, packaged, marked and labeled.",
    ],
    ["CARRIER SIGNATURE / PICKUP DATE", "Carrier acknowledges receipt of packages and required placards."],
  ];
  boxes.forEach(([title = "", note = ""], index) => {
    const x = LEFT + index * 276;
    surface.rect(x, y, 276, 70, { stroke: "#000000", lineWidth: 0.8 });
    surface.text(title, x + 6, y + 5, { font: "sans-bold", size: 7.5 });
    wrapText(surface, note, "sans", 6.5, 262).forEach((text, lineIndex) => {
      surface.text(text, x + 6, y + 16 + lineIndex * 8, { font: "sans", size: 6.5 });
    });
    surface.line(x + 6, y + 58, x + 200, y + 58, { width: 0.5 });
  });
}
