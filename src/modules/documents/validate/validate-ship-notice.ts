import type { Records } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import { checkPurchaseOrder, poLineOf } from "./check-purchase-order.ts";
import { checkSupplier } from "./find-party.ts";
import { receivedOnOrder } from "./received-on-order.ts";
import type { ReadValues, RecordMatches, Tolerances, Validation } from "./tolerances.ts";
import { unitsInBase } from "./units.ts";

const money = (value: number) => value.toFixed(2);
const amount = (value: number) => Number(value.toFixed(6));

/**
 * A supplier's packing slip or ship notice against the records: the supplier is one Crossdock
 * knows; the PO it ships is that supplier's and open; and each line is on the PO (by the supplier's
 * part number, else its line number), in a unit the item has, for no more than is still to come
 * (ordered less received, within the tenant's quantity tolerance) — counted in the item's base
 * unit, so cases shipped against eaches ordered are compared right. An over-shipment puts the
 * excess at the PO's cost at stake.
 */
export async function validateShipNotice(
  records: Records,
  tenantId: string,
  document: ReadValues,
  tolerances: Tolerances,
): Promise<Validation> {
  const checks: DocumentCheck[] = [];
  const matches: RecordMatches = {
    source_system: null,
    line_items: document.lines.map(() => null),
    purchase_order_lines: document.lines.map(() => null),
  };
  const { supplier, check } = await checkSupplier(records, tenantId, document, matches, null);
  if (check) checks.push(check);
  const poNumber = document.fields.po_number;
  if (!poNumber) return { checks, matches };
  const found = await checkPurchaseOrder(records, tenantId, poNumber, supplier, matches, {
    noun: "packing slip",
    atStake: null,
  });
  checks.push(...found.checks);
  const order = found.order;
  if (!order) return { checks, matches };
  const { items, received } = await receivedOnOrder(records, tenantId, order);
  const shippedByPoLine = new Map<number, number>();
  for (const [index, line] of document.lines.entries()) {
    const label = `line ${line.line_number ?? index + 1}`;
    const { part, poLine } = await poLineOf(records, tenantId, order, line);
    checks.push({
      check: `${label} is on the PO`,
      passed: poLine !== undefined,
      expected: `a line of PO ${poNumber}${part ? ` for ${part}` : ""}`,
      found: poLine ? `PO line ${poLine.line_number}` : "none",
      at_stake: null,
    });
    if (!poLine) continue;
    matches.line_items[index] = poLine.item_external_id;
    (matches.purchase_order_lines as (number | null)[])[index] = poLine.line_number;
    const item = items.get(poLine.item_external_id);
    const uom = line.uom ?? poLine.uom;
    const shippedFactor = item ? unitsInBase(item, uom) : 1;
    if (shippedFactor === null) {
      checks.push({
        check: `${label} unit is known`,
        passed: false,
        expected: `a unit of ${poLine.item_external_id}`,
        found: uom,
        at_stake: null,
      });
      continue;
    }
    const quantity = Number(line.quantity ?? Number.NaN);
    if (!Number.isFinite(quantity)) continue;
    const orderedFactor = item ? (unitsInBase(item, poLine.uom) ?? 1) : 1;
    const shipped = (shippedByPoLine.get(poLine.line_number) ?? 0) + quantity * shippedFactor;
    shippedByPoLine.set(poLine.line_number, shipped);
    const outstanding = Math.max(0, Number(poLine.quantity) * orderedFactor - (received.get(poLine.line_number) ?? 0));
    const within = shipped <= outstanding * (1 + tolerances.quantity) + 1e-9;
    const costPerBase = Number(poLine.unit_cost) / orderedFactor;
    checks.push({
      check: `${label} quantity is still to come on the PO`,
      passed: within,
      expected: `at most ${amount(outstanding / shippedFactor)} ${uom} (ordered ${poLine.quantity} ${poLine.uom}, received ${amount((received.get(poLine.line_number) ?? 0) / orderedFactor)})`,
      found: `${quantity} ${uom} shipped`,
      at_stake: within ? null : money((shipped - outstanding) * costPerBase),
    });
  }
  return { checks, matches };
}
