import type { KnowledgeContext } from "../context.ts";
import type { BlockWriter } from "../document.ts";
import { decimalNumber, money, quantity } from "../format.ts";
import { markdownTableRow } from "../render/markdown.ts";
import type { Row } from "../world-index.ts";

export type ScheduleRow = { item: Row<"item">; supplierPartNumber: string | undefined; purchaseUnit: string; passage: string };

const SCHEDULE_COLUMNS = ["SKU", "Description", "Supplier part no.", "Mfr. part no.", "Purchase unit", "Cost per base unit"];

/** Schedule 1: the items the supplier is preferred for, with its part numbers and the distributor's cost. */
export function writeProductSchedule(
  write: BlockWriter,
  context: KnowledgeContext,
  supplier: Row<"supplier">,
  items: Row<"item">[],
  totalItems: number,
): ScheduleRow[] {
  write.pageBreak();
  write.heading("Schedule 1 - Products", 2);
  if (items.length === 0) {
    write.paragraph("Products are named on each purchase order.");
    return [];
  }
  write.paragraph(
    "Costs are in US dollars per base unit of measure, as in Distributor's item master on the date of this Schedule.",
  );
  if (totalItems > items.length) {
    write.paragraph(
      `This Schedule lists ${items.length} of the ${totalItems} items Distributor buys from Supplier; the full list is kept in Distributor's item master.`,
    );
  }
  const table: string[][] = [];
  const rows = items.map((item): ScheduleRow => {
    const supplierPartNumber = context.index.supplierParts.get(`${supplier.external_id}|${item.external_id}`)?.part_number;
    const purchaseUnit = purchaseUnitOf(item);
    const cells = [
      item.sku,
      item.name,
      supplierPartNumber ?? "-",
      item.manufacturer_part_number ?? "-",
      purchaseUnit,
      item.standard_cost !== null && item.standard_cost !== undefined ? `${money(item.standard_cost)} / ${item.base_uom}` : "-",
    ];
    table.push(cells);
    return { item, supplierPartNumber, purchaseUnit, passage: markdownTableRow(cells) };
  });
  write.table(SCHEDULE_COLUMNS, table, [1.2, 3.2, 1.5, 1.3, 1.1, 1.2]);
  return rows;
}

/** `BX of 100 EA`, or the base unit when the item is bought one by one. */
function purchaseUnitOf(item: Row<"item">): string {
  const conversions = item.uom_conversions ?? [];
  const pack =
    conversions.find((conversion) => conversion.is_purchase_default) ??
    conversions.find((conversion) => (decimalNumber(conversion.quantity_in_base) ?? 1) > 1);
  const size = decimalNumber(pack?.quantity_in_base);
  if (!pack || size === undefined || size === 1) return item.base_uom;
  return `${pack.uom} of ${quantity(size)} ${item.base_uom}`;
}
