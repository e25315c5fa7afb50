import type { Item, ItemXref, PurchaseOrder, Records, Supplier } from "../../records/index.ts";

type PurchaseOrderLine = NonNullable<PurchaseOrder["lines"]>[number];

import type { DocumentCheck } from "../extract/read-document.ts";
import type { RecordMatches } from "./tolerances.ts";

const check = (name: string, passed: boolean, expected: string, found: string, atStake: string | null): DocumentCheck => ({
  check: name,
  passed,
  expected,
  found,
  at_stake: passed ? null : atStake,
});

/**
 * The purchase order a supplier's document names, against the records: it exists, is open and is
 * that supplier's (`noun` names the document in the check: "invoice is from the PO's supplier").
 * The order, in full with its lines, is put in `matches`. Null and no checks where the tenant keeps
 * no purchase orders in Crossdock (no ERP connected yet): there is nothing to match against.
 */
export async function checkPurchaseOrder(
  records: Records,
  tenantId: string,
  poNumber: string,
  supplier: Supplier | null,
  matches: RecordMatches,
  options: { noun: string; atStake: string | null },
): Promise<{ order: PurchaseOrder | null; checks: DocumentCheck[] }> {
  const checks: DocumentCheck[] = [];
  const orders = (await records.list(tenantId, "purchase_order", { po_number: poNumber, limit: 5 })).data as PurchaseOrder[];
  if (orders.length === 0 && (await records.list(tenantId, "purchase_order", { limit: 1 })).data.length === 0)
    return { order: null, checks };
  const order = orders.find((candidate) => !supplier || candidate.supplier_external_id === supplier.external_id) ?? orders[0];
  checks.push(
    check(
      "purchase order exists",
      order !== undefined,
      `PO ${poNumber} in the records`,
      order ? `PO ${order.po_number}` : "no such PO",
      options.atStake,
    ),
  );
  if (!order) return { order: null, checks };
  Object.assign(matches, { source_system: order.source_system, purchase_order_external_id: order.external_id });
  const open = !["draft", "cancelled", "closed"].includes(order.status);
  checks.push(check("purchase order is open", open, `PO ${poNumber} open`, `PO ${poNumber} ${order.status}`, options.atStake));
  if (supplier) {
    const same = order.supplier_external_id === supplier.external_id;
    checks.push(
      check(
        `${options.noun} is from the PO's supplier`,
        same,
        `supplier ${order.supplier_external_id}`,
        `supplier ${supplier.external_id}`,
        options.atStake,
      ),
    );
  }
  return { order: (await records.get(tenantId, "purchase_order", order.id)) as PurchaseOrder, checks };
}

/**
 * The PO line a document's line is: by the supplier's part number as the PO line prints it; else
 * through the supplier's cross-references (the part number is the supplier's for one of our items,
 * or our own item number) to the PO line for that item; else by its line number.
 */
export async function poLineOf(
  records: Records,
  tenantId: string,
  order: PurchaseOrder,
  line: Record<string, string>,
): Promise<{ part: string; poLine: PurchaseOrderLine | undefined }> {
  const part = (line.supplier_part_number ?? line.part_number ?? "").trim().toUpperCase();
  const lines = order.lines ?? [];
  const byPrinted = lines.find(
    (candidate) => part !== "" && (candidate.supplier_part_number ?? "").trim().toUpperCase() === part,
  );
  if (byPrinted) return { part, poLine: byPrinted };
  const items = new Set<string>();
  if (part !== "") {
    const xrefs = (
      await records.list(tenantId, "item_xref", {
        part_number: (line.supplier_part_number ?? line.part_number ?? "").trim(),
        kind: "supplier",
        supplier_external_id: order.supplier_external_id,
        limit: 5,
      })
    ).data as ItemXref[];
    for (const xref of xrefs) if (xref.source_system === order.source_system) items.add(xref.item_external_id);
  }
  const ours = (line.buyer_part_number ?? line.item_number)?.trim();
  if (ours) {
    const found = (await records.list(tenantId, "item", { sku: ours, limit: 1 })).data as Item[];
    for (const item of found) if (item.source_system === order.source_system) items.add(item.external_id);
  }
  const byItem = lines.filter((candidate) => items.has(candidate.item_external_id));
  // An item on two PO lines: the one of the same number, else the first.
  const poLine =
    byItem.find((candidate) => String(candidate.line_number) === line.line_number) ??
    byItem[0] ??
    lines.find((candidate) => line.line_number !== undefined && String(candidate.line_number) === line.line_number);
  return { part, poLine };
}
