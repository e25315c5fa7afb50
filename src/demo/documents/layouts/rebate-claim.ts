import { assertNever } from "../../../platform/errors.ts";
import type { RebateClaimContent, RebateClaimLine } from "../content/rebate-claim.ts";
import { addressLines } from "../render/address-block.ts";
import { paginate } from "../render/paginate.ts";
import type { Surface } from "../render/surface.ts";
import { type Column, columnsFrom, drawTableHeader, drawTableRow, fitCell, type TableStyle } from "../render/table.ts";
import type { TruthRecorder } from "../truth/recorder.ts";
import type { Layout } from "./layout.ts";

type Key = "agreement" | "sku" | "supplier_part" | "description" | "end_customer" | "quantity" | "uom" | "rebate" | "amount";

const SHIP_AND_DEBIT = columnsFrom<Key>(30, [
  { key: "agreement", title: "Agreement", width: 58 },
  { key: "sku", title: "Item", width: 70 },
  { key: "supplier_part", title: "Mfr Part #", width: 60 },
  { key: "description", title: "Description", width: 112 },
  { key: "end_customer", title: "End Customer", width: 86 },
  { key: "quantity", title: "Qty Sold", width: 42, align: "right" },
  { key: "uom", title: "UOM", width: 26, align: "center" },
  { key: "rebate", title: "Rebate/Unit", width: 48, align: "right" },
  { key: "amount", title: "Amount", width: 50, align: "right" },
]);

const VOLUME = columnsFrom<Key>(30, [
  { key: "sku", title: "Item", width: 86 },
  { key: "supplier_part", title: "Mfr Part #", width: 80 },
  { key: "description", title: "Description", width: 190 },
  { key: "quantity", title: "Qty Sold", width: 50, align: "right" },
  { key: "uom", title: "UOM", width: 30, align: "center" },
  { key: "rebate", title: "Rebate/Unit", width: 52, align: "right" },
  { key: "amount", title: "Amount", width: 64, align: "right" },
]);

const TABLE: TableStyle = {
  font: "sans",
  size: 7,
  headerFont: "sans-bold",
  headerSize: 7,
  rowHeight: 14,
  headerHeight: 16,
  headerFill: "#2f5d3a",
  headerColor: "#ffffff",
  zebra: "#f1f6f2",
  borders: "none",
  padding: 2.5,
};

const FIRST_TABLE_TOP = 220;
const NEXT_TABLE_TOP = 80;
const TABLE_BOTTOM = 730;

/** The distributor's claim form, one layout for both programs; ship-and-debit adds agreement and end customer. */
export const rebateClaimLayout: Layout<RebateClaimContent> = {
  name: "rebate-claim-form",
  formats: { date: "us", money: { symbol: false, thousands: true }, minPricePlaces: 2, minQuantityPlaces: 0 },
  render(surface, claim, record) {
    const columns = claim.program === "ship_and_debit" ? SHIP_AND_DEBIT : VOLUME;
    const rows = (top: number) => Math.floor((TABLE_BOTTOM - top - TABLE.headerHeight) / TABLE.rowHeight);
    const pages = paginate(claim.lines.length, { first: rows(FIRST_TABLE_TOP), next: rows(NEXT_TABLE_TOP), totals: 4 });
    pages.forEach((lineIndexes, pageIndex) => {
      if (pageIndex > 0) surface.addPage();
      let y = pageIndex === 0 ? header(surface, claim, record) : NEXT_TABLE_TOP;
      if (pageIndex > 0) surface.text(`Claim ${claim.claimNumber} (continued)`, 30, 50, { font: "sans-bold", size: 10 });
      y = drawTableHeader(surface, columns, y, TABLE);
      for (const [rowIndex, lineIndex] of lineIndexes.entries()) {
        const line = claim.lines[lineIndex];
        if (!line) continue;
        y = drawTableRow(surface, columns, cells(surface, columns, line, record), y, rowIndex, TABLE);
      }
      if (pageIndex === pages.length - 1) {
        surface.line(400, y + 4, 582, y + 4, { width: 0.8 });
        surface.text("TOTAL CLAIMED (USD)", 500, y + 10, { font: "sans-bold", size: 9, align: "right" });
        surface.text(record.money("total", claim.total, { symbol: true, thousands: true }), 578, y + 10, {
          font: "sans-bold",
          size: 9,
          align: "right",
        });
        surface.text(`Lines: ${record.integer("line_count", claim.lines.length)}`, 30, y + 10, { font: "sans", size: 8 });
      }
      surface.text(`Page ${pageIndex + 1} of ${pages.length}`, 582, 760, { font: "sans", size: 7, align: "right" });
    });
  },
};

function header(surface: Surface, claim: RebateClaimContent, record: TruthRecorder): number {
  const title = claim.program === "ship_and_debit" ? "SHIP & DEBIT CLAIM" : "VOLUME REBATE CLAIM";
  surface.text(record.record("program", claim.program, title), 30, 30, { font: "sans-bold", size: 18, color: "#2f5d3a" });
  const [name = "", ...address] = addressLines(record, "distributor", claim.distributor, { phone: true });
  surface.text(name, 582, 30, { font: "sans-bold", size: 11, align: "right" });
  address.forEach((text, index) => {
    surface.text(text, 582, 46 + index * 10, { font: "sans", size: 8, align: "right" });
  });

  surface.text("SUBMITTED TO", 30, 100, { font: "sans-bold", size: 7.5, color: "#2f5d3a" });
  addressLines(record, "supplier", claim.supplier).forEach((text, index) => {
    surface.text(text, 30, 112 + index * 11, { font: "sans", size: 9 });
  });
  const facts: [string, string][] = [
    ["Claim number", record.text("claim_number", claim.claimNumber)],
    ["Claim date", record.date("claim_date", claim.claimDate)],
    ["Claim period", `${record.date("period_start", claim.periodStart)} - ${record.date("period_end", claim.periodEnd)}`],
    ["Distributor account", record.text("distributor_account", claim.distributorAccount)],
    ["Contact", record.text("contact", claim.contact)],
  ];
  facts.forEach(([label, value], index) => {
    surface.text(label, 360, 100 + index * 13, { font: "sans-bold", size: 8 });
    surface.text(value, 460, 100 + index * 13, { font: "sans", size: 8.5 });
  });
  const note =
    claim.program === "ship_and_debit"
      ? "Claim for the difference on sales made at the special prices authorised under the agreements below."
      : "Claim for volume rebate earned on program items sold during the period, at the program rate.";
  surface.text(note, 30, 200, { font: "sans-oblique", size: 8 });
  return FIRST_TABLE_TOP;
}

function cells(
  surface: Surface,
  columns: readonly (Column & { key: Key })[],
  line: RebateClaimLine,
  record: TruthRecorder,
): string[] {
  const refs: Record<string, string> = { item_external_id: line.itemExternalId };
  if (line.endCustomerExternalId) refs.customer_external_id = line.endCustomerExternalId;
  const lineRecord = record.line(refs);
  const cut = (column: Column, value: string) => fitCell(surface, column, value, TABLE);
  return columns.map((column) => {
    switch (column.key) {
      case "agreement":
        return line.agreementNumber ? lineRecord.text("agreement_number", cut(column, line.agreementNumber)) : "";
      case "sku":
        return lineRecord.text("item_number", cut(column, line.sku));
      case "supplier_part":
        return line.supplierPartNumber ? lineRecord.text("supplier_part_number", cut(column, line.supplierPartNumber)) : "";
      case "description":
        return lineRecord.text("description", cut(column, line.description));
      case "end_customer":
        return line.endCustomer ? lineRecord.text("end_customer", cut(column, line.endCustomer)) : "";
      case "quantity":
        return lineRecord.quantity("quantity", line.quantity);
      case "uom":
        return lineRecord.text("uom", line.uom);
      case "rebate":
        return lineRecord.price("rebate_per_unit", line.rebatePerUnit);
      case "amount":
        return lineRecord.money("amount", line.amount);
      default:
        return assertNever(column.key);
    }
  });
}
