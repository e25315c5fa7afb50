import type { KnowledgeContext } from "../context.ts";
import type { BlockWriter } from "../document.ts";
import { decimalNumber, longDate, money, quantity } from "../format.ts";
import { markdownTableRow } from "../render/markdown.ts";
import type { Row } from "../world-index.ts";
import type { ExhibitLine } from "./contract-pricing.ts";

export type ExhibitRow = ExhibitLine & {
  price: string;
  partNumber: string | undefined;
  shipTo: Row<"ship_to"> | undefined;
  /** The row as the Markdown holds it. */
  passage: string;
};

const EXHIBIT_COLUMNS = ["SKU", "Description", "Customer part no.", "UoM", "Contract price", "Valid through", "Notes"];

/** Exhibit A: one row per price agreement in force, priced exactly as the agreement record says. */
export function writePricingExhibit(
  write: BlockWriter,
  context: KnowledgeContext,
  customer: Row<"customer">,
  lines: ExhibitLine[],
  linesInForce: number,
): ExhibitRow[] {
  write.pageBreak();
  write.heading("Exhibit A - Contract Prices", 2);
  if (lines.length === 0) {
    write.paragraph("No contract prices are in force for Customer; see section 4 for how Products are priced.");
    return [];
  }
  write.paragraph(
    `Prices are in US dollars per unit of measure shown, as in force on ${longDate(context.index.asOf)}. A minimum quantity is per order line.`,
  );
  if (linesInForce > lines.length) {
    write.paragraph(
      `This Exhibit lists ${lines.length} of the ${linesInForce} contract prices in force; the others are recorded under the same agreement number in Distributor's pricing system.`,
    );
  }
  const table: string[][] = [];
  const rows = lines.map((line): ExhibitRow => {
    const { agreement, item } = line;
    const partNumber = context.index.customerParts.get(`${customer.external_id}|${item.external_id}`)?.part_number;
    const shipTo = agreement.ship_to_external_id ? context.index.shipTos.get(agreement.ship_to_external_id) : undefined;
    const price = money(agreement.contract_price);
    const cells = [
      item.sku,
      item.name,
      partNumber ?? "-",
      agreement.uom,
      price,
      agreement.valid_to ?? "open",
      notes(agreement, shipTo),
    ];
    table.push(cells);
    return { ...line, price, partNumber, shipTo, passage: markdownTableRow(cells) };
  });
  write.table(EXHIBIT_COLUMNS, table, [1.3, 3.2, 1.3, 0.7, 1.2, 1.3, 2.2]);
  return rows;
}

function notes(agreement: Row<"price_agreement">, shipTo: Row<"ship_to"> | undefined): string {
  const notes: string[] = [];
  const min = decimalNumber(agreement.min_quantity);
  const max = decimalNumber(agreement.max_quantity);
  if (min !== undefined && min > 0) notes.push(`Min. ${min} ${agreement.uom} per line`);
  if (max !== undefined && max > 0) notes.push(`Capped at ${quantity(max)} ${agreement.uom} in total`);
  if (shipTo) notes.push(`Only for ${shipTo.code ? `site ${shipTo.code}` : shipTo.name}`);
  if (agreement.rebate_supplier_external_id) notes.push("Supplier-supported");
  return notes.join("; ") || "-";
}
