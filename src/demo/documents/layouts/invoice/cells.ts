import { assertNever } from "../../../../platform/errors.ts";
import type { SupplierInvoiceLine } from "../../content/supplier-invoice.ts";
import type { Surface } from "../../render/surface.ts";
import { type Column, fitCell, type TableStyle } from "../../render/table.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";

export type InvoiceColumnKey =
  | "line"
  | "supplier_part"
  | "buyer_part"
  | "description"
  | "quantity"
  | "uom"
  | "unit_price"
  | "amount";

/** Formats one invoice line into its cells, recording each printed value on the line's truth. */
export function invoiceCells(
  surface: Surface,
  columns: readonly (Column & { key: InvoiceColumnKey })[],
  line: SupplierInvoiceLine,
  record: TruthRecorder,
  style: TableStyle,
  options: { upper?: boolean } = {},
): string[] {
  const up = (value: string) => (options.upper ? value.toUpperCase() : value);
  const cut = (column: Column, value: string) => fitCell(surface, column, up(value), style);
  return columns.map((column) => {
    switch (column.key) {
      case "line":
        return record.integer("line_number", line.lineNumber);
      case "supplier_part":
        return line.supplierPartNumber ? record.text("supplier_part_number", cut(column, line.supplierPartNumber)) : "";
      case "buyer_part":
        return line.sku ? record.text("buyer_part_number", cut(column, line.sku)) : "";
      case "description":
        return line.description ? record.text("description", cut(column, line.description)) : "";
      case "quantity":
        return line.quantity != null ? record.quantity("quantity", line.quantity) : "";
      case "uom":
        return line.uom ? record.text("uom", up(line.uom)) : "";
      case "unit_price":
        return line.unitPrice != null ? record.price("unit_price", line.unitPrice) : "";
      case "amount":
        return record.money("amount", line.amount);
      default:
        return assertNever(column.key);
    }
  });
}

/** The line's refs for the truth: the item it bills, when it bills one. */
export function invoiceLineRefs(line: SupplierInvoiceLine): Record<string, string> {
  return line.itemExternalId ? { item_external_id: line.itemExternalId } : {};
}
