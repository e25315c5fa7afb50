import { compare, type Row, type WorldIndex } from "../world-index.ts";

/** One line of a contract's pricing exhibit: a price agreement in force, and the item it prices. */
export type ExhibitLine = { agreement: Row<"price_agreement">; item: Row<"item"> };

const LIVE_STATUSES = new Set(["active", null, undefined]);

/**
 * The customer's price agreements in force on the documents' date: active, started, not ended.
 * When one item has several (a ship-to price beside an account price), each is its own line.
 */
export function agreementsInForce(index: WorldIndex, customerExternalId: string): ExhibitLine[] {
  const lines: ExhibitLine[] = [];
  for (const agreement of index.agreementsByCustomer.get(customerExternalId) ?? []) {
    if (!LIVE_STATUSES.has(agreement.status)) continue;
    if (agreement.valid_from > index.asOf) continue;
    if (agreement.valid_to && agreement.valid_to < index.asOf) continue;
    const item = index.items.get(agreement.item_external_id);
    if (item) lines.push({ agreement, item });
  }
  return lines.sort(
    (a, b) =>
      compare(a.item.sku, b.item.sku) ||
      compare(a.agreement.ship_to_external_id ?? "", b.agreement.ship_to_external_id ?? "") ||
      compare(a.agreement.external_id, b.agreement.external_id),
  );
}
