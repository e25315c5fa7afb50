import type { Records } from "../../modules/records/index.ts";
import type { AffectedLine } from "./affected-orders.ts";

export type Recovery =
  | { option: "reallocate"; from_location: string; available: string }
  | { option: "split"; ship_now: string; ship_later: string }
  | { option: "substitute"; item_external_id: string; available: string }
  | { option: "expedite" };

export type PlannedLine = AffectedLine & { recovery: Recovery; alternatives: Recovery[] };

/**
 * What can be done for each line at risk, best first: reallocate from another warehouse that has it
 * all, split (ship what the warehouse has now, the rest with the shipment), substitute an item of
 * the same category in stock, or ask the supplier to expedite. The first is proposed.
 */
export async function recoveryOptions(
  records: Records,
  tenantId: string,
  lines: readonly AffectedLine[],
): Promise<PlannedLine[]> {
  const planned: PlannedLine[] = [];
  for (const line of lines) {
    const options: Recovery[] = [];
    const stock = await records.list(tenantId, "inventory_balance", { item_external_id: line.item_external_id, limit: "100" });
    const needed = Number(line.quantity);
    const elsewhere = stock.data
      .filter((balance) => balance.location_external_id !== line.location_external_id)
      .map((balance) => ({
        location: balance.location_external_id,
        available: Number(balance.quantity_available ?? balance.quantity_on_hand),
      }))
      .filter((balance) => balance.available >= needed)
      .sort((a, b) => b.available - a.available)[0];
    if (elsewhere)
      options.push({ option: "reallocate", from_location: elsewhere.location, available: String(elsewhere.available) });
    const here = stock.data.find((balance) => balance.location_external_id === line.location_external_id);
    const onHand = Number(here?.quantity_available ?? here?.quantity_on_hand ?? 0);
    if (onHand > 0 && onHand < needed)
      options.push({ option: "split", ship_now: String(onHand), ship_later: String(needed - onHand) });
    const item = await records.list(tenantId, "item", { external_id: line.item_external_id, limit: "1" });
    const category = item.data[0]?.category;
    if (category && line.location_external_id) {
      const similar = await records.list(tenantId, "item", { category, status: "active", limit: "25" });
      for (const candidate of similar.data) {
        if (candidate.external_id === line.item_external_id || candidate.base_uom !== line.uom) continue;
        const candidateStock = await records.list(tenantId, "inventory_balance", {
          item_external_id: candidate.external_id,
          location_external_id: line.location_external_id,
          limit: "1",
        });
        const available = Number(candidateStock.data[0]?.quantity_available ?? 0);
        if (available >= needed) {
          options.push({ option: "substitute", item_external_id: candidate.external_id, available: String(available) });
          break;
        }
      }
    }
    options.push({ option: "expedite" });
    planned.push({ ...line, recovery: options[0] as Recovery, alternatives: options.slice(1) });
  }
  return planned;
}
