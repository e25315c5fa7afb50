import type { Item, PurchaseOrder, Receipt, Records } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import { checkSupplier } from "./find-party.ts";
import type { ReadValues, RecordMatches, Tolerances, Validation } from "./tolerances.ts";
import { unitsInBase } from "./units.ts";

const money = (value: number) => value.toFixed(2);
const check = (name: string, passed: boolean, expected: string, found: string, atStake: number | null): DocumentCheck => ({
  check: name,
  passed,
  expected,
  found,
  at_stake: atStake === null ? null : money(atStake),
});

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
 * A supplier's invoice against the records, where the tenant has them (suppliers, purchase orders):
 * the supplier is one Crossdock knows; the PO it names
 * exists, is open and is that supplier's; and each line is on the PO (by the supplier's part
 * number, else its line number), at the PO's cost within the tenant's price tolerance, for no
 * more than was received within the quantity tolerance — quantities and prices compared in the
 * item's base unit, so a case of 12 billed against eaches ordered is counted right.
 */
export async function validateInvoice(
  records: Records,
  tenantId: string,
  document: ReadValues,
  tolerances: Tolerances,
): Promise<Validation> {
  const checks: DocumentCheck[] = [];
  const matches: RecordMatches = { source_system: null, line_items: document.lines.map(() => null) };
  const total = Number(document.fields.total ?? Number.NaN);
  const atStakeTotal = Number.isFinite(total) ? total : null;
  const sender = await checkSupplier(records, tenantId, document, matches, atStakeTotal === null ? null : money(atStakeTotal));
  const supplier = sender.supplier;
  if (sender.check) checks.push(sender.check);
  const poNumber = document.fields.po_number;
  if (!poNumber) return { checks, matches };
  const orders = (await records.list(tenantId, "purchase_order", { po_number: poNumber, limit: 5 })).data as PurchaseOrder[];
  // A tenant whose purchase orders are not in Crossdock (no ERP connected yet) has nothing to match against.
  if (orders.length === 0 && (await records.list(tenantId, "purchase_order", { limit: 1 })).data.length === 0)
    return { checks, matches };
  const order = orders.find((candidate) => !supplier || candidate.supplier_external_id === supplier.external_id) ?? orders[0];
  checks.push(
    check(
      "purchase order exists",
      order !== undefined,
      `PO ${poNumber} in the records`,
      order ? `PO ${order.po_number}` : "no such PO",
      order ? null : atStakeTotal,
    ),
  );
  if (!order) return { checks, matches };
  Object.assign(matches, { source_system: order.source_system, purchase_order_external_id: order.external_id });
  const open = !["draft", "cancelled", "closed"].includes(order.status);
  checks.push(
    check("purchase order is open", open, `PO ${poNumber} open`, `PO ${poNumber} ${order.status}`, open ? null : atStakeTotal),
  );
  if (supplier) {
    const same = order.supplier_external_id === supplier.external_id;
    checks.push(
      check(
        "invoice is from the PO's supplier",
        same,
        `supplier ${order.supplier_external_id}`,
        `supplier ${supplier.external_id}`,
        same ? null : atStakeTotal,
      ),
    );
  }
  const full = (await records.get(tenantId, "purchase_order", order.id)) as PurchaseOrder;
  const itemKeys = [...new Set((full.lines ?? []).map((line) => line.item_external_id))].map((external_id) => ({
    source_system: full.source_system,
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
    [{ source_system: full.source_system, external_id: full.external_id }],
    { include: ["lines"], limit: 100 },
  );
  const received = receivedByLine(full, (receiptPage?.data ?? []) as Receipt[], items);
  const billedByPoLine = new Map<number, number>();
  for (const [index, line] of document.lines.entries()) {
    const label = `line ${line.line_number ?? index + 1}`;
    const part = (line.supplier_part_number ?? line.part_number ?? "").trim().toUpperCase();
    const poLine =
      (full.lines ?? []).find(
        (candidate) => part !== "" && (candidate.supplier_part_number ?? "").trim().toUpperCase() === part,
      ) ??
      (full.lines ?? []).find(
        (candidate) => line.line_number !== undefined && String(candidate.line_number) === line.line_number,
      );
    const amount = Number(line.amount ?? Number.NaN);
    checks.push(
      check(
        `${label} is on the PO`,
        poLine !== undefined,
        `a line of PO ${poNumber}${part ? ` for ${part}` : ""}`,
        poLine ? `PO line ${poLine.line_number}` : "none",
        poLine ? null : Number.isFinite(amount) ? amount : null,
      ),
    );
    if (!poLine) continue;
    matches.line_items[index] = poLine.item_external_id;
    const item = items.get(poLine.item_external_id);
    const billedFactor = item && line.uom ? unitsInBase(item, line.uom) : 1;
    const orderedFactor = item ? (unitsInBase(item, poLine.uom) ?? 1) : 1;
    const quantity = Number(line.quantity ?? Number.NaN);
    const price = Number(line.unit_price ?? Number.NaN);
    if (billedFactor === null) {
      checks.push(
        check(
          `${label} unit is known`,
          false,
          `a unit of ${poLine.item_external_id}`,
          line.uom ?? "",
          Number.isFinite(amount) ? amount : null,
        ),
      );
      continue;
    }
    if (Number.isFinite(price)) {
      const cost = Number(poLine.unit_cost) / orderedFactor;
      const billed = price / billedFactor;
      const within = billed <= cost * (1 + tolerances.price) + 0.005 / billedFactor;
      const overBy = (billed - cost) * (Number.isFinite(quantity) ? quantity * billedFactor : 0);
      checks.push(
        check(
          `${label} price matches the PO`,
          within,
          `${money(cost * billedFactor)} per ${line.uom ?? poLine.uom} (PO ${money(Number(poLine.unit_cost))} per ${poLine.uom}), within ${tolerances.price * 100}%`,
          money(price),
          within ? null : Math.max(0, overBy),
        ),
      );
    }
    if (Number.isFinite(quantity)) {
      const billedBase = (billedByPoLine.get(poLine.line_number) ?? 0) + quantity * billedFactor;
      billedByPoLine.set(poLine.line_number, billedBase);
      const got = received.get(poLine.line_number);
      if (got !== undefined) {
        const within = billedBase <= got * (1 + tolerances.quantity) + 1e-9;
        const unitPrice = Number.isFinite(price) ? price / billedFactor : Number(poLine.unit_cost) / orderedFactor;
        checks.push(
          check(
            `${label} quantity was received`,
            within,
            `at most ${got / billedFactor} ${line.uom ?? poLine.uom} received`,
            `${quantity} ${line.uom ?? poLine.uom} billed`,
            within ? null : (billedBase - got) * unitPrice,
          ),
        );
      }
    }
  }
  return { checks, matches };
}
