import type { Item, PurchaseOrder, Receipt, Records } from "../../records/index.ts";
import { unitsInBase } from "./units.ts";

/** What was received of each PO line, in base units: the receipts' good quantities, else the PO line's own count. */
function receivedByLine(order: PurchaseOrder, receipts: readonly Receipt[], items: Map<string, Item>): Map<number, number> {
  const received = new Map<number, number>();
  for (const receipt of receipts) {
    if (receipt.status === "cancelled") continue;
    for (const line of receipt.lines ?? []) {
      if (line.purchase_order_line_number === null || line.purchase_order_line_number === undefined) continue;
      const item = items.get(line.item_external_id);
      const factor = item ? (unitsInBase(item, line.uom) ?? 1) : 1;
      const good = (Number(line.quantity_received) - Number(line.quantity_rejected ?? 0)) * factor;
      received.set(line.purchase_order_line_number, (received.get(line.purchase_order_line_number) ?? 0) + good);
    }
  }
  if (receipts.length === 0) {
    for (const line of order.lines ?? []) {
      const item = items.get(line.item_external_id);
      const factor = item ? (unitsInBase(item, line.uom) ?? 1) : 1;
      if (line.quantity_received !== null && line.quantity_received !== undefined)
        received.set(line.line_number, Number(line.quantity_received) * factor);
    }
  }
  return received;
}

/**
 * A purchase order's items (by external id) and what was received of each of its lines so far,
 * in base units, from the receipts recorded against it.
 */
export async function receivedOnOrder(
  records: Records,
  tenantId: string,
  order: PurchaseOrder,
): Promise<{ items: Map<string, Item>; received: Map<number, number> }> {
  const itemKeys = [...new Set((order.lines ?? []).map((line) => line.item_external_id))].map((external_id) => ({
    source_system: order.source_system,
    external_id,
  }));
  const items = new Map(
    (itemKeys.length > 0 ? ((await records.getManyByExternalId(tenantId, "item", itemKeys)) as Item[]) : []).map((item) => [
      item.external_id,
      item,
    ]),
  );
  const [receiptPage] = await records.listByRef(
    tenantId,
    "receipt",
    "purchase_order_external_id",
    [{ source_system: order.source_system, external_id: order.external_id }],
    { include: ["lines"], limit: 100 },
  );
  return { items, received: receivedByLine(order, (receiptPage?.data ?? []) as Receipt[], items) };
}
