import { assertNever } from "../../../../platform/errors.ts";
import type { PurchaseOrderLine } from "../../content/purchase-order.ts";
import type { Surface } from "../../render/surface.ts";
import { type Column, fitCell, type TableStyle } from "../../render/table.ts";
import type { TruthRecorder } from "../../truth/recorder.ts";

/** What a PO column shows. `part` is the customer's part number where it has one, else the vendor's. */
export type PurchaseOrderColumnKey =
  | "line"
  | "customer_part"
  | "vendor_part"
  | "part"
  | "description"
  | "quantity"
  | "uom"
  | "unit_price"
  | "amount"
  | "requested_date";

/** Formats one PO line into its cells, recording each printed value on the line's truth. */
export function purchaseOrderCells(
  surface: Surface,
  columns: readonly (Column & { key: PurchaseOrderColumnKey })[],
  line: PurchaseOrderLine,
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
      case "customer_part":
        return line.customerPartNumber ? record.text("customer_part_number", cut(column, line.customerPartNumber)) : "";
      case "vendor_part":
        return record.text("vendor_part_number", cut(column, line.sku));
      case "part":
        return line.customerPartNumber
          ? record.text("customer_part_number", cut(column, line.customerPartNumber))
          : record.text("vendor_part_number", cut(column, line.sku));
      case "description":
        return record.text("description", cut(column, line.description));
      case "quantity":
        return record.quantity("quantity", line.quantity);
      case "uom":
        return record.text("uom", line.uom);
      case "unit_price":
        return record.price("unit_price", line.unitPrice);
      case "amount":
        return record.money("amount", line.amount);
      case "requested_date":
        return line.requestedDate ? record.date("requested_date", line.requestedDate) : "";
      default:
        return assertNever(column.key);
    }
  });
}
