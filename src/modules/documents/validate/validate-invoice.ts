import type { Records } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import { checkPurchaseOrder, poLineOf } from "./check-purchase-order.ts";
import { checkSupplier } from "./find-party.ts";
import { receivedOnOrder } from "./received-on-order.ts";
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
  const found = await checkPurchaseOrder(records, tenantId, poNumber, supplier, matches, {
    noun: "invoice",
    atStake: atStakeTotal === null ? null : money(atStakeTotal),
  });
  checks.push(...found.checks);
  const full = found.order;
  if (!full) return { checks, matches };
  const { items, received } = await receivedOnOrder(records, tenantId, full);
  const billedByPoLine = new Map<number, number>();
  for (const [index, line] of document.lines.entries()) {
    const label = `line ${line.line_number ?? index + 1}`;
    const { part, poLine } = await poLineOf(records, tenantId, full, line);
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
